// `--record` against rove-sim, then `--replay` with the simulator stopped: the same run, no server, no secret kept.

import Foundation
import RoveCLI
import RoveTestSupport
import XCTest

final class RecordReplayTests: XCTestCase {
    private var folder = ""
    private let canaryKey = "API-CANARYKEY7777777777"
    private let canarySecret = "canary-secret-value-9431"

    override func setUpWithError() throws {
        folder = try temporaryFolder(prefix: "rove-cassette")
    }

    private static let example = ExampleRunner.repository.appendingPathComponent("examples/octopus").path

    /// An example that writes (creates a release, deploys it, waits for the task) and a script
    /// that sends a secret in a body, recorded; the simulator stopped; replayed with no
    /// configuration at all: the same output and exit code, and neither the API key nor the
    /// secret anywhere in the recording.
    func testARecordedRunReplaysWithoutTheServerOrItsKey() throws {
        let simulator = try SimulatorProcess(arguments: ["--octopus-api-key", canaryKey, "--task-seconds", "0.2"])
        let cassette = folder + "/run.json"
        let script = folder + "/job.rove"
        try """
            import "std/octopus.rove"
            var set = projectNamed("Web").Variables
            set.Variables = set.Variables + [{Name: "Canary", Value: secret("\(canarySecret)"), Type: "String", IsSensitive: false, Scope: {}}]
            set.save()
            print(set.Version, octopus.Tasks.all.count)
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let runs: [[String]] = [
            [Self.example + "/create-and-deploy-release.rove", "Web", "Development"],
            [script],
        ]
        for arguments in runs {
            let recorded = try CLIRun(["--record", cassette] + arguments, environment: simulator.environment)
            XCTAssertEqual(recorded.status, 0, recorded.errors)
            let text = try String(contentsOfFile: cassette, encoding: .utf8)
            XCTAssertFalse(text.contains(canaryKey), "the API key was recorded")
            XCTAssertFalse(text.contains("CANARYKEY"), "part of the API key was recorded")
            XCTAssertFalse(text.contains(canarySecret), "a secret was recorded")
            XCTAssertFalse(text.lowercased().contains("\"date\""), "a volatile header was recorded")
            try replayTwice(cassette, arguments, expecting: recorded, simulatorRunning: simulator)
        }
        _ = simulator.stop()
        for arguments in runs {
            let recorded = try CLIRun(["--record", folder + "/again.json"] + arguments, environment: [:])
            XCTAssertNotEqual(recorded.status, 0, "nothing is configured and the server is gone")
        }
    }

    /// The tests of examples/tests replay the recordings committed beside them: they pass with
    /// nothing configured and no server, and the recordings hold no credential of the
    /// simulator they were made against.
    func testTheExamplesTestsPassFromTheirCommittedRecordings() throws {
        let tests = ExampleRunner.repository.appendingPathComponent("examples/tests").path
        let run = try CLIRun(["test", tests], environment: [:])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.hasSuffix("2 passed, 0 failed\n"), run.output)
        for name in ["delete-project-releases_test", "failed-deployments_test"] {
            let text = try String(contentsOfFile: tests + "/" + name + ".recording.json", encoding: .utf8)
            for credential in ["API-ROVESIMULATOR", "rovesimulatordemokey", "demo@example.com"] {
                XCTAssertFalse(text.contains(credential), "\(name) holds \(credential)")
            }
        }
    }

    /// Replays `cassette` with no environment at all; the simulator's request log must not grow.
    private func replayTwice(_ cassette: String, _ arguments: [String], expecting recorded: CLIRun,
                             simulatorRunning simulator: SimulatorProcess) throws {
        try simulator.clearOctopusRequests()
        for _ in 0..<2 {
            let replayed = try CLIRun(["--replay", cassette] + arguments, environment: [:])
            XCTAssertEqual(replayed.output, recorded.output, replayed.errors)
            XCTAssertEqual(replayed.status, recorded.status, replayed.errors)
        }
        XCTAssertEqual(try simulator.octopusRequests().count, 0, "a replay reached the server")
    }

    /// A script changed after recording fails its replay naming the request it made and the
    /// nearest recorded one, with the exit code of a failed request, and sends nothing.
    func testAChangedScriptFailsNamingTheUnexpectedRequest() throws {
        let simulator = try SimulatorProcess(arguments: ["--octopus-api-key", canaryKey])
        defer { _ = simulator.stop() }
        let cassette = folder + "/run.json"
        let recorded = try CLIRun(["--record", cassette, "-e", "octopus.Environments.create({Name: \"Perf\"}).Name"],
                                  environment: simulator.environment)
        XCTAssertEqual(recorded.status, 0, recorded.errors)
        try simulator.clearOctopusRequests()
        let replayed = try CLIRun(["--replay", cassette, "-e", "octopus.Environments.create({Name: \"Load\"}).Name"], environment: [:])
        XCTAssertEqual(replayed.status, 1)
        XCTAssertTrue(replayed.errors.contains("POST \(simulator.octopusURL)/api/Spaces-1/environments: not in the recording (body {\"Name\":\"Load\"}); nearest recorded: POST \(simulator.octopusURL)/api/Spaces-1/environments (body {\"Name\":\"Perf\"})"),
                      replayed.errors)
        XCTAssertEqual(try simulator.octopusRequests().count, 0)
    }

    /// `.all` over many pages fetches pages in parallel; their replay is the same every time,
    /// whichever order the recording's answers arrived in.
    func testParallelPagingReplaysIdentically() throws {
        let simulator = try SimulatorProcess(arguments: ["--tasks", "400"])
        let cassette = folder + "/pages.json"
        let program = "let all = octopus.Tasks.all\nprint(all.count, all.map { t in t.Id }.join(\",\"))"
        let recorded = try CLIRun(["--record", cassette, "-e", program], environment: simulator.environment)
        _ = simulator.stop()
        XCTAssertEqual(recorded.status, 0, recorded.errors)
        let pages = try String(contentsOfFile: cassette, encoding: .utf8).components(separatedBy: "/api/tasks?").count - 1
        XCTAssertGreaterThan(pages, 3, "the recording should hold several pages")
        for _ in 0..<4 {
            let replayed = try CLIRun(["--replay", cassette, "-e", program], environment: [:])
            XCTAssertEqual(replayed.status, 0, replayed.errors)
            XCTAssertEqual(replayed.output, recorded.output)
        }
    }

    /// Hostile cassettes: another origin than the configured one is answered only for that
    /// origin (nothing leaves the machine), and a huge recorded body obeys --max-response-size.
    func testHostileCassettesStayOffTheNetworkAndUnderTheCap() throws {
        let elsewhere = folder + "/elsewhere.json"
        let huge = String(repeating: "x", count: 300_000)
        try """
            {"format":"rove-cassette","version":1,"connections":{"octopus":{"url":"https://octopus.invalid"}},"exchanges":[
            {"method":"GET","url":"https://octopus.invalid/api","status":200,"headers":{"content-type":"application/json"},"body":"{\\"Links\\":{\\"Big\\":\\"/api/big\\"}}"},
            {"method":"GET","url":"https://octopus.invalid/api/big","status":200,"headers":{"content-type":"text/plain"},"body":"\(huge)"}
            ]}
            """.write(toFile: elsewhere, atomically: true, encoding: .utf8)
        let environment = ["OCTOPUS_URL": "http://127.0.0.1:9", "OCTOPUS_API_KEY": canaryKey]
        let answered = try CLIRun(["--replay", elsewhere, "-e", "octopus.get(\"/api/big\").count"], environment: environment)
        XCTAssertEqual(answered.output, "300000\n", "the recording's base URL beats the configured one: \(answered.errors)")
        let capped = try CLIRun(["--replay", elsewhere, "--max-response-size", "100K", "-e", "octopus.get(\"/api/big\").count"],
                                environment: environment)
        XCTAssertEqual(capped.status, 5, capped.errors)
        XCTAssertTrue(capped.errors.contains("over the 102400-byte limit"), capped.errors)
        let absolute = try CLIRun(["--replay", elsewhere, "-e", "octopus.get(\"http://127.0.0.1:9/api\")"], environment: environment)
        XCTAssertNotEqual(absolute.status, 0, "a link to another origin is refused or missing, never fetched")
        XCTAssertFalse(absolute.errors.contains(canaryKey) || absolute.output.contains(canaryKey))
    }
}
