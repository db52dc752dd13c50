// The built rove-sim binary: its ready line, flags, exit statuses and faults over real HTTP.

import Foundation
import RoveHTTP
import RoveTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class ServerProcessTests: XCTestCase {
    private var client: SimClient!

    override func setUpWithError() throws {
        client = try SimClient()
    }

    func testReadyLineGivesTheURLAndKeyToExport() throws {
        let sim = try SimulatorProcess(arguments: ["--octopus-api-key", "API-TESTKEY42"])
        XCTAssertEqual(sim.readyLines.count, 1, "\(sim.readyLines)")
        let line = try XCTUnwrap(sim.readyLines.first)
        let pattern = #"^octopus: OCTOPUS_URL=http://127\.0\.0\.1:[1-9][0-9]* OCTOPUS_API_KEY=API-TESTKEY42$"#
        XCTAssertNotNil(line.range(of: pattern, options: .regularExpression), line)
        XCTAssertEqual(sim.octopusAPIKey, "API-TESTKEY42")
        XCTAssertEqual(Set(sim.environment.keys), ["OCTOPUS_URL", "OCTOPUS_API_KEY"])
        XCTAssertNil(sim.deployhqURL, "no DeployHQ service exists yet")
        XCTAssertEqual(try client.response("GET", sim.octopusURL + "/_sim/requests").status, 200)
    }

    func testSIGTERMAndSIGINTStopItCleanly() throws {
        XCTAssertEqual(try SimulatorProcess().stop(signal: SIGTERM), 0)
        XCTAssertEqual(try SimulatorProcess().stop(signal: SIGINT), 0)
    }

    func testBadFlagsExitWith2AndSayWhy() throws {
        let cases: [([String], String)] = [
            (["--bogus"], "unknown option '--bogus'"),
            (["--octopus-port", "x"], "--octopus-port needs a whole number from 0 to 65535, not 'x'"),
            (["--faults", "503:7"], "--faults: fault rate '7' in '503:7' is not a number from 0 to 1"),
            (["--octopus-api-key", "secret"],
             "--octopus-api-key must be API- followed by uppercase letters and digits, not 'secret'"),
        ]
        for (arguments, message) in cases {
            let run = try SimulatorProcess.run(arguments: arguments)
            XCTAssertEqual(run.status, 2, "\(arguments)")
            XCTAssertEqual(run.standardOutput, "", "\(arguments)")
            XCTAssertEqual(run.standardError, "rove-sim: \(message)\nTry 'rove-sim --help' for more information.\n")
        }
    }

    func testAHelperForASimulatorThatNeverGetsReadySaysWhy() {
        XCTAssertThrowsError(try SimulatorProcess(arguments: ["--bogus"])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("exited (status 2) before it was ready"), text)
            XCTAssertTrue(text.contains("unknown option '--bogus'"), text)
        }
    }

    func testHelpExitsZero() throws {
        let run = try SimulatorProcess.run(arguments: ["--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.standardOutput.hasPrefix("rove-sim — "), run.standardOutput)
        XCTAssertEqual(run.standardError, "")
    }

    func testAPortInUseExitsWith1() throws {
        let first = try SimulatorProcess()
        let port = try XCTUnwrap(first.octopusURL.split(separator: ":").last.map(String.init))
        let run = try SimulatorProcess.run(arguments: ["--octopus-port", port])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.standardError.hasPrefix("rove-sim: cannot serve on 127.0.0.1"), run.standardError)
        XCTAssertEqual(run.standardOutput, "", "no ready line when a port cannot be bound")
    }

    func testFaultFlagsApplyToTheOctopusPort() throws {
        let sim = try SimulatorProcess(arguments: ["--faults", "503:1", "--retry-after", "2", "--latency-ms", "5"])
        let response = try client.response("GET", sim.octopusURL + "/api",
                                           headers: [(name: "X-Octopus-ApiKey", value: sim.octopusAPIKey)])
        XCTAssertEqual(response.status, 503)
        XCTAssertEqual(response.header("retry-after"), "2")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(response.body)), "Octopus errors are JSON")
        let log = try client.requestLog(sim.octopusURL)
        XCTAssertEqual(log.map { $0["fault"] as? String }, ["503"])
    }

    func testTheSeedFlagRepeatsTheFaults() throws {
        func statuses() throws -> [Int] {
            let sim = try SimulatorProcess(arguments: ["--seed", "42", "--faults", "503:0.5"])
            return try (0..<16).map { _ in try client.response("GET", sim.octopusURL + "/api").status }
        }
        let first = try statuses()
        XCTAssertEqual(try statuses(), first)
        XCTAssertTrue(first.contains(503) && first.contains { $0 != 503 }, "\(first)")
    }
}
