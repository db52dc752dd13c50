// `rove --demo`: starts the bundled simulator on free loopback ports and connects to it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `rove-sim` child process for the length of one `rove` run (DESIGN §5: "`rove --demo`
/// starts it and connects, so the first command of the README works on a fresh machine").
///
/// The simulator runs in its own process group, so Ctrl-C at the REPL (which cancels a line)
/// does not reach it; `stop()` ends it when `rove` finishes.
final class DemoSimulator {
    let processID: pid_t
    /// `OCTOPUS_URL`, `OCTOPUS_API_KEY`, …: what its ready lines say to export.
    let environment: [String: String]

    struct Failure: Error {
        let message: String
    }

    /// Starts `rove-sim` found next to this executable, or at `$ROVE_SIM`, and waits for its
    /// ready lines.
    static func start(environment: [String: String]) throws(Failure) -> DemoSimulator {
        let executable = environment["ROVE_SIM"].flatMap { $0.isEmpty ? nil : $0 } ?? siblingExecutable("rove-sim")
        guard access(executable, X_OK) == 0 else {
            throw Failure(message: "--demo needs the simulator, and '\(executable)' is not there; build it with 'swift build --product rove-sim'")
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure(message: "--demo: cannot make a pipe") }
        // Only the copy dup'd onto the child's stdout may outlive the spawn in the child.
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let child: pid_t
        do {
            child = try ChildProcess.spawn(executable, ["--octopus-port", "0", "--deployhq-port", "0"],
                                           standardOutput: .descriptor(pipeEnds[1]), standardError: .discarded,
                                           ownProcessGroup: true)
        } catch {
            close(pipeEnds[0])
            close(pipeEnds[1])
            throw Failure(message: "--demo: \(error.description)")
        }
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        let lines = readReadyLines(from: pipeEnds[0])
        var variables: [String: String] = [:]
        for line in lines {
            // `octopus: OCTOPUS_URL=http://127.0.0.1:41234 OCTOPUS_API_KEY=API-…`
            for word in line.split(separator: " ").dropFirst() {
                let pair = word.split(separator: "=", maxSplits: 1)
                if pair.count == 2 { variables[String(pair[0])] = String(pair[1]) }
            }
        }
        guard variables["OCTOPUS_URL"] != nil else {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
            throw Failure(message: "--demo: the simulator did not start (\(executable))")
        }
        return DemoSimulator(processID: child, environment: variables)
    }

    private init(processID: pid_t, environment: [String: String]) {
        self.processID = processID
        self.environment = environment
    }

    func stop() {
        kill(processID, SIGTERM)
        var status: Int32 = 0
        waitpid(processID, &status, 0)
    }

    /// The ready lines, all written in one flush; an empty list when the child died first.
    private static func readReadyLines(from descriptor: Int32) -> [String] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
            if bytes.last == UInt8(ascii: "\n") { break }
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// `name` in the folder of the running executable.
    private static func siblingExecutable(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return name }
        let path = String(cString: buffer)
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[..<slash]) + "/" + name
    }
}
