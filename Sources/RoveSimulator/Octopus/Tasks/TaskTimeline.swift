// Derives a task's state from the clock: Queued, then Executing through its steps, then done.

enum TaskState: String, Sendable {
    case queued = "Queued"
    case executing = "Executing"
    case success = "Success"
    case failed = "Failed"
    case canceled = "Canceled"

    var isCompleted: Bool {
        switch self {
        case .queued, .executing: return false
        case .success, .failed, .canceled: return true
        }
    }
}

/// A task as seen at one instant.
struct TaskSnapshot {
    let state: TaskState
    let startTime: Double?
    let completedTime: Double?
    let lastUpdated: Double
    /// Progress along the plan, in plan seconds; log entries up to here are visible.
    let elapsed: Double
    let hasPendingInterruption: Bool
    let errorMessage: String
}

/// The plan's geometry: a tenth of the time queued, the rest split evenly between steps.
struct TaskTimeline {
    let record: TaskRecord
    let stepCount: Int

    var queueSpan: Double { record.duration * 0.1 }
    var stepSpan: Double { record.duration * 0.9 / Double(max(stepCount, 1)) }
    func stepStart(_ step: Int) -> Double { queueSpan + Double(step) * stepSpan }

    /// Plan seconds at which the run stops by itself.
    var planEnd: Double {
        switch record.outcome {
        case .success, .intervention: return record.duration
        case .failure(let step): return stepStart(min(step, stepCount - 1)) + stepSpan / 2
        }
    }

    var pausePoint: Double? {
        if case .intervention(let step) = record.outcome { return stepStart(min(step, stepCount - 1)) }
        return nil
    }

    /// The clock time of a plan offset: after a pause, the remainder runs from the decision.
    func absoluteTime(_ offset: Double) -> Double {
        if let pause = pausePoint, offset > pause, let decision = record.decision {
            return decision.at + (offset - pause)
        }
        return record.queuedAt + offset
    }

    /// Plan seconds reached at clock time `now`, ignoring cancellation.
    func planOffset(at now: Double) -> Double {
        if record.isHistorical { return planEnd }
        let raw = max(0, now - record.queuedAt)
        guard let pause = pausePoint, raw >= pause else { return min(raw, planEnd) }
        guard let decision = record.decision else { return pause }
        guard decision.proceed else { return pause }
        return min(planEnd, pause + max(0, now - decision.at))
    }

    func snapshot(at now: Double) -> TaskSnapshot {
        var elapsed = planOffset(at: now)
        if let canceled = record.canceledAt, canceled <= now {
            let offsetAtCancel = planOffset(at: canceled)
            if offsetAtCancel < planEnd && !(record.decision.map { !$0.proceed && $0.at <= canceled } ?? false) {
                elapsed = offsetAtCancel
                return TaskSnapshot(state: .canceled, startTime: startTime(elapsed), completedTime: canceled,
                                    lastUpdated: canceled, elapsed: elapsed, hasPendingInterruption: false,
                                    errorMessage: "The task was canceled.")
            }
        }
        if let pause = pausePoint, let decision = record.decision, !decision.proceed, elapsed >= pause {
            return TaskSnapshot(state: .failed, startTime: startTime(elapsed), completedTime: decision.at,
                                lastUpdated: decision.at, elapsed: pause, hasPendingInterruption: false,
                                errorMessage: "The deployment was aborted: the manual intervention was rejected.")
        }
        if elapsed >= planEnd {
            let end = absoluteTime(planEnd)
            switch record.outcome {
            case .failure:
                return TaskSnapshot(state: .failed, startTime: startTime(elapsed), completedTime: end, lastUpdated: end,
                                    elapsed: elapsed, hasPendingInterruption: false,
                                    errorMessage: "The deployment failed because one or more steps failed. Please see the deployment log for details.")
            case .success, .intervention:
                return TaskSnapshot(state: .success, startTime: startTime(elapsed), completedTime: end, lastUpdated: end,
                                    elapsed: elapsed, hasPendingInterruption: false, errorMessage: "")
            }
        }
        if elapsed < queueSpan {
            return TaskSnapshot(state: .queued, startTime: nil, completedTime: nil, lastUpdated: record.queuedAt,
                                elapsed: elapsed, hasPendingInterruption: false, errorMessage: "")
        }
        let pending = pausePoint.map { elapsed >= $0 && record.decision == nil } ?? false
        return TaskSnapshot(state: .executing, startTime: startTime(elapsed), completedTime: nil,
                            lastUpdated: absoluteTime(elapsed), elapsed: elapsed,
                            hasPendingInterruption: pending, errorMessage: "")
    }

    func startTime(_ elapsed: Double) -> Double? {
        elapsed >= queueSpan ? record.queuedAt + queueSpan : nil
    }
}
