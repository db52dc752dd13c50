// Ctrl-C, turned from a signal into an ordinary call on a watcher thread where any code may run.

import RoveHost
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Catches SIGINT for the whole process and calls the current handler on a watcher thread.
///
/// A signal handler may only do async-signal-safe things, so it just writes a byte to a pipe
/// (the self-pipe trick); the watcher thread reads it and calls `handler`, which may then
/// interrupt the interpreter or abandon the line being edited.
final class InterruptWatcher: @unchecked Sendable {
    private let handler = Mutex<(() -> Void)?>(nil)

    /// The process's watcher, installed on first use; nil if no pipe or thread could be made.
    static let shared: InterruptWatcher? = install()

    private static func install() -> InterruptWatcher? {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return nil }
        SignalPipe.writeEnd = descriptors[1]
        let watcher = InterruptWatcher()
        let readEnd = descriptors[0]
        let started = startThread(stackSize: 256 << 10, detached: true) {
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return }
                watcher.handler.withLock { $0 }?()
            }
        }
        guard started != nil else { return nil }

        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = SignalPipe.handle
        #else
        action.__sigaction_u.__sa_handler = SignalPipe.handle
        #endif
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a read(2) blocked at the REPL prompt returns EINTR and notices the interrupt.
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        return watcher
    }

    /// Makes `handler` the one thing Ctrl-C does from now on.
    func onInterrupt(_ handler: @escaping () -> Void) {
        self.handler.withLock { $0 = handler }
    }
}

/// The write end of the self-pipe, where the signal handler can reach it without allocating.
private enum SignalPipe {
    nonisolated(unsafe) static var writeEnd: Int32 = -1

    static let handle: @convention(c) (Int32) -> Void = { _ in
        let savedErrno = errno
        var byte: UInt8 = 1
        _ = write(SignalPipe.writeEnd, &byte, 1)
        errno = savedErrno
    }
}

/// Counts Ctrl-C presses from the watcher thread.
final class PressCounter: @unchecked Sendable {
    private let count = Mutex(0)

    /// Adds one press and returns the total so far.
    func increment() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
