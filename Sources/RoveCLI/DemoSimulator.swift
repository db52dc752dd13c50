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
        let child = try spawn(executable, ["--octopus-port", "0", "--deployhq-port", "0"], standardOutput: pipeEnds[1])
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

    private static func spawn(_ executable: String, _ arguments: [String],
                              standardOutput: Int32) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, standardOutput, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own: the terminal's Ctrl-C is for rove, not the simulator.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw Failure(message: "--demo: cannot start \(executable): \(String(cString: strerror(status)))")
        }
        return child
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
