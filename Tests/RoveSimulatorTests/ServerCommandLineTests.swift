// rove-sim's flags parsed in-process: defaults, every flag, and the one usage-error wording.

@testable import RoveSimulator
import XCTest

final class ServerCommandLineTests: XCTestCase {
    func testDefaults() throws {
        let line = try SimCommandLine(parsing: [])
        XCTAssertEqual(line.server.host, "127.0.0.1")
        XCTAssertEqual(line.octopusPort, 0)
        XCTAssertEqual(line.deployhqPort, 0)
        XCTAssertEqual(line.settings.seed, 1)
        XCTAssertEqual(line.server.seed, 1)
        XCTAssertEqual(line.server.latencyMilliseconds, 0)
        XCTAssertEqual(line.server.faults, .none)
        XCTAssertEqual(line.settings.octopusAPIKey, SimSettings.demoOctopusAPIKey)
        XCTAssertFalse(line.showsHelp)
    }

    func testEveryFlagIsRead() throws {
        let line = try SimCommandLine(parsing: [
            "--host", "::1", "--octopus-port=8065", "--deployhq-port", "8066",
            "--octopus-api-key", "API-ABC123", "--deployhq-email", "me@example.com",
            "--deployhq-api-key=secret", "--seed", "18446744073709551615", "--latency-ms", "25",
            "--tasks", "100000", "--task-seconds", "0.5", "--faults", "503:0.1,nonext:1", "--retry-after=3",
        ])
        XCTAssertEqual(line.server.host, "::1")
        XCTAssertEqual(line.octopusPort, 8065)
        XCTAssertEqual(line.deployhqPort, 8066)
        XCTAssertEqual(line.settings.octopusAPIKey, "API-ABC123")
        XCTAssertEqual(line.settings.deployhqEmail, "me@example.com")
        XCTAssertEqual(line.settings.deployhqAPIKey, "secret")
        XCTAssertEqual(line.settings.seed, .max)
        XCTAssertEqual(line.server.seed, .max)
        XCTAssertEqual(line.server.latencyMilliseconds, 25)
        XCTAssertEqual(line.settings.extraTasks, 100_000)
        XCTAssertEqual(line.settings.taskSeconds, 0.5)
        XCTAssertEqual(line.server.faults.spec, "503:0.1,nonext:1")
        XCTAssertEqual(line.server.faults.retryAfterSeconds, 3)
        XCTAssertTrue(try SimCommandLine(parsing: ["--help"]).showsHelp)
    }

    func testBadUsageIsRefusedInOneWording() {
        let cases: [([String], String)] = [
            (["--verbose"], "unknown option '--verbose'"),
            (["serve"], "unexpected argument 'serve'"),
            (["--octopus-port"], "--octopus-port needs a value"),
            (["--octopus-port", "http"], "--octopus-port needs a whole number from 0 to 65535, not 'http'"),
            (["--deployhq-port", "70000"], "--deployhq-port needs a whole number from 0 to 65535, not '70000'"),
            (["--seed", "-1"], "--seed needs a whole number from 0 to 18446744073709551615, not '-1'"),
            (["--latency-ms", "1.5"], "--latency-ms needs a whole number from 0 to 600000, not '1.5'"),
            (["--task-seconds", "soon"], "--task-seconds needs a number of seconds, 0 or more, not 'soon'"),
            (["--faults", "503:2"], "--faults: fault rate '2' in '503:2' is not a number from 0 to 1"),
            (["--faults", "slow:1"],
             "--faults: unknown fault 'slow'; the faults are 503, 429, 500, reset, truncate, invalid or nonext"),
            (["--retry-after", "-2"], "--retry-after needs a whole number from 0 to 86400, not '-2'"),
            (["--octopus-api-key", "API-abc"],
             "--octopus-api-key must be API- followed by uppercase letters and digits, not 'API-abc'"),
            (["--octopus-api-key", "API-"],
             "--octopus-api-key must be API- followed by uppercase letters and digits, not 'API-'"),
            (["--deployhq-email="], "--deployhq-email needs a value"),
            (["--help=yes"], "--help takes no value"),
        ]
        for (arguments, message) in cases {
            XCTAssertThrowsError(try SimCommandLine(parsing: arguments), "\(arguments)") { error in
                let usage = error as? SimUsageError
                XCTAssertEqual(usage?.message, message)
                XCTAssertEqual(usage?.description, "rove-sim: \(message)\nTry 'rove-sim --help' for more information.")
            }
        }
    }

    func testHelpListsEveryFlag() {
        for flag in ["--host", "--octopus-port", "--deployhq-port", "--octopus-api-key", "--deployhq-email",
                     "--deployhq-api-key", "--seed", "--latency-ms", "--tasks", "--deployhq-deployments",
                     "--task-seconds", "--faults", "--retry-after", "--help"] {
            XCTAssertTrue(SimCommandLine.usage.contains(flag), flag)
        }
    }
}
