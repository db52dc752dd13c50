// Golden scripts against a real rove-sim over loopback HTTP: the Octopus object model end to end.

import Foundation
import RoveCore
import RoveHTTP
import RoveProviders
import RoveTestSupport
import XCTest

/// Each script under Scripts/ runs against its own simulator (so writes never leak between
/// scripts), started with the arguments of its `# sim:` line; `simulateFaults("500:1")` switches
/// faults on mid-script (after the root document is read, say). `# expect posts: N` counts the
/// POSTs the simulator received; `# expect warning: text` looks for text on standard error. After each run, every request the
/// script made must be a route of the vendor's Swagger, or one of the newer routes below.
final class OctopusScriptTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts").path

    func testOctopusScripts() throws {
        let paths = GoldenScript.all(in: Self.directory)
        XCTAssertGreaterThan(paths.count, 0)
        let swagger = try SwaggerRoutes.octopus()
        var failures = 0
        for path in paths {
            let script = try GoldenScript(path: path)
            let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"] + Self.simulatorArguments(in: script.source))
            defer { _ = simulator.stop() }
            let outcome = script.run(realClock: true) { interpreter in
                let providers = Providers(interpreter: interpreter)
                try providers.connectOctopus(url: simulator.octopusURL, apiKey: simulator.octopusAPIKey,
                                             accessToken: nil, space: nil)
                interpreter.define("simulateFaults", as: .function(Function(name: "simulateFaults") { args in
                    try simulator.setOctopusFaults(try args.string(0))
                    return .null
                }))
            }
            var problems = script.mismatches(in: outcome)
            problems += try simulator.octopusRequestsOutsideTheSwagger(swagger).map { "request outside the Swagger: \($0)" }
            if let expected = Self.directive("# expect posts: ", in: script.source).flatMap(Int.init) {
                let posts = try simulator.octopusRequests().filter { $0.method == "POST" }.count
                if posts != expected { problems.append("POST requests: expected \(expected), the simulator saw \(posts)") }
            }
            if let expected = Self.expectedWarning(in: script.source), !outcome.warnings.contains(expected) {
                problems.append("warning: expected '\(expected)' in \(outcome.warnings.debugDescription)")
            }
            if outcome.warnings.contains(simulator.octopusAPIKey) || outcome.output.joined().contains(simulator.octopusAPIKey) {
                problems.append("the API key was written out")
            }
            if !problems.isEmpty {
                failures += 1
                XCTFail("\(path):\n" + problems.joined(separator: "\n"))
            }
        }
        print("octopus scripts: \(paths.count - failures) passed, \(failures) failed")
    }

    /// `# sim: --faults 503:0.5` → the simulator's extra arguments.
    static func simulatorArguments(in source: String) -> [String] {
        directive("# sim: ", in: source).map { $0.split(separator: " ").map(String.init) } ?? []
    }

    /// `# expect warning: text` → text that must appear on standard error.
    static func expectedWarning(in source: String) -> String? {
        directive("# expect warning: ", in: source)
    }

    static func directive(_ prefix: String, in source: String) -> String? {
        source.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
