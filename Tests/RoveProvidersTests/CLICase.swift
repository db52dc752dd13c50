// One run of the real CLI, in process, against a simulator, and what it must produce: the table both providers' CLI tests use.

import Foundation
import RoveCLI
import RoveTestSupport
import XCTest

/// What one run of the real CLI, in process, printed and returned.
struct CLIRun {
    let status: Int32
    let output: String
    let errors: String

    /// Runs `rove arguments` with exactly `environment`; with `config`, that text is the user's
    /// config file (`XDG_CONFIG_HOME` is a fresh folder holding `rove/config.toml`).
    init(_ arguments: [String], environment: [String: String], config: String? = nil) throws {
        var environment = environment
        var folder: String?
        if let config {
            guard let made = makeTemporaryFolder(prefix: "rove-profiles") else { throw XCTSkip("no temporary folder") }
            folder = made
            try FileManager.default.createDirectory(atPath: made + "/rove", withIntermediateDirectories: true)
            try config.write(toFile: made + "/rove/config.toml", atomically: true, encoding: .utf8)
            environment["XDG_CONFIG_HOME"] = made
        }
        defer { if let folder { try? FileManager.default.removeItem(atPath: folder) } }
        let output = MemoryOutput()
        let errors = MemoryOutput()
        let cli = CLI(standardInput: MemoryInput(""), standardOutput: output, standardError: errors, environment: environment)
        status = cli.run(arguments)
        self.output = output.text
        self.errors = errors.text
    }
}

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
            guard let run = try? CLIRun(item.extraArguments + ["-e", item.source], environment: environment(item)) else {
                return XCTFail("\(item.name): the CLI could not be run", file: file, line: line)
            }
            let context = "\(item.name)\nstdout: \(run.output)\nstderr: \(run.errors)"
            XCTAssertEqual(run.status, item.status, context, file: file, line: line)
            if let expected = item.outputContains { XCTAssertTrue(run.output.contains(expected), context, file: file, line: line) }
            if let expected = item.errorContains { XCTAssertTrue(run.errors.contains(expected), context, file: file, line: line) }
            for secret in secrets(item) where !secret.isEmpty {
                XCTAssertFalse(run.output.contains(secret) || run.errors.contains(secret), "credential written out: \(context)",
                               file: file, line: line)
            }
        }
    }
}
