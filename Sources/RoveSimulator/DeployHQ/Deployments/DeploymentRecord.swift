// One deployment as stored: what was asked and when; its status is derived from the clock.

/// A deployment's facts. Status, step states and logs are computed from these and `now`
/// (Deployments/DeploymentTimeline.swift), never advanced by a timer.
struct DeploymentRecord {
    let identifier: String
    let projectIdentifier: String
    /// The servers it deploys to (one server, or every server of a group), by identifier.
    let serverIdentifiers: [String]
    /// The server or group the request named; its `last_revision` moves when this completes.
    let targetIdentifier: String
    let branch: String
    let startRevision: String
    let endRevision: String
    let queuedAt: Double
    /// Seconds from queued to finished.
    let duration: Double
    let isPreview: Bool
    /// The step at which it fails, by the failure rule; nil when it succeeds.
    let failingStep: Int?
    let deployer: String
    let copyConfigFiles: Bool
    let runBuildCommands: Bool
    /// Set by `abort` while unfinished: the deployment is `cancelled` from that moment.
    var abortedAt: Double?
    /// Per-step log line counts; transfer has one line per changed file.
    let transferredFiles: Int

    /// 120…375 files, from the end revision: enough that a transfer log spans several `before=` pages.
    static func transferredFiles(for endRevision: String) -> Int {
        120 + (Int(endRevision.prefix(2), radix: 16) ?? 0)
    }
}

/// The steps every deployment runs, with the stage they are grouped under (research §3).
enum DeploymentStep: String, CaseIterable, Sendable {
    case checkingAccess = "checking_access"
    case updatingRepository = "updating_repository"
    case building = "build"
    case transferring = "transfer"
    case finishing = "finishing"

    var stage: String {
        switch self {
        case .checkingAccess, .updatingRepository: return "preparing"
        case .building: return "building"
        case .transferring: return "deploy"
        case .finishing: return "finishing"
        }
    }

    var description: String {
        switch self {
        case .checkingAccess: return "Checking access to repository"
        case .updatingRepository: return "Updating repository"
        case .building: return "Running build commands"
        case .transferring: return "Transferring files to server"
        case .finishing: return "Finishing deployment"
        }
    }

    /// Previews stop after working out what would change: no build, no transfer.
    static let previewSteps: [DeploymentStep] = [.checkingAccess, .updatingRepository]
}
