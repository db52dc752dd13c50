// What a runner lets one run of a script spend: time, steps, memory, call depth.

/// Bounds on one run, checked at the interpreter's one checkpoint (every loop iteration, call,
/// wait and item a builtin walks), so no script, builtin or sleep can outrun them. Reaching one
/// is a `limit` error naming it; like an interrupt, `try/catch` cannot stop it.
///
/// Set them per interpreter (`interpreter.limits`) or per run (`run(_:limits:)`); a run counts its
/// time and steps from its own start.
public struct Limits: Sendable, Hashable {
    /// Wall-clock seconds a run may take, waits included (`rove --max-time`).
    public var time: Double?
    /// Steps a run may take: each loop iteration, call, and each item a builtin walks is one
    /// (`rove --max-steps`). Deterministic where time is not, so tests and hosts can rely on it.
    public var steps: Int?
    /// Bytes a run may add to the process's memory (`rove --max-memory`). Nil still bounds a run:
    /// by the host's ceiling (`Host.memoryCeiling`), so running out of memory is a `limit`
    /// error, never a crash.
    public var memory: Int?
    /// HTTP requests a run may send through the providers, retries and redirect hops included
    /// (`rove --max-requests`); the core only carries it, the providers' client counts.
    public var requests: Int?
    /// Calls nested deeper than this raise a catchable `stack` error instead of overflowing the
    /// native stack; a host running scripts on a small thread lowers it.
    public var callDepth: Int
    /// Lists and objects nested deeper than this are refused where they are built, with a
    /// `limit` error: comparing, hashing and printing values recurse, and must not overflow the
    /// native stack. Real documents nest a few dozen levels; JSON is read to 512.
    public var nesting: Int

    public init(time: Double? = nil, steps: Int? = nil, memory: Int? = nil, requests: Int? = nil,
                callDepth: Int = 1000, nesting: Int = 1000) {
        self.time = time
        self.steps = steps
        self.memory = memory
        self.requests = requests
        self.callDepth = callDepth
        self.nesting = nesting
    }

    /// What a limit's error calls it: `time limit of 30 s`, `memory limit of 512 MB`.
    static func describe(seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    /// Megabytes, as `--max-memory` takes them.
    static func describe(bytes: Int) -> String {
        if bytes >= 10 << 30 { return "\(bytes >> 30) GB" }
        return bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }
}
