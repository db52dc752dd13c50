// help and Tab against servers: rove-sim's collections and resources through the REPL, and a
// hostile root document whose link names carry quotes, backslashes, control characters, escape
// sequences, and thousands of links.

import Foundation
import RoveCore
import RoveProviders
import RoveTestServers
import RoveTestSupport
import XCTest

/// A root document with link names a hostile or broken server could send.
private func hostileRoot(extraLinks: Int = 0) -> String {
    var links: [String: String] = [
        "Projects": "/api/projects{/id}{?skip,take}",
        "esc\u{1b}[2Jx": "/api/esc",
        "osc\u{1b}]0;pwned\u{7}": "/api/osc",
        "quote\"back\\slash": "/api/quote",
        "new\nline": "/api/newline",
        "bidi\u{202e}txt": "/api/bidi",
        "Authenticate_Azure AD": "/api/users/authenticate/AzureAD",
    ]
    for index in 0..<extraLinks { links["Link\(index)"] = "/api/link/\(index)" }
    let document: [String: Any] = ["Application": "Octopus Deploy", "Version": "2020.5.0", "Links": links]
    let data = try! JSONSerialization.data(withJSONObject: document)
    return String(decoding: data, as: UTF8.self)
}

final class HostileLinkNameTests: XCTestCase {
    private func connected(to root: String) throws -> (Interpreter, LoopbackServer, Providers) {
        let server = try LoopbackServer(routes: ["/api": { _ in .respond(ServerReply(text: root)) }])
        let interpreter = Interpreter()
        let providers = Providers(interpreter: interpreter)
        try providers.connectOctopus(url: server.baseURL, apiKey: "API-HOSTILE0LINKS0TEST000001", accessToken: nil, space: nil)
        return (interpreter, server, providers)
    }

    func testLinkNamesCompleteAsValidEscapedSubscripts() throws {
        let (interpreter, server, providers) = try connected(to: hostileRoot())
        defer { server.stop() }
        _ = providers
        let cases: [(typed: String, insertion: String)] = [
            ("octopus.esc", "[\"esc\\u{1b}[2Jx\"]"),
            ("octopus.osc", "[\"osc\\u{1b}]0;pwned\\u{7}\"]"),
            ("octopus.quote", "[\"quote\\\"back\\\\slash\"]"),
            ("octopus.new", "[\"new\\nline\"]"),
            ("octopus.bidi", "[\"bidi\\u{202e}txt\"]"),
            ("octopus.Authenticate", "[\"Authenticate_Azure AD\"]"),
            ("octopus[\"quote\\\"", "[\"quote\\\"back\\\\slash\"]"),
            ("octopus.Proj", ".Projects"),
        ]
        for (typed, insertion) in cases {
            let completion = interpreter.completion(for: typed)
            XCTAssertEqual(completion.insertion, insertion, typed)
            // What Tab writes reads back the same link.
            let chain = String(typed.dropLast(completion.replaced.count))
            let link = try interpreter.run("(\(chain + completion.insertion)).template", file: "check.rove")
            XCTAssertEqual(link.map { "\($0)" }?.hasPrefix("/api/"), true, "\(typed): \(String(describing: link))")
        }
        for candidate in interpreter.completion(for: "octopus.").candidates {
            XCTAssertFalse((candidate.text + candidate.display).unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{202e}" },
                           candidate.text.debugDescription)
        }
    }

    func testHelpOfTheRootEscapesEveryLinkName() throws {
        let (interpreter, server, providers) = try connected(to: hostileRoot())
        defer { server.stop() }
        _ = providers
        let text = try interpreter.help(for: try XCTUnwrap(interpreter.global("octopus"))).text
        XCTAssertFalse(text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0 == "\u{202e}" },
                       text.debugDescription)
        for name in ["[\"esc\\u{1b}[2Jx\"]", "[\"osc\\u{1b}]0;pwned\\u{7}\"]", "[\"quote\\\"back\\\\slash\"]", "[\"new\\nline\"]",
                     "[\"Authenticate_Azure AD\"]", "Projects"] {
            XCTAssertTrue(text.contains(name), "\(name) in\n\(text)")
        }
    }

    func testAHugeNumberOfLinksCompletesAndIsCutInHelp() throws {
        let (interpreter, server, providers) = try connected(to: hostileRoot(extraLinks: 20_000))
        defer { server.stop() }
        _ = providers
        XCTAssertGreaterThan(interpreter.completion(for: "octopus.").candidates.count, 20_000)
        XCTAssertEqual(interpreter.completions(for: "octopus.Link1999"), ["Link1999", "Link19990", "Link19991", "Link19992",
                                                                          "Link19993", "Link19994", "Link19995", "Link19996",
                                                                          "Link19997", "Link19998", "Link19999"])
        let text = try interpreter.help(for: try XCTUnwrap(interpreter.global("octopus"))).text
        XCTAssertTrue(text.contains("more\n"), text)
        XCTAssertLessThan(text.split(separator: "\n").count, 200)
    }
}

