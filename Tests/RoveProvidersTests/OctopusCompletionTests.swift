// Tab completion from live documents: link names, and a link's template parameters inside a call.

import RoveCore
import RoveProviders
import RoveTestServers
import RoveTestSupport
import XCTest

final class OctopusCompletionTests: XCTestCase {
    func testLinksAndTemplateParametersComplete() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let interpreter = Interpreter()
        let providers = Providers(interpreter: interpreter)
        try providers.connectOctopus(url: simulator.octopusURL, apiKey: simulator.octopusAPIKey, accessToken: nil, space: nil)

        let cases: [(typed: String, offered: [String])] = [
            // Every key of a real 2023.1 root that starts so (research §1.1).
            ("octopus.Proj", ["ProjectGroups", "ProjectImportFiles", "ProjectImportPreview", "ProjectPulse", "ProjectTriggers",
                              "Projects", "ProjectsExperimentalSummaries"]),
            ("octopus.Tasks(sta", ["states:"]),
            ("octopus.Tasks(states: \"Failed\", hasP", ["hasPendingInterruptions:"]),
            ("octopus.Projects(partialName: \"W\", ta", ["take:"]),
            ("print(octopus.Environments.fi", ["filter", "find", "first"]),   // list methods too, over every item
            ("octopus.Projects.sel", ["select"]),
        ]
        for (typed, offered) in cases {
            XCTAssertEqual(interpreter.completions(for: typed), offered, typed)
        }
    }

    func testOpenCallFindsTheCalleeOfTheArgumentBeingTyped() {
        let cases: [(text: String, callee: String?, partial: String?)] = [
            ("f(", "f", ""),
            ("a.b(x: 1, y", "a.b", "y"),
            ("a.b([1, 2], ", "a.b", ""),
            ("f(g(1), h", "f", "h"),
            ("f(x", "f", "x"),
            ("f.x", nil, nil),
            ("(1 + ", nil, nil),
        ]
        for (text, callee, partial) in cases {
            let found = Interpreter.openCall(in: text)
            XCTAssertEqual(found?.callee, callee, text)
            XCTAssertEqual(found?.partial, partial, text)
        }
    }
}

/// Tab waits at most a moment for a slow server: the completions that need no request come at
/// once, and the limit is gone afterwards.
final class CompletionTimeLimitTests: XCTestCase {
    func testASlowRootDocumentIsNotWaitedForPastTheLimit() throws {
        let root = #"{"Application": "Octopus Deploy", "Version": "2020.5.0", "Links": {"Projects": "/api/projects{/id}{?skip,take}"}}"#
        let server = try LoopbackServer(routes: ["/api": { _ in .delay(seconds: 1.5, then: ServerReply(text: root)) }])
        defer { server.stop() }
        let interpreter = Interpreter()
        let providers = Providers(interpreter: interpreter)
        try providers.connectOctopus(url: server.baseURL, apiKey: "API-SLOW0SERVER0TEST00000001", accessToken: nil, space: nil)
        XCTAssertEqual(providers.withTimeLimit(0.3) { interpreter.completions(for: "octopus.Pro") }, [])
        XCTAssertEqual(interpreter.completions(for: "octopus.Pro"), ["Projects"])
    }
}
