// The built `rove-sim` binary run as a child process, for tests that talk to it over HTTP.

import Foundation
import RoveCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A running `rove-sim`: started with extra flags, ready once it printed its ready lines, and
/// stopped with SIGTERM by `stop()` or when the last reference goes.
///
/// ```
/// let sim = try SimulatorProcess(arguments: ["--faults", "503:1"])
/// let transport = try CurlTransport()
/// _ = transport.send(HTTPRequest(url: sim.octopusURL + "/api"))
/// ```
public final class SimulatorProcess {
    public let processID: pid_t
    /// Every ready line, e.g. `octopus: OCTOPUS_URL=http://127.0.0.1:PORT OCTOPUS_API_KEY=API-…`.
    public let readyLines: [String]
    /// The variables the ready lines set: `OCTOPUS_URL`, `OCTOPUS_API_KEY`, later `DEPLOYHQ_…`.
    public let environment: [String: String]
    private var exitStatus: Int32?
    private let folder: String

    public var octopusURL: String { environment["OCTOPUS_URL"] ?? "" }
    public var octopusAPIKey: String { environment["OCTOPUS_API_KEY"] ?? "" }
    public var deployhqURL: String? { environment["DEPLOYHQ_URL"] }
    public var deployhqEmail: String? { environment["DEPLOYHQ_EMAIL"] }
    public var deployhqAPIKey: String? { environment["DEPLOYHQ_API_KEY"] }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `rove-sim arguments` and waits up to `deadline` seconds for its ready lines; throws,
    /// saying what it printed, when it exits or stays silent instead.
    public init(arguments: [String] = [], deadline: Double = 60) throws {
        let executable = try Self.executable()
        guard let folder = makeTemporaryFolder(prefix: "rove-sim") else {
            throw Failure(description: "cannot make a temporary folder for rove-sim's output")
        }
        self.folder = folder
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw Failure(description: "cannot make a pipe for rove-sim") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        defer { close(readEnd) }
        let errorPath = folder + "/stderr"
        let child: pid_t
        do {
            child = try ChildProcess.spawn(executable, arguments, standardOutput: .descriptor(writeEnd),
                                   standardError: .file(errorPath))
        } catch {
            close(writeEnd)
            throw error
        }
        close(writeEnd)
        processID = child

        // rove-sim writes all its ready lines with one flush, so the first complete line
        // arrives together with the others.
        var output: [UInt8] = []
        let end = Self.now() + deadline
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !output.contains(UInt8(ascii: "\n")) {
            let remaining = end - Self.now()
            guard remaining > 0 else {
                Self.terminate(child)
                throw Failure(description: "rove-sim printed no ready line within \(Int(deadline)) s; "
                              + "stderr: \(Self.contents(of: errorPath))")
            }
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            guard descriptor.revents != 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let status = Self.wait(for: child, deadline: 10)
                throw Failure(description: "rove-sim exited (status \(status.map(String.init) ?? "unknown")) "
                              + "before it was ready: \(Self.contents(of: errorPath))")
            }
            output += chunk[0..<count]
        }
        let text = String(decoding: output, as: UTF8.self)
        readyLines = text.split(separator: "\n").map(String.init)
        environment = Self.variables(in: readyLines)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Sends `signal` and waits for the exit; returns its status (nil if it had to be killed).
    @discardableResult
    public func stop(signal: Int32 = SIGTERM) -> Int32? {
        if exitStatus == nil {
            kill(processID, signal)
            exitStatus = Self.wait(for: processID, deadline: 30)
            if exitStatus == nil { Self.terminate(processID) }
        }
        return exitStatus
    }

    /// What rove-sim wrote to standard error so far.
    public var standardError: String { Self.contents(of: folder + "/stderr") }

    /// Runs `rove-sim arguments` to its end, for flags that make it exit at once (`--help`,
    /// bad usage); throws if it is still running after `deadline` seconds.
    public static func run(arguments: [String], deadline: Double = 60) throws
        -> (status: Int32, standardOutput: String, standardError: String)
    {
        let executable = try executable()
        guard let folder = makeTemporaryFolder(prefix: "rove-sim-run") else {
            throw Failure(description: "cannot make a temporary folder for rove-sim's output")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let child = try ChildProcess.spawn(executable, arguments, standardOutput: .file(folder + "/stdout"),
                              standardError: .file(folder + "/stderr"))
        guard let status = wait(for: child, deadline: deadline) else {
            terminate(child)
            let command = (["rove-sim"] + arguments).joined(separator: " ")
            throw Failure(description: "\(command) did not exit within \(Int(deadline)) s")
        }
        return (status, contents(of: folder + "/stdout"), contents(of: folder + "/stderr"))
    }

    // MARK: Processes

    private static func executable() throws -> String {
        guard let path = BuiltProducts.executable(named: "rove-sim") else {
            throw Failure(description: "rove-sim is not built next to the tests; run swift build --product rove-sim")
        }
        return path
    }

    /// The exit status, 128 + signal when killed by one, or nil if still running at the deadline.
    private static func wait(for child: pid_t, deadline: Double) -> Int32? {
        let end = now() + deadline
        while true {
            var status: Int32 = 0
            let result = waitpid(child, &status, WNOHANG)
            if result == child {
                let signal = status & 0x7F
                return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
            if result < 0, errno != EINTR { return nil }
            if now() >= end { return nil }
            usleep(10_000)
        }
    }

    private static func terminate(_ child: pid_t) {
        kill(child, SIGKILL)
        var status: Int32 = 0
        waitpid(child, &status, 0)
    }

    // MARK: Output

    /// `name: A=1 B=2` lines to `[A: 1, B: 2]`.
    private static func variables(in lines: [String]) -> [String: String] {
        var variables: [String: String] = [:]
        for line in lines {
            guard let colon = line.range(of: ": ") else { continue }
            for assignment in line[colon.upperBound...].split(separator: " ") {
                guard let equals = assignment.firstIndex(of: "=") else { continue }
                variables[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
            }
        }
        return variables
    }

    private static func contents(of path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
