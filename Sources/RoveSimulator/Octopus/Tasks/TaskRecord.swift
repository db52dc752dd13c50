// A server task as a compact record; its state, log and JSON are derived from the clock on read.

/// What a task does; decides its name, steps and side effects.
enum TaskKind: Sendable {
    case deploy
    case runbookRun
    case health

    var name: String {
        switch self {
        case .deploy: return "Deploy"
        case .runbookRun: return "RunbookRun"
        case .health: return "Health"
        }
    }
}

/// How a task's plan ends if nobody intervenes.
enum TaskOutcome: Sendable, Equatable {
    case success
    /// Fails halfway through step `step` (0-based).
    case failure(step: Int)
    /// Pauses at the start of `step` until its manual intervention is submitted.
    case intervention(step: Int)
}

/// A submitted manual intervention.
struct InterventionDecision: Sendable {
    let proceed: Bool
    let at: Double
}

/// One ServerTask; about 150 bytes, so 100k of them are cheap to keep.
struct TaskRecord: Sendable {
    let number: Int
    let spaceId: String
    let kind: TaskKind
    let description: String
    /// DeploymentId or RunbookRunId; nil for health checks.
    let documentId: String?
    let projectId: String?
    let environmentId: String?
    let tenantId: String?
    let queuedAt: Double
    /// Seconds from queued to finished for an uninterrupted run.
    let duration: Double
    let stepsIndex: Int
    let outcome: TaskOutcome
    /// Seeded history: finished long ago whatever the clock says.
    let isHistorical: Bool
    var canceledAt: Double? = nil
    var decision: InterventionDecision? = nil
    var interruptionId: String? = nil

    var id: String { "ServerTasks-\(number)" }
}