/// The REPL on a real pseudo-terminal: help of rove-sim's collections and resources, Tab on its
/// link names, and a hostile server's names that must never reach the terminal raw.
final class ProviderHelpREPLTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = try temporaryFolder(prefix: "rove-provider-help")
    }

    private func startREPL(with variables: [String: String], file: StaticString = #filePath, line: UInt = #line) throws -> TerminalSession {
        try TerminalSession.startREPL(home: home, adding: variables, file: file, line: line)
    }

    func testHelpOfTheConnectionsACollectionAndAResource() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let repl = try startREPL(with: simulator.environment)
        repl.type("help\r")
        XCTAssertTrue(repl.waitFor("Connections:\n  octopus   <Octopus http://127.0.0.1:"), repl.screen)
        XCTAssertTrue(repl.waitFor("  deployhq  <DeployHQ http://127.0.0.1:"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("help(octopus.Projects)\r")
        XCTAssertTrue(repl.waitFor("Collection Projects\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("Template parameters:\n  id, name, skip, ids, clone, take, partialName"), repl.screen)
        XCTAssertTrue(repl.waitFor("  find(name: n)       the item named n (exactly, any case)"), repl.screen)
        XCTAssertTrue(repl.waitFor("List methods, over every item:\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("help(octopus.Projects.first)\r")
        XCTAssertTrue(repl.waitFor("Resource <Project Projects-1 \"Web\">\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("Links (each one a member: a collection, or the resource it names):\n  Self, Variables, Releases"),
                      repl.screen)
        XCTAssertTrue(repl.waitFor("  reload()  reads the document again and returns the resource\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("help(octopus.Tasks.first)\r")
        XCTAssertTrue(repl.waitFor("Task members:\n  state "), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("exit\r")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testTabListsLinksOnOneTabAndWritesOddNamesAsSubscripts() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let repl = try startREPL(with: simulator.environment)
        repl.type("octopus.Pro\t")
        XCTAssertTrue(repl.waitFor("ProjectGroups"), repl.screen)
        XCTAssertTrue(repl.waitFor("ProjectTriggers"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> octopus.Pro"), repl.screen)
        repl.type("jects.count\r")
        XCTAssertTrue(repl.waitFor("\n12\nrove> "), repl.screen)
        // libedit draws the change over the old text, so the screen's plain text keeps both;
        // the answer to the finished line shows what the line became.
        repl.type("octopus.Authenticate_A\t")
        XCTAssertTrue(repl.waitFor("[\"Authenticate_Azure AD\"]"), repl.screen)
        repl.type(".template\r")
        XCTAssertTrue(repl.waitFor("\n/users/authenticate/AzureAD{?returnUrl}\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("octopus.Rep\t")
        XCTAssertTrue(repl.waitFor("[\"Reporting/DeploymentsCountedByWeek\"]"), repl.screen)
        repl.type(".template\r")
        XCTAssertTrue(repl.waitFor("reporting/deployments-counted-by-week"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testAHostileServersNamesNeverReachTheTerminalRaw() throws {
        let server = try LoopbackServer(routes: ["/api": { _ in .respond(ServerReply(text: hostileRoot(extraLinks: 5_000))) }])
        defer { server.stop() }
        let repl = try startREPL(with: ["OCTOPUS_URL": server.baseURL, "OCTOPUS_API_KEY": "API-HOSTILE0LINKS0TEST000001"])
        repl.type("octopus.\t")
        XCTAssertTrue(repl.waitFor("more; type more of the name\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> octopus."), repl.screen)
        repl.type("osc\t")
        XCTAssertTrue(repl.waitFor("[\"osc\\u{1b}]0;pwned\\u{7}\"]"), repl.screen)
        repl.type(".template\r")
        XCTAssertTrue(repl.waitFor("\n/api/osc\nrove> "), repl.screen)
        // 5,000 links: help names the first 200 (the order the server sent) and counts the rest.
        repl.type("help(octopus)\r")
        XCTAssertTrue(repl.waitFor(" more\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        let raw = repl.rawOutput
        for payload in ["\u{1b}]0;pwned", "\u{1b}[2Jx", "bidi\u{202e}"] {
            let bytes = Array(payload.utf8)
            let found = (0...(raw.count - bytes.count)).contains { raw[$0..<($0 + bytes.count)].elementsEqual(bytes) }
            XCTAssertFalse(found, "\(payload.debugDescription) reached the terminal raw")
        }
        repl.type("quit\r")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }
}
