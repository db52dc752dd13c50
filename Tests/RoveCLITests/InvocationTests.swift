// The command-line parser as a table: arguments in, the parsed invocation or the usage error out.

@testable import RoveCLI
import XCTest

final class InvocationTests: XCTestCase {
    func testParses() throws {
        let table: [(arguments: [String], expected: Invocation)] = [
            ([], Invocation()),
            (["-i"], Invocation(forcesREPL: true)),
            (["deploy.rove"], Invocation(program: .file("deploy.rove"))),
            (["deploy.rove", "-e", "x", "--help"],
             Invocation(program: .file("deploy.rove"), scriptArguments: ["-e", "x", "--help"])),
            (["-o", "csv", "report.rove", "a"],
             Invocation(program: .file("report.rove"), scriptArguments: ["a"], outputFormat: .csv)),
            (["--output=ndjson", "-e", "1"], Invocation(program: .source("1"), outputFormat: .ndjson)),
            (["-e", "args", "--output", "json"], Invocation(program: .source("args"), scriptArguments: ["--output", "json"])),
            (["--eval", "x", "--"], Invocation(program: .source("x"), scriptArguments: ["--"])),
            (["-", "a", "-b"], Invocation(program: .standardInput, scriptArguments: ["a", "-b"])),
            (["--", "-weird.rove", "x"], Invocation(program: .file("-weird.rove"), scriptArguments: ["x"])),
            (["--"], Invocation()),
            (["-h"], Invocation(showsHelp: true)),
            (["--version"], Invocation(showsVersion: true)),
            (["-i", "lib.rove"], Invocation(program: .file("lib.rove"), forcesREPL: true)),
            (["--trace"], Invocation(tracesRequests: true)),
            (["--demo", "tour.rove"], Invocation(program: .file("tour.rove"), startsDemo: true)),
            (["--profile", "prod", "-e", "root"], Invocation(program: .source("root"), profile: "prod")),
            (["--profile=site", "--trace"], Invocation(tracesRequests: true, profile: "site")),
            (["--profile", "a", "--profile", "b"], Invocation(profile: "b")),
            (["--read-only", "-e", "1"], Invocation(program: .source("1"), readOnly: true)),
            (["--dry-run", "job.rove", "--dry-run"], Invocation(program: .file("job.rove"), scriptArguments: ["--dry-run"], dryRun: true)),
            (["--max-response-size", "512M"], Invocation(maxResponseBytes: 512 << 20)),
            (["--max-response-size=1G", "--read-only"], Invocation(maxResponseBytes: 1 << 30, readOnly: true)),
            (["--max-response-size", "65536"], Invocation(maxResponseBytes: 65536)),
            (["--max-requests", "50", "job.rove"], Invocation(program: .file("job.rove"), maxRequests: 50)),
            (["--max-time", "1.5", "-e", "1"], Invocation(program: .source("1"), maxTime: 1.5)),
            (["--max-steps", "1000", "-e", "1"], Invocation(program: .source("1"), maxSteps: 1000)),
            (["--max-memory", "512"], Invocation(maxMemory: 512 << 20)),
            (["--max-memory=2G"], Invocation(maxMemory: 2 << 30)),
            (["deploy.rove", "--profile", "prod", "--demo", "--trace"],
             Invocation(program: .file("deploy.rove"), scriptArguments: ["--profile", "prod", "--demo", "--trace"])),
            (["-e", "1", "--profile"], Invocation(program: .source("1"), scriptArguments: ["--profile"])),
            (["--ci", "github", "job.rove"], Invocation(program: .file("job.rove"), ci: .github)),
            (["--ci=None"], Invocation(ci: CISystem.none)),
            // `test` is the test runner where the options end; its options may come before or after it.
            (["test"], Invocation(program: .tests([]))),
            (["test", "a_test.rove", "tests/"], Invocation(program: .tests(["a_test.rove", "tests/"]))),
            (["--max-time", "5", "test", "tests", "--read-only", "more"],
             Invocation(program: .tests(["tests", "more"]), readOnly: true, maxTime: 5)),
            (["test", "--", "-odd_test.rove", "--read-only"], Invocation(program: .tests(["-odd_test.rove", "--read-only"]))),
            (["./test", "test"], Invocation(program: .file("./test"), scriptArguments: ["test"])),
            (["-e", "1", "test"], Invocation(program: .source("1"), scriptArguments: ["test"])),
        ]
        for (arguments, expected) in table {
            XCTAssertEqual(try Invocation(parsing: arguments), expected, "\(arguments)")
        }
    }

