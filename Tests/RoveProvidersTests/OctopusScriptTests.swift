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

    /// Routes rove may use that the 2020.5 Swagger predates (docs/simulator-octopus.md).
    static let newerRoutes: Set<String> = [
        "GET /api/{s}/projects/{id}/variables", "PUT /api/{s}/projects/{id}/variables",
    ]

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
                    try SimulatorLog.setFaults(try args.string(0), of: simulator)
                    return .null
                }))
            }
            var problems = script.mismatches(in: outcome)
            problems += try unknownRoutes(in: simulator, swagger: swagger)
            if let expected = Self.directive("# expect posts: ", in: script.source).flatMap(Int.init) {
                let posts = try SimulatorLog.requests(of: simulator).filter { $0.method == "POST" }.count
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

    /// Requests the simulator logged whose route is neither in the Swagger nor allowlisted.
    private func unknownRoutes(in simulator: SimulatorProcess, swagger: SwaggerRoutes) throws -> [String] {
        var unknown: [String] = []
        for request in try SimulatorLog.requests(of: simulator) {
            guard request.path.hasPrefix("/api") else { continue }
            if swagger.template(method: request.method, path: request.path) != nil { continue }
            let generic = request.method + " " + request.path.split(separator: "/").enumerated().map { index, part in
                index == 1 && part.hasPrefix("Spaces-") ? "{s}" : index == 3 && part.contains("-") ? "{id}" : String(part)
            }.reduce("") { $0 + "/" + $1 }
            if !Self.newerRoutes.contains(generic) { unknown.append("request outside the Swagger: \(request.method) \(request.path)") }
        }
        return unknown
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

/// The simulator's request log (`GET /_sim/requests`).
enum SimulatorLog {
    struct Request: Decodable {
        let method: String
        let path: String
        let status: Int
    }

    static func setFaults(_ plan: String, of simulator: SimulatorProcess) throws {
        let body = try JSONSerialization.data(withJSONObject: ["faults": plan, "retryAfter": 0])
        let transport = try CurlTransport()
        let response = try transport.send(HTTPRequest(method: "POST", url: simulator.octopusURL + "/_sim/faults",
                                                      headers: [(name: "Content-Type", value: "application/json")],
                                                      body: Array(body))).get()
        guard response.status == 200 else { throw Diagnostic(.value, "the simulator refused fault plan '\(plan)'") }
    }

    static func requests(of simulator: SimulatorProcess) throws -> [Request] {
        let transport = try CurlTransport()
        let response = try transport.send(HTTPRequest(url: simulator.octopusURL + "/_sim/requests")).get()
        return try JSONDecoder().decode([Request].self, from: Data(response.body))
    }
}
