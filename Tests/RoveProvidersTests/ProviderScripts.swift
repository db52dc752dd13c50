// Runs a folder of golden scripts against a real rove-sim over loopback HTTP, one simulator per script.

import Foundation
import RoveCore
import RoveHTTP
import RoveProviders
import RoveTestSupport
import XCTest

/// What differs between the providers' script suites: how a script connects, and how the
/// simulator's side of it is read back.
struct ProviderScripts {
    /// `Scripts/Octopus`, `Scripts/DeployHQ`.
    let folder: String
    /// Defines the provider global (and anything else the scripts need) in a new interpreter.
    let connect: (Providers, SimulatorProcess) throws -> Void
    /// The requests the service answered, and the ones outside the vendor's contract.
    let requests: (SimulatorProcess) throws -> [SimulatorProcess.LoggedRequest]
    let outsideContract: (SimulatorProcess) throws -> [String]
    /// `simulateFaults("500:1")` inside a script.
    let setFaults: (SimulatorProcess, String) throws -> Void
    /// Credentials that must never be written out.
    let secrets: (SimulatorProcess) -> [String]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    /// Each script runs against its own simulator (so writes never leak between scripts),
    /// started with the arguments of its `# sim:` line. `# expect posts: N` counts the POSTs the
    /// simulator received; `# expect warning: text` looks for text on standard error. Every
    /// request a script made must be a route of the vendor's description.
    func runAll(file: StaticString = #filePath, line: UInt = #line) throws {
        let directory = Self.root.appendingPathComponent(folder).path
        let paths = GoldenScript.all(in: directory)
        XCTAssertGreaterThan(paths.count, 0, file: file, line: line)
        var failures = 0
        for path in paths {
            let script = try GoldenScript(path: path)
            let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"] + Self.simulatorArguments(in: script.source))
            defer { _ = simulator.stop() }
            let outcome = script.run(realClock: true) { interpreter in
                let providers = Providers(interpreter: interpreter)
                try connect(providers, simulator)
                interpreter.define("simulateFaults", as: .function(Function(name: "simulateFaults") { args in
                    try setFaults(simulator, try args.string(0))
                    return .null
                }))
            }
            var problems = script.mismatches(in: outcome)
            problems += try outsideContract(simulator).map { "request outside the vendor's description: \($0)" }
            if let expected = Self.directive("# expect posts: ", in: script.source).flatMap(Int.init) {
                let posts = try requests(simulator).filter { $0.method == "POST" }.count
                if posts != expected { problems.append("POST requests: expected \(expected), the simulator saw \(posts)") }
            }
            // `# expect request: POST /api/Spaces-1/releases?ignoreChannelRules=true`: the simulator saw it.
            let seen = try requests(simulator).map { "\($0.method) \($0.path)" + ($0.query.map { $0.isEmpty ? "" : "?" + $0 } ?? "") }
            for expected in Self.directives("# expect request: ", in: script.source) where !seen.contains(expected) {
                problems.append("request: expected '\(expected)' among \(seen.suffix(8))")
            }
            if let expected = Self.directive("# expect warning: ", in: script.source), !outcome.warnings.contains(expected) {
                problems.append("warning: expected '\(expected)' in \(outcome.warnings.debugDescription)")
            }
            let written = outcome.warnings + outcome.output.joined()
            for secret in secrets(simulator) where written.contains(secret) {
                problems.append("a credential was written out")
            }
            if !problems.isEmpty {
                failures += 1
                XCTFail("\(path):\n" + problems.joined(separator: "\n"), file: file, line: line)
            }
        }
        print("\(folder) scripts: \(paths.count - failures) passed, \(failures) failed")
    }

    /// `# sim: --faults 503:0.5` → the simulator's extra arguments.
    static func simulatorArguments(in source: String) -> [String] {
        directive("# sim: ", in: source).map { $0.split(separator: " ").map(String.init) } ?? []
    }

    static func directive(_ prefix: String, in source: String) -> String? {
        directives(prefix, in: source).first
    }

    static func directives(_ prefix: String, in source: String) -> [String] {
        source.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
