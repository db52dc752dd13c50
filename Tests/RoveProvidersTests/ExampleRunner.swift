// Runs the built `rove` on an example file or a snippet, in a fresh HOME, with a simulator's environment.

import Foundation
import RoveTestSupport
import XCTest

/// What the examples tests share: each runs `rove` as a user would, against a simulator the
/// test started, and reads back what it printed.
struct ExampleRunner {
    struct Run {
        let status: Int32
        let output: String
        let errors: String
        var lines: [String] { output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The empty folder `rove` runs in and takes as HOME.
    let home: String
    /// `examples/octopus` or `examples/deployhq`.
    let examples: String

    /// `rove examples/<provider>/<name>.rove arguments…`.
    func example(_ name: String, _ arguments: [String], on sim: SimulatorProcess,
                 environment: [String: String] = [:]) throws -> Run {
        let file = Self.repository.appendingPathComponent(examples).appendingPathComponent(name + ".rove").path
        return try rove([file] + arguments, on: sim, environment: environment)
    }

    /// `rove -e program`: its output without the final newline; fails the test if it did not succeed.
    func query(_ program: String, on sim: SimulatorProcess, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let run = try rove(["-e", program], on: sim)
        XCTAssertEqual(run.status, 0, "rove -e failed: \(run.errors)", file: file, line: line)
        return run.output.hasSuffix("\n") ? String(run.output.dropLast()) : run.output
    }

    func rove(_ arguments: [String], on sim: SimulatorProcess, environment extra: [String: String] = [:]) throws -> Run {
        guard let executable = BuiltProducts.executable(named: "rove", environment: ProcessInfo.processInfo.environment) else {
            XCTFail("the rove executable was not found next to the tests; run `swift build --product rove` first")
            throw XCTSkip("no rove binary")
        }
        let output = home + "/stdout", errors = home + "/stderr"
        for path in [output, errors] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C.UTF-8"]
            .merging(sim.environment) { _, simulator in simulator }
            .merging(extra) { _, given in given }
        process.currentDirectoryURL = URL(fileURLWithPath: home)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   output: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
                   errors: (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
    }
}
