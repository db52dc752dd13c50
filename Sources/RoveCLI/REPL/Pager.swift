// Long REPL results through `$PAGER` (`less -FRX` by default), as git shows long output.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command that pages a result taller than the screen.
///
/// Chosen as git chooses: `ROVE_PAGER`, else `PAGER`, else `less -FRX` (quit at once when
/// the text fits, keep colours, leave the text on the screen). Set either variable to nothing
/// (or to `cat`), or start `rove --no-pager`, and results are written straight out. The
/// command runs through `/bin/sh -c`, so `PAGER="less -S"` works as in a shell.
struct Pager {
    let command: String

    static let defaultCommand = "less -FRX"

    /// The pager `environment` asks for; nil when paging is turned off there.
    static func configured(environment: [String: String]) -> Pager? {
        let command = environment["ROVE_PAGER"] ?? environment["PAGER"] ?? defaultCommand
        let words = command.split { $0 == " " || $0 == "\t" }
        guard !words.isEmpty, words != ["cat"] else { return nil }
        return Pager(command: command)
    }

    /// Whether `text` takes more than a screen of `height` lines (less one for the prompt),
    /// counting lines wider than `width` as the several they wrap into.
    static func isTaller(_ text: String, thanScreenOf height: Int?, width: Int?) -> Bool {
        guard let height, height > 1 else { return false }
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let columns = TextWidth.of(TextWidth.withoutStyles(String(line)))
            lines += width.map { max(1, (columns + $0 - 1) / max($0, 1)) } ?? 1
            if lines >= height { return true }
        }
        return false
    }

    /// Runs the pager with `text` as its input, on the terminal rove writes to, and returns
    /// when it exits. Quitting it early (`q` in less) is not an error: the rest is dropped.
    ///
    /// - Returns: false when the pager could not be run (the shell found no such command), so
    ///   the caller writes the text itself rather than lose it.
    func show(_ text: String) throws(ChildProcess.Failure) -> Bool {
        // A socket rather than a pipe: `send` with MSG_NOSIGNAL reports a pager that quit
        // early as EPIPE instead of killing rove with SIGPIPE.
        var ends: [Int32] = [-1, -1]
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, stream, 0, &ends) == 0 else {
            throw ChildProcess.Failure(description: "cannot start the pager: \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(writeEnd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        let child: pid_t
        do {
            child = try ChildProcess.spawn("/bin/sh", ["-c", command], standardInput: readEnd,
                                           standardOutput: .inherited, standardError: .inherited)
        } catch {
            close(readEnd)
            close(writeEnd)
            throw error
        }
        // The child has its own copy; with ours closed, the pager's reads end where the text does.
        close(readEnd)
        Self.deliver(Array(text.utf8), to: writeEnd)
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // The shell's 126 and 127: the command could not be run or was not found.
        let exitCode = (status >> 8) & 0xFF
        return !(status & 0x7F == 0 && (exitCode == 126 || exitCode == 127))
    }

    private static func deliver(_ bytes: [UInt8], to descriptor: Int32) {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + sent, $0.count - sent, flags) }
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { return }
            sent += result
        }
    }
}
