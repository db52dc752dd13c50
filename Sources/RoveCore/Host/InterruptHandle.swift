// Stopping a running script from another thread: the one value a host shares across threads.

import Synchronization

/// Asks an interpreter to stop what it is running. `Sendable`, so a Swift 6 host hands it to a
/// watchdog thread, a signal handler's task or a UI's cancel button without a wrapper of its own;
/// the interpreter itself stays on the thread that runs it.
///
/// ```swift
/// let stop = interpreter.interruptHandle
/// Thread { Thread.sleep(forTimeInterval: 5); stop.interrupt() }.start()
/// ```
public final class InterruptHandle: Sendable {
    /// Read by every loop, call and wait the interpreter runs; set from any thread.
    let requested = Atomic<Bool>(false)
    /// Set with `requested` when a limit, not a person, stops the run: what the error says.
    private let limitReached = Mutex<String?>(nil)

    init() {}

    /// Stops the running evaluation at its next loop iteration, call or wait, with an
    /// `interrupted` diagnostic; the interpreter stays usable.
    public func interrupt() {
        requested.store(true, ordering: .relaxed)
    }

    /// Stops the running evaluation as `interrupt()` does, but the run ends with a `limit`
    /// error saying `message` (`time limit of 30 s reached`): a watchdog's deadline, not Ctrl-C.
    public func stop(reachingLimit message: String) {
        limitReached.withLock { $0 = message }
        requested.store(true, ordering: .relaxed)
    }

    /// The limit that stopped the run, once: the run turns its `interrupted` error into a
    /// `limit` error with this message.
    func takeLimitReached() -> String? {
        limitReached.withLock { reason in
            defer { reason = nil }
            return reason
        }
    }

    /// Whether an interrupt is pending: asked for and not yet delivered as an `interrupted` error.
    public var isInterrupted: Bool { requested.load(ordering: .relaxed) }

    /// Withdraws a pending interrupt. An interrupt stays pending until a run delivers it, even
    /// across runs; a REPL withdraws one that came after its line finished, when it is back at
    /// the prompt, so it does not stop the next line.
    public func withdraw() {
        requested.store(false, ordering: .relaxed)
        limitReached.withLock { $0 = nil }
    }
}
