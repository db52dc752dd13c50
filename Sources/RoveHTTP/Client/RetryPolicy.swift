// When a failed request is tried again, and how long the client waits before it does.

/// How many times, and how patiently, the client retries a request that failed in a way that
/// may pass: exponential backoff with full jitter, bounded per wait and in total.
public struct RetryPolicy {
    /// Attempts per request, the first included; 1 turns retrying off.
    public var maxAttempts: Int
    /// The ceiling of the first wait, in seconds; each later ceiling doubles it.
    public var baseDelay: Double
    /// No single wait is longer than this, in seconds (unless a server's `Retry-After` asks for more).
    public var maxDelay: Double
    /// A request still failing this many seconds after `send` began fails for good, so a
    /// script never hangs on a server that keeps answering 503.
    public var totalTimeCap: Double
    /// Picks the actual wait given its ceiling; full jitter by default (AWS Architecture Blog,
    /// "Exponential Backoff and Jitter"), so that clients failing together do not retry together.
    /// Tests pass `{ $0 }` to make waits predictable.
    public var jitter: (Double) -> Double

    public init(maxAttempts: Int = 5, baseDelay: Double = 0.2, maxDelay: Double = 10, totalTimeCap: Double = 60,
                jitter: @escaping (Double) -> Double = { Double.random(in: 0...$0) }) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.totalTimeCap = totalTimeCap
        self.jitter = jitter
    }

    /// The ceiling of the wait after failure number `failures` (1 for the first failure).
    public func ceiling(afterFailure failures: Int) -> Double {
        // Doubling stops well before Double overflows; maxDelay caps it long before that anyway.
        let doublings = min(max(failures - 1, 0), 30)
        return min(maxDelay, baseDelay * Double(1 << doublings))
    }

    /// The wait after failure number `failures`, jittered and within `0...ceiling`.
    public func delay(afterFailure failures: Int) -> Double {
        let ceiling = ceiling(afterFailure: failures)
        return min(max(jitter(ceiling), 0), ceiling)
    }
}
