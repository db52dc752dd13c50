// Where a deployment is at a moment: pending for the first tenth, then its steps in equal shares.

/// Deployment status values (spec POST description; `cancelled` as the CLI handles it).
enum DeploymentStatus: String, Sendable {
    case pending, running, completed, failed, cancelled
    case previewPending = "preview_pending"
    case previewReady = "preview_ready"

    var isFinished: Bool {
        switch self {
        case .completed, .failed, .cancelled, .previewReady: return true
        case .pending, .running, .previewPending: return false
        }
    }
}

/// Step status values (the CLI's watch.go).
enum StepStatus: String, Sendable {
    case pending, running, completed, failed, skipped
}

/// The derived state of one record at `now`.
struct DeploymentTimeline {
    let record: DeploymentRecord
    let now: Double

    var steps: [DeploymentStep] { record.isPreview ? DeploymentStep.previewSteps : DeploymentStep.allCases }

    /// Queued for the first 10 %, then each step gets an equal share of the remaining 90 %.
    var startedAt: Double { record.queuedAt + record.duration * 0.1 }
    var stepLength: Double { record.duration * 0.9 / Double(steps.count) }

    func stepStart(_ index: Int) -> Double { startedAt + stepLength * Double(index) }

    /// A failing step fails halfway through its share.
    var failsAt: Double? { record.failingStep.map { stepStart($0) + stepLength / 2 } }

    /// When it stopped on its own: completion, or failure by the rule.
    var naturalEnd: Double { failsAt ?? (record.queuedAt + record.duration) }

    /// When it stopped, if it has: its natural end, or the abort.
    var finishedAt: Double? {
        if let aborted = record.abortedAt, aborted < naturalEnd { return aborted }
        return now >= naturalEnd ? naturalEnd : nil
    }

    var status: DeploymentStatus {
        if let aborted = record.abortedAt, aborted < naturalEnd, now >= aborted { return .cancelled }
        if now < startedAt { return record.isPreview ? .previewPending : .pending }
        if now < naturalEnd { return record.isPreview ? .previewPending : .running }
        if record.failingStep != nil { return .failed }
        return record.isPreview ? .previewReady : .completed
    }

    func stepStatus(_ index: Int) -> StepStatus {
        let stop = min(now, finishedAt ?? now)
        let begin = stepStart(index)
        let end = begin + stepLength
        if let failing = record.failingStep, index > failing { return status == .failed ? .skipped : .pending }
        if stop < begin { return status.isFinished ? .skipped : .pending }
        if let failing = record.failingStep, index == failing, let failsAt, stop >= failsAt { return .failed }
        if stop >= end { return .completed }
        return status == .cancelled ? .failed : .running
    }

    /// How far a step has got, 0…1, by the clock.
    func progress(_ index: Int) -> Double {
        let stop = min(now, finishedAt ?? now)
        let fraction = (stop - stepStart(index)) / stepLength
        return max(0, min(1, fraction))
    }
}
