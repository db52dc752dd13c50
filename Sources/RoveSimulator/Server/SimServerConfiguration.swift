// How the server layer runs every service: where it listens, how slowly, with which faults.

/// The server-side settings `rove-sim`'s flags give, shared by every service port.
public struct SimServerConfiguration: Sendable {
    /// The address every listener binds to; loopback unless asked otherwise.
    public var host: String
    /// Added before every answer (`--latency-ms`), never to the `/_sim/` admin surface.
    public var latencyMilliseconds: Int
    /// The faults every service starts with (`--faults`, `--retry-after`).
    public var faults: FaultPlan
    /// Seeds the fault draws (`--seed`), so a failing run can be replayed.
    public var seed: UInt64
    /// Larger request bodies get 413. No Octopus or DeployHQ call comes near the default; it
    /// only bounds memory.
    public var maxBodyBytes: Int

    public init(host: String = "127.0.0.1", latencyMilliseconds: Int = 0, faults: FaultPlan = .none,
                seed: UInt64 = 1, maxBodyBytes: Int = 64 << 20) {
        self.host = host
        self.latencyMilliseconds = latencyMilliseconds
        self.faults = faults
        self.seed = seed
        self.maxBodyBytes = maxBodyBytes
    }
}
