// Task progress in a CI log: plain lines, one per change of state, never a carriage-return redraw.

import RoveCLI
import RoveTestSupport
import XCTest

final class CIProgressTests: XCTestCase {
    private let wait = """
        let env = octopus.Environments.find(name: "Staging")
        octopus.Deployments.create({ReleaseId: octopus.Projects.find(name: "Web").Releases.first.Id,
                                    EnvironmentId: env.Id}).Task.wait(interval: 0.1).State
        """

    func testProgressIsPlainLinesInCI() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.6"])
        defer { _ = simulator.stop() }
        let run = try CLIRun(["-e", wait], environment: simulator.environment.merging(["GITHUB_ACTIONS": "true"]) { $1 })
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "\"Success\"\n")
        XCTAssertTrue(run.errors.contains(": Executing ("), run.errors)
        XCTAssertFalse(run.errors.contains("\r"), run.errors)
        XCTAssertFalse(run.errors.contains("\u{1B}"), run.errors)
        // Polled every 0.1 s, but a line only when the state changes: none repeats once its
        // seconds are left out.
        let states = run.errors.split(separator: "\n").map { line in line[..<(line.range(of: " (")?.lowerBound ?? line.endIndex)] }
        XCTAssertFalse(states.isEmpty)
        XCTAssertEqual(Set(states).count, states.count, run.errors)
    }

    func testNoProgressOffATerminalOutsideCI() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.3"])
        defer { _ = simulator.stop() }
        let run = try CLIRun(["-e", wait], environment: simulator.environment)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.errors, "")
    }
}
