// The REPL on a real pseudo-terminal against rove-sim: Ctrl-C stops a request, keys stay out of the history, waits show progress.

import Foundation
import RoveTestSupport
import XCTest

final class ProviderREPLTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = try temporaryFolder(prefix: "rove-provider-repl")
    }

    /// `rove` on a new terminal, HOME in a fresh folder, at its first prompt.
    private func startREPL(with variables: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> TerminalSession {
        try TerminalSession.startREPL(home: home, adding: variables, file: file, line: line)
    }

    func testALineHoldingTheKeyIsNeverSavedInTheHistory() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let repl = try startREPL()
        repl.type("let o = connect(octopus: \"\(simulator.octopusURL)\", apiKey: \"\(simulator.octopusAPIKey)\")\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("o.Projects.count\r")
        XCTAssertTrue(repl.waitFor("\n12\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
        let history = try String(contentsOfFile: home + "/.local/state/rove/history", encoding: .utf8)
        XCTAssertTrue(history.contains("o.Projects.count"), history)
        XCTAssertFalse(history.contains(simulator.octopusAPIKey), history)
        XCTAssertFalse(history.contains("connect("), history)
    }

    func testWaitShowsProgressOnTheTerminalAndClearsIt() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "3"])
        defer { _ = simulator.stop() }
        let repl = try startREPL(with: simulator.environment)
        repl.type("let env = octopus.Environments.find(name: \"Staging\")\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("octopus.Deployments.create({ReleaseId: octopus.Projects.find(name: \"Web\").Releases.first.Id, EnvironmentId: env.Id}).Task.wait().State\r")
        // The line names the task and its state while it runs, then the result replaces it.
        XCTAssertTrue(repl.waitFor(": Executing ("), repl.screen)
        XCTAssertTrue(repl.waitFor("Success\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testADeployHQWaitShowsTheRunningStep() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "3"])
        defer { _ = simulator.stop() }
        let repl = try startREPL(with: simulator.environment)
        repl.type("deployhq.projects.get(\"web\").deploy(to: \"Staging\").wait().status\r")
        XCTAssertTrue(repl.waitFor(": running ("), repl.screen)
        XCTAssertTrue(repl.waitFor("/5 "), repl.screen)   // `step 2/5 Updating repository`
        XCTAssertTrue(repl.waitFor("completed\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testCtrlCStopsARequestInFlightAndTheSessionGoesOn() throws {
        // Every answer takes 30 s, far longer than the test waits: only an interrupt ends it.
        let simulator = try SimulatorProcess(arguments: ["--latency-ms", "30000"])
        defer { _ = simulator.stop() }
        let repl = try startREPL(with: simulator.environment)
        repl.type("octopus.Projects.count\r")
        XCTAssertTrue(repl.waitFor("octopus.Projects.count\n"), repl.screen)
        // A Ctrl-C between reading the line and starting it is spent on the finished line.
        var interrupted = false
        for _ in 0..<20 where !interrupted {
            repl.type("\u{03}")
            interrupted = repl.waitFor("error: interrupted", deadline: 1)
        }
        XCTAssertTrue(interrupted, repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("40 + 2\r")
        XCTAssertTrue(repl.waitFor("\n42\nrove> "), repl.screen)
        XCTAssertFalse(repl.screen.contains(simulator.octopusAPIKey))
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }
}
