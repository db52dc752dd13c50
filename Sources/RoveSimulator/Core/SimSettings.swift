// What every simulated service is built from: seed, credentials, scale.

/// The settings `rove-sim`'s flags give the services; the same seed gives the same data.
public struct SimSettings: Sendable {
    /// Seeds the demo data and the fault draws.
    public var seed: UInt64
    /// The Octopus API key the simulator accepts (`X-Octopus-ApiKey`, `apikey=`, or Bearer).
    public var octopusAPIKey: String
    /// DeployHQ's HTTP Basic credentials.
    public var deployhqEmail: String
    public var deployhqAPIKey: String
    /// Completed tasks added to the seeded ones, for scale work (`--tasks N`).
    public var extraTasks: Int
    /// Finished deployments added to DeployHQ's Web project before its seeded history, for
    /// paging work (`--deployhq-deployments N`).
    public var extraDeployments: Int
    /// How long a deployment or runbook task takes from queued to finished, in seconds
    /// (`--task-seconds`); tests shorten it, the demo keeps it long enough to watch.
    public var taskSeconds: Double

    public init(seed: UInt64 = 1, octopusAPIKey: String = SimSettings.demoOctopusAPIKey,
                deployhqEmail: String = "demo@example.com",
                deployhqAPIKey: String = SimSettings.demoDeployHQAPIKey, extraTasks: Int = 0,
                extraDeployments: Int = 0, taskSeconds: Double = 4) {
        self.seed = seed
        self.octopusAPIKey = octopusAPIKey
        self.deployhqEmail = deployhqEmail
        self.deployhqAPIKey = deployhqAPIKey
        self.extraTasks = extraTasks
        self.extraDeployments = extraDeployments
        self.taskSeconds = taskSeconds
    }

    /// `API-` and 26 uppercase letters and digits, the shape of a real key (research §5.2).
    public static let demoOctopusAPIKey = "API-ROVESIMULATOR0DEMO0KEY0001"
    /// 40 characters, the shape of a real DeployHQ key.
    public static let demoDeployHQAPIKey = "rovesimulatordemokey00000000000000000001"
}
