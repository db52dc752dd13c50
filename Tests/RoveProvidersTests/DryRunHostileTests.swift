// Dry runs against servers that answer strangely: huge and deep documents, missing ids, smuggled placeholders, secrets.

import Foundation
import RoveHTTP
import RoveTestServers
import RoveTestSupport
import XCTest

/// Each case runs `rove --dry-run` in-process against a loopback server standing for Octopus,
/// and checks that no write reached it, what the plan says, and that no canary was written out.
final class DryRunHostileTests: XCTestCase {
    static let key = "API-CANARYKEY0000000000000001"
    static let secretText = "canary-secret-hunter2"

    private var server: LoopbackServer!

    override func setUpWithError() throws {
        server = try LoopbackServer()
        serveRoot(projects: "/api/projects{/id}{?skip,take}")
    }

    override func tearDown() {
        server.stop()
    }

    private func serveRoot(projects: String) {
        let root = #"{"Application": "Octopus Deploy", "Version": "2020.5.0", "Links": {"Projects": "\#(projects)", "Teams": "/api/teams{/id}{?skip,take}"}}"#
        server.route("/api") { _ in .respond(ServerReply(text: root)) }
    }

    private func serve(_ path: String, _ text: String) {
        server.route(path) { _ in .respond(ServerReply(text: text)) }
    }

    /// `rove --dry-run [extra] -e source`: checks the status, that only reads reached the
    /// server, and that neither canary appears in what it wrote out.
    @discardableResult
    private func dryRun(_ source: String, expecting status: Int32, _ extra: [String] = [],
                        file: StaticString = #filePath, line: UInt = #line) throws -> CLIRun {
        let run = try CLIRun(["--dry-run"] + extra + ["-e", source],
                             environment: ["OCTOPUS_URL": server.baseURL, "OCTOPUS_API_KEY": Self.key])
        let report = "stdout: \(run.output)\nstderr: \(run.errors)"
        XCTAssertEqual(run.status, status, report, file: file, line: line)
        XCTAssertEqual(server.requests.filter { $0.method != "GET" }.map(\.method), [], report, file: file, line: line)
        for canary in [Self.key, Self.secretText] {
            XCTAssertFalse((run.output + run.errors).contains(canary), "canary written out: \(report)", file: file, line: line)
        }
        return run
    }

    // MARK: Diffs

