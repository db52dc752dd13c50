// A wall-clock deadline for a run: a watchdog thread that stops the interpreter when time is up.

import Dispatch
import RoveCore

/// Stops a run through its interrupt handle once `seconds` have passed, with a `limit` error
/// (`rove --max-time`). The watchdog waits on a semaphore, so `cancel()` ends it at once and a
/// run that finishes in time leaves nothing behind.
public final class Deadline: Sendable {
    private let cancelled = DispatchSemaphore(value: 0)

    /// Starts the watchdog; nil when no thread could be made (the run then has no deadline).
    public init?(seconds: Double, stopping handle: InterruptHandle) {
        let cancelled = self.cancelled
        let message = "time limit of \(Self.text(seconds)) reached"
        let started = startThread(stackSize: 256 << 10, detached: true) {
            if cancelled.wait(timeout: .now() + seconds) == .timedOut {
                handle.stop(reachingLimit: message)
            }
        }
        if started == nil { return nil }
    }

    /// The run ended in time: the watchdog stops without touching it.
    public func cancel() {
        cancelled.signal()
    }

    /// `30 s`, `0.5 s`.
    static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() && seconds < 1e15 ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