    func testRejects() {
        let table: [(arguments: [String], message: String)] = [
            (["-x"], "unknown option '-x'"),
            (["--output"], "option '--output' needs a value"),
            (["-o", "yaml"], "unknown output format 'yaml' (expected one of table, json, ndjson, csv, text)"),
            (["--eval"], "option '--eval' needs a value"),
            (["--version=2"], "option '--version' takes no value"),
            (["--profile"], "option '--profile' needs a value"),
            (["--max-response-size", "lots"], "option '--max-response-size' needs a size such as 512M or 1G (got 'lots')"),
            (["--max-response-size", "0"], "option '--max-response-size' needs a size such as 512M or 1G (got '0')"),
            (["--read-only=yes"], "option '--read-only' takes no value"),
            (["--max-requests", "-1"], "option '--max-requests' needs a number of requests (got '-1')"),
            (["--max-requests", "many"], "option '--max-requests' needs a number of requests (got 'many')"),
            (["--max-time", "0"], "option '--max-time' needs a number of seconds (got '0')"),
            (["--max-time", "inf"], "option '--max-time' needs a number of seconds (got 'inf')"),
            (["--max-steps", "0"], "option '--max-steps' needs a number of steps (got '0')"),
            (["--max-steps", "1e6"], "option '--max-steps' needs a number of steps (got '1e6')"),
            (["--max-memory", "0"], "option '--max-memory' needs megabytes or a size such as 2G (got '0')"),
            (["--max-memory", "lots"], "option '--max-memory' needs megabytes or a size such as 2G (got 'lots')"),
            (["--max-memory", "99999999999999999"], "option '--max-memory' needs megabytes or a size such as 2G (got '99999999999999999')"),
            (["--profile="], "option '--profile' needs a value"),
            (["--trace=yes"], "option '--trace' takes no value"),
            (["--demo=1"], "option '--demo' takes no value"),
            (["--profiles", "x"], "unknown option '--profiles'"),
            (["--ci", "jenkins"], "option '--ci' needs one of github, gitlab, azure, teamcity, octopus, none (got 'jenkins')"),
            (["--ci"], "option '--ci' needs a value"),
            (["test", "-e", "1"], "'-e' cannot be used with 'rove test', which runs test files"),
            (["test", "-"], "'-' cannot be used with 'rove test', which runs test files"),
            (["test", "-i"], "'-i' cannot be used with 'rove test', which runs test files"),
            (["test", "--bogus"], "unknown option '--bogus'"),
        ]
        for (arguments, message) in table {
            XCTAssertThrowsError(try Invocation(parsing: arguments), "\(arguments)") { error in
                XCTAssertEqual((error as? UsageError)?.message, message)
            }
        }
    }

    /// docs/cli.md's table of options is written by hand; every option `rove` parses (and
    /// `rove --help` lists, from the same table) is in it, and nothing else is.
    func testTheDocsListEveryOptionAndNoOther() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/cli.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        guard let start = text.range(of: "\n## Options\n"), let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex) else {
            return XCTFail("docs/cli.md has no Options section")
        }
        let rows = text[start.upperBound..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("| `-") }
        let documented = Set(rows.flatMap { row in
            row.split(separator: "|")[0].split(separator: "`").filter { $0.hasPrefix("-") }.map { String($0.split(separator: " ")[0]) }
        })
        let parsed = Set(Option.table.flatMap(\.names))
        XCTAssertEqual(parsed.subtracting(documented), [], "options rove parses that docs/cli.md does not list")
        XCTAssertEqual(documented.subtracting(parsed), [], "options docs/cli.md lists that rove does not parse")
        for option in Option.table {
            XCTAssertTrue(Help.usage.contains(option.names.joined(separator: ", ")), "--help lacks \(option.names)")
        }
    }
}