    func testAPutOfAHugeAndDeepDocumentShowsItsChangesAndCutsALongList() throws {
        var deep = #""bottom""#
        for _ in 0..<400 { deep = #"{"Next": \#(deep)}"# }
        let huge = (0..<20_000).map { #""Field\#($0)": \#($0)"# }.joined(separator: ", ")
        serve("/api/projects/Projects-1", #"{"Id": "Projects-1", "Name": "Old", "Deep": \#(deep), "Huge": {\#(huge)}, "Links": {"Self": "/api/projects/Projects-1"}}"#)
        let run = try dryRun(#"""
            var p = octopus.Projects.get("Projects-1")
            p.Name = "New"
            p.Huge = {Field7: "seven"}
            p.save()
            print(p.Name)
            """#, expecting: 10)
        XCTAssertEqual(run.output, "New\n")
        XCTAssertTrue(run.errors.contains("  PUT \(server.baseURL)/api/projects/Projects-1\n"), run.errors)
        XCTAssertTrue(run.errors.contains(#"    ~ Name: "Old" → "New""#), run.errors)
        XCTAssertTrue(run.errors.contains("    - Huge.Field0 (was 0)\n"), run.errors)
        XCTAssertTrue(run.errors.contains(#"    ~ Huge.Field7: 7 → "seven""#), run.errors)
        XCTAssertTrue(run.errors.contains("    … and 19951 more changes\n"), run.errors)
        XCTAssertFalse(run.errors.contains("Deep"), "the unchanged deep branch is no change: \(run.errors)")
    }

    func testAChangeAtTheBottomOfADeepDocumentIsNamedByItsWholePath() throws {
        var deep = "1"
        for _ in 0..<400 { deep = #"{"Next": \#(deep)}"# }
        serve("/api/projects/Projects-1", #"{"Id": "Projects-1", "Deep": \#(deep), "Links": {"Self": "/api/projects/Projects-1"}}"#)
        let run = try dryRun(#"""
            var p = octopus.Projects.get("Projects-1")
            var text = json(p.Deep)
            p.Deep = parse(text.replace("1", with: "2"))
            p.save()
            """#, expecting: 10, ["-o", "json"])
        let plan = try XCTUnwrap(run.output.split(separator: "\n").last)
        let path = "Deep" + String(repeating: ".Next", count: 400)
        XCTAssertTrue(plan.contains(#"{"path":"\#(path)","change":"changed","before":1,"after":2}"#), String(plan.prefix(300)))
    }

    // MARK: Answers lacking ids, smuggled placeholders

    func testAResourceWithoutIdsOrLinksIsPlannedOrRefusedButNeverSent() throws {
        serve("/api/projects", #"{"Items": [{"Name": "Nameless"}], "TotalResults": 1, "ItemsPerPage": 30}"#)
        let run = try dryRun(#"""
            var p = octopus.Projects.first
            p.Name = "Renamed"
            try { p.save() } catch e { print(e.message) }
            let made = octopus.Projects.create({Name: "Fresh"})
            print(made.Name, made.Id.startsWith("planned-1-"))
            """#, expecting: 10)
        XCTAssertEqual(run.output, "this resource has no Self link\nFresh true\n")
        XCTAssertTrue(run.errors.contains("  POST \(server.baseURL)/api/projects → planned-1-"), run.errors)
    }

    func testAPlaceholderTheServerWritesIntoALinkIsNotMistakenForAPlannedOne() throws {
        // The server guesses the readable part of a placeholder; the plan's random token it
        // cannot know, so its link is read for real and its answer used.
        serveRoot(projects: "/api/planned-1/projects{/id}{?skip,take}")
        serve("/api/planned-1/projects", #"{"Items": [{"Id": "planned-1", "Name": "Real"}], "TotalResults": 1, "ItemsPerPage": 30}"#)
        serve("/api/planned-1/projects/planned-1", #"{"Id": "planned-1", "Name": "Real", "Links": {"Self": "/api/planned-1/projects/planned-1"}}"#)
        let run = try dryRun(#"""
            let made = octopus.Projects.create({Name: "Planned"})
            print(made.Name)
            print(octopus.Projects.first.Name, octopus.Projects.get("planned-1").Name)
            """#, expecting: 10)
        XCTAssertEqual(run.output, "Planned\nReal Real\n")
        XCTAssertTrue(server.requests.contains { $0.path == "/api/planned-1/projects/planned-1" })
    }

    func testAReadOfAPlannedResourceIsAnsweredFromThePlanAndNeverSent() throws {
        let run = try dryRun(#"""
            let made = octopus.Projects.create({Name: "Planned"})
            var again = octopus.Projects.get(made.Id)
            again.Name = "Renamed"
            again.save()
            print(octopus.Projects.get(made.Id).Name)
            made.delete()
            """#, expecting: 10)
        XCTAssertEqual(run.output, "Renamed\n")
        XCTAssertFalse(server.requests.contains { $0.target.contains("planned-") }, "\(server.requests.map(\.target))")
        XCTAssertTrue(run.errors.contains("dry run: 3 writes planned, none sent:"), run.errors)
        XCTAssertTrue(run.errors.contains(#"    ~ Name: "Planned" → "Renamed""#), run.errors)
    }

    // MARK: Secrets

    func testSecretsAndTheKeyInBodiesAndChangesAreRedactedInBothForms() throws {
        serve("/api/projects/Projects-1", #"{"Id": "Projects-1", "Token": "old", "Links": {"Self": "/api/projects/Projects-1"}}"#)
        let source = #"""
            octopus.Projects.create({Name: "x", Password: secret("\#(Self.secretText)"), Header: env("OCTOPUS_API_KEY")})
            var p = octopus.Projects.get("Projects-1")
            p.Token = secret("\#(Self.secretText)")
            p.save()
            octopus.post("/api/echo", {note: "\#(Self.key)"})
            nil
            """#
        let text = try dryRun(source, expecting: 10)
        XCTAssertTrue(text.errors.contains(#"{"Name":"x","Password":"•••","Header":"•••"}"#), text.errors)
        XCTAssertTrue(text.errors.contains(#"    ~ Token: "old" → "•••""#), text.errors)
        XCTAssertTrue(text.errors.contains(#"{"note":"•••"}"#), text.errors)
        let data = try dryRun(source, expecting: 10, ["-o", "json"])
        XCTAssertTrue(data.output.contains(#""Password":"•••""#), data.output)
    }
}
