// One run of the real CLI, in process, against a simulator, and what it must produce: the table both providers' CLI tests use.

import RoveCLI
import RoveTestSupport
import XCTest

struct CLICase {
    let name: String
    let source: String
    var extraArguments: [String] = []
    /// Replaces the simulator's key, to be refused.
    var apiKey: String?
    /// Leaves the provider out of the environment.
    var unconfigured = false
    var outputContains: String?
    var errorContains: String?
    var status: Int32 = 0

    /// Runs every case with the environment `environment` makes for it, and checks that none of
    /// the case's `secrets` was written out.
    static func run(_ cases: [CLICase], environment: (CLICase) -> [String: String], secrets: (CLICase) -> [String],
                    file: StaticString = #filePath, line: UInt = #line) {
        for item in cases {
            let output = MemoryOutput()
            let errors = MemoryOutput()
            let cli = CLI(standardInput: MemoryInput(""), standardOutput: output, standardError: errors,
                          environment: environment(item))
            let status = cli.run(item.extraArguments + ["-e", item.source])
            let context = "\(item.name)\nstdout: \(output.text)\nstderr: \(errors.text)"
            XCTAssertEqual(status, item.status, context, file: file, line: line)
            if let expected = item.outputContains { XCTAssertTrue(output.text.contains(expected), context, file: file, line: line) }
            if let expected = item.errorContains { XCTAssertTrue(errors.text.contains(expected), context, file: file, line: line) }
            for secret in secrets(item) where !secret.isEmpty {
                XCTAssertFalse(output.text.contains(secret) || errors.text.contains(secret), "credential written out: \(context)",
                               file: file, line: line)
            }
        }
    }
}
