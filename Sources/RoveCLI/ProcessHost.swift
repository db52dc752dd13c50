// The Host the `rove` command gives the interpreter: its streams, the real clock and the real file system.

import RoveCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Host {
    /// A host that prints to `output`, reports to `errors` and reads the process's files;
    /// `env` gives the values of `secretVariables` as secrets.
    ///
    /// `isInterrupted` lets `sleep` end early on Ctrl-C instead of holding the session.
    static func process(
        output: TextOutput,
        errors: TextOutput,
        environment: [String: String],
        secretVariables: Set<String>,
        arguments: [String],
        isInterrupted: @escaping () -> Bool
    ) -> Host {
        Host(
            standardOutput: { output.write($0) },
            standardError: { text in
                // Keep the two streams in order when both go to one terminal or file.
                output.flush()
                errors.write(text)
                errors.flush()
            },
            environment: environment,
            secretVariables: secretVariables,
            arguments: arguments,
            now: {
                var time = timespec()
                clock_gettime(CLOCK_REALTIME, &time)
                return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
            },
            sleep: { seconds in
                // Whoever watches the output should see it before a pause, not after.
                output.flush()
                pause(for: seconds, unlessInterrupted: isInterrupted)
            },
            readFile: { path in try FileAccess.contents(of: path) },
            writeFile: { path, text in try FileAccess.store(text, at: path) }
        )
    }
}

/// Sleeps in short slices so an interrupt ends the pause within a tenth of a second.
private func pause(for seconds: Double, unlessInterrupted isInterrupted: () -> Bool) {
    guard seconds > 0, seconds.isFinite else { return }
    var remaining = seconds
    while remaining > 0 && !isInterrupted() {
        let slice = min(remaining, 0.1)
        var request = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - slice.rounded(.down)) * 1e9))
        var unslept = timespec()
        while nanosleep(&request, &unslept) != 0 && errno == EINTR {
            if isInterrupted() { return }
            request = unslept
        }
        remaining -= slice
    }
}

/// Whole-file reads and writes with POSIX calls, failing with `.io` diagnostics that name the path.
enum FileAccess {
    static func contents(of path: String) throws -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("cannot read", path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw failure("cannot read", path) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func store(_ text: String, at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot write", path) }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw failure("cannot write", path) }
            bytes = bytes.dropFirst(count)
        }
    }

    /// `cannot read 'x.rove': No such file or directory`, from the current `errno`.
    static func failure(_ action: String, _ path: String) -> Diagnostic {
        Diagnostic(.io, "\(action) '\(path)': \(String(cString: strerror(errno)))")
    }
}
