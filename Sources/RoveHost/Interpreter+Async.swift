// Running a script from Swift concurrency: on a thread of its own, stopped when its Task is cancelled.

import RoveCore
import Synchronization

extension Interpreter {
    /// Runs `program` on a thread of its own with the interpreter's large stack, and suspends
    /// (never blocks) the calling task until it ends. Cancelling the task stops the program as
    /// `interrupt()` does.
    ///
    /// A script can run for minutes and waits synchronously (on HTTP, on `sleep`), so it does
    /// not run on the cooperative pool, whose few threads every task shares.
    ///
    /// - Parameter limits: what this run may spend; nil for the interpreter's own `limits`.
    /// - Returns: what `run(_:limits:)` returns.
    /// - Throws: what `run(_:limits:)` throws. Cancellation ends the run with its `interrupted`
    ///   diagnostic (located where the script was stopped), not `CancellationError`: every
    ///   failure of a run is a `Diagnostic`. A task cancelled before the run starts throws
    ///   `interrupted` without running anything.
    ///
    /// The interpreter is not `Sendable`: until this returns, it belongs to the run's thread,
    /// and so do the closures it calls (`Host`'s, registered functions). Touch neither from the
    /// calling actor meanwhile; stop the run through `interruptHandle` or by cancelling.
    @discardableResult
    public nonisolated(nonsending) func run(_ program: Program, limits: Limits? = nil) async throws -> Value? {
        try await runOnItsOwnThread { interpreter in try interpreter.run(program, limits: limits) }
    }

    /// Compiles and runs `source` as `run(_:)` does, compiling on the run's thread too (a deeply
    /// nested text needs the large stack to parse).
    @discardableResult
    public nonisolated(nonsending) func run(_ source: String, file: String) async throws -> Value? {
        try await runOnItsOwnThread { interpreter in try interpreter.run(source, file: file) }
    }

    private nonisolated(nonsending) func runOnItsOwnThread(_ work: @escaping (Interpreter) throws -> Value?) async throws -> Value? {
        let run = DetachedRun(interpreter: self, work: work)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value?, any Error>) in
                let started = startThread(stackSize: interpreterStackSize, detached: true) {
                    continuation.resume(with: run.perform())
                }
                // No thread to be had (a tight `ulimit -v`): run here, as `runOnLargeStack` does.
                if started == nil { continuation.resume(with: run.perform()) }
            }
        } onCancel: {
            run.cancel()
        }
    }
}

/// One run handed to another thread, and what its task's cancellation does to it: before the
/// run starts, the run is skipped; while it runs, it is interrupted; after it ends, nothing (an
/// interrupt then would stay pending and stop the interpreter's next run instead).
///
/// `@unchecked Sendable`: the interpreter and work cross to the run's thread once, while the
/// calling task is suspended and promised not to touch the interpreter; `phase` is behind a lock.
private final class DetachedRun: @unchecked Sendable {
    private enum Phase { case waiting, running, ended }

    private let interpreter: Interpreter
    private let stop: InterruptHandle
    private let work: (Interpreter) throws -> Value?
    private let state = Mutex<(phase: Phase, cancelled: Bool)>((.waiting, false))

    init(interpreter: Interpreter, work: @escaping (Interpreter) throws -> Value?) {
        self.interpreter = interpreter
        self.stop = interpreter.interruptHandle
        self.work = work
    }

    /// Called from any thread when the task is cancelled.
    func cancel() {
        state.withLock { state in
            state.cancelled = true
            if state.phase == .running { stop.interrupt() }
        }
    }

    /// Runs the work on the calling thread, unless the task was cancelled first.
    func perform() -> Result<Value?, any Error> {
        let cancelledFirst = state.withLock { state in
            if !state.cancelled { state.phase = .running }
            return state.cancelled
        }
        if cancelledFirst { return .failure(Diagnostic(.interrupted, "interrupted")) }
        let result = Result { try work(interpreter) }
        let cancelledWhileRunning = state.withLock { state in
            state.phase = .ended
            return state.cancelled
        }
        // A cancellation that came as the script finished, after its last loop or call, left
        // an interrupt nobody delivered: it was for this run, which is over.
        if cancelledWhileRunning, stop.isInterrupted { stop.withdraw() }
        return result
    }
}
