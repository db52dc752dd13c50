// A program run on a pseudo-terminal and driven like a person at a keyboard, for REPL tests.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process whose standard streams are the slave side of a new pseudo-terminal, so it
/// sees a real terminal: line editing, Ctrl-C as SIGINT, Ctrl-D as end of input.
///
/// Nothing here depends on timing: `waitFor` polls the output until the expected text shows up
/// or a generous deadline passes, and reports which.
public final class TerminalSession {
    public let processID: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    private var exitStatus: Int32?
    /// Where the last `type` began in the screen text, so waits look only at newer output.
    private var mark = 0

    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `executable` with `arguments` and exactly `environment`, on a terminal of
    /// `columns` × `rows` (80×24 unless asked otherwise).
    public init(executable: String, arguments: [String] = [], environment: [String: String],
                columns: Int = 80, rows: Int = 24) throws {
        guard let pty = PseudoTerminalCalls.load() else {
            throw SpawnError(description: "the C library has no posix_openpt")
        }
        let master = pty.open(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0 else {
            throw SpawnError(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        var name = [CChar](repeating: 0, count: 128)
        guard pty.name(master, &name, name.count) == 0 else {
            close(master)
            throw SpawnError(description: "cannot name the pseudo-terminal")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the terminal makes it the child's controlling terminal, so the
        // kernel turns a typed Ctrl-C into SIGINT for it.
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID, which Swift does not import as a constant
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.master = master
        self.processID = child
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            waitpid(processID, &status, 0)
        }
        close(master)
    }

    /// Sends `text` as if typed; "\r" is Enter, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D, "\t" Tab.
    public func type(_ text: String) {
        drain()
        mark = screen.count
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }

    /// Changes the window's size, as dragging a terminal window's corner does: the kernel
    /// sends the program SIGWINCH, and what it measures from now on is the new size.
    public func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Everything the program wrote, escape sequences included (to check colours).
    public var rawScreen: String {
        drain()
        return String(decoding: raw, as: UTF8.self)
    }

    /// Everything the program showed, with escape sequences, bells and carriage returns removed.
    public var screen: String {
        drain()
        return Self.plainText(raw)
    }

    /// Every byte the program wrote, escape sequences and all: for tests that must see that
    /// text from outside never reached the terminal raw.
    public var rawOutput: [UInt8] {
        drain()
        return raw
    }

    /// The screen text since the last `type`.
    public var recentScreen: String {
        let text = screen
        return String(text.dropFirst(min(mark, text.count)))
    }

    /// Waits until the output since the last `type` contains `expected`; false after `deadline` seconds.
    @discardableResult
    public func waitFor(_ expected: String, deadline: Double = 30) -> Bool {
        retry(until: deadline) { self.recentScreen.contains(expected) }
    }

    /// Waits for the program to exit and returns its exit status, or nil if it is still running
    /// at the deadline (or was killed by a signal, reported as 128 + signal).
    public func waitForExit(deadline: Double = 30) -> Int32? {
        _ = retry(until: deadline) {
            var status: Int32 = 0
            guard waitpid(self.processID, &status, WNOHANG) == self.processID else { return false }
            let signal = status & 0x7F
            self.exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            return true
        }
        drain()
        return exitStatus
    }

    private func retry(until deadline: Double, _ condition: () -> Bool) -> Bool {
        let end = Self.now() + deadline
        while Self.now() < end {
            if condition() { return true }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, 50)
        }
        return condition()
    }

    /// Reads whatever the program has written so far without blocking.
    private func drain() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            raw.append(contentsOf: chunk[0..<count])
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `bytes` without CSI/OSC escape sequences, BEL and CR: roughly what a person reads.
    static func plainText(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B, index + 1 < bytes.count {
                index += 1
                if bytes[index] == UInt8(ascii: "[") {
                    index += 1
                    while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
                } else if bytes[index] == UInt8(ascii: "]") {
                    while index < bytes.count, bytes[index] != 0x07 { index += 1 }
                }
                index += 1
                continue
            }
            if byte != 0x07 && byte != UInt8(ascii: "\r") { out.append(byte) }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// posix_openpt and friends, looked up at run time: glibc declares them only for _XOPEN_SOURCE,
/// which Swift's Glibc module does not define, so they are not imported.
private struct PseudoTerminalCalls {
    let open: @convention(c) (Int32) -> Int32
    let grant: @convention(c) (Int32) -> Int32
    let unlock: @convention(c) (Int32) -> Int32
    let name: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    static func load() -> PseudoTerminalCalls? {
        let library = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(library, name).map { unsafeBitCast($0, to: type) }
        }
        guard let open = symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
              let grant = symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self),
              let unlock = symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
              let name = symbol("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self)
        else { return nil }
        return PseudoTerminalCalls(open: open, grant: grant, unlock: unlock, name: name)
    }
}
