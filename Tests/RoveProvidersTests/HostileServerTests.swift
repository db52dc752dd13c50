// Servers that answer the way a broken or hostile one might: the key stays home, every case ends in a clear exit code.

import Foundation
import RoveHTTP
import RoveTestServers
import RoveTestSupport
import XCTest

/// Each case runs the real CLI against `home`, a loopback server standing for the configured
/// Octopus or DeployHQ, while `other` stands for any other origin and records whatever reaches
/// it, the way a packet capture would. A canary key and a canary secret must reach no other
/// origin and appear in no output.
final class HostileServerTests: XCTestCase {
    static let key = "API-CANARYKEY0000000000000001"
    static let secretText = "canary-secret-hunter2"
    static let email = "canary@example.test"
    static let root = { (projects: String) in
        #"{"Application": "Octopus Deploy", "Version": "2020.5.0", "Links": {"Projects": "\#(projects)"}}"#
    }

    private var home: LoopbackServer!
    private var other: LoopbackServer!

    override func setUpWithError() throws {
        home = try LoopbackServer()
        other = try LoopbackServer(fallback: { _ in .respond(ServerReply(status: 200, text: #"{"Id": "Other-1"}"#)) })
    }

    override func tearDown() {
        home.stop()
        other.stop()
    }

    private var octopusEnvironment: [String: String] {
        ["OCTOPUS_URL": home.baseURL, "OCTOPUS_API_KEY": Self.key]
    }

    private var deployhqEnvironment: [String: String] {
        ["DEPLOYHQ_URL": home.baseURL, "DEPLOYHQ_EMAIL": Self.email, "DEPLOYHQ_API_KEY": Self.key]
    }

    private func serveRoot(projects: String = "/api/projects{/id}{?skip,take,partialName}") {
        home.route("/api") { _ in .respond(ServerReply(text: Self.root(projects))) }
    }

    /// Runs `source`, checks the exit code, that nothing reached `other`, and that no canary
    /// was written out; returns the run for further checks.
    @discardableResult
    private func expect(_ status: Int32, _ source: String, environment: [String: String], arguments: [String] = [],
                        _ context: String, file: StaticString = #filePath, line: UInt = #line) throws -> CLIRun {
        let run = try CLIRun(arguments + ["-e", source], environment: environment)
        let report = "\(context)\nstdout: \(run.output)\nstderr: \(run.errors)"
        XCTAssertEqual(run.status, status, report, file: file, line: line)
        XCTAssertEqual(other.requests.count, 0, "another origin was reached: \(report)", file: file, line: line)
        let basic = Data("\(Self.email):\(Self.key)".utf8).base64EncodedString()
        for canary in [Self.key, Self.secretText, basic] {
            XCTAssertFalse(run.output.contains(canary) || run.errors.contains(canary), "canary written out: \(report)",
                           file: file, line: line)
        }
        return run
    }

    // MARK: Links and redirects, Octopus

    func testAnAbsoluteLinkToAnotherOriginIsRefused() throws {
        serveRoot(projects: other.baseURL + "/api/projects{/id}{?skip,take}")
        let run = try expect(8, "octopus.Projects.count", environment: octopusEnvironment, "cross-origin link")
        XCTAssertTrue(run.errors.contains("refused to send GET \(other.baseURL)/api/projects"), run.errors)
        XCTAssertTrue(run.errors.contains("another origin than \(home.baseURL)"), run.errors)
    }

    func testEveryRedirectCodeToAnotherOriginIsRefusedForReads() throws {
        serveRoot()
        for status in [301, 302, 303, 307, 308] {
            home.route("/api/projects") { _ in
                .respond(ServerReply(status: status, headers: [("Location", self.other.baseURL + "/api/projects")]))
            }
            let run = try expect(8, "octopus.Projects.count", environment: octopusEnvironment, "GET \(status)")
            XCTAssertTrue(run.errors.contains("refused a redirect to \(other.baseURL)"), run.errors)
        }
    }

    /// A write redirected elsewhere carries its secret nowhere, whatever the code.
    func testEveryRedirectCodeToAnotherOriginIsRefusedForWrites() throws {
        serveRoot()
        for status in [301, 302, 303, 307, 308] {
            home.route("/api/projects") { _ in
                .respond(ServerReply(status: status, headers: [("Location", self.other.baseURL + "/api/projects")]))
            }
            let before = home.requests.count
            try expect(8, #"octopus.Projects.create({Name: "Web", Password: secret("\#(Self.secretText)")})"#,
                       environment: octopusEnvironment, "POST \(status)")
            XCTAssertEqual(home.requests.dropFirst(before).filter { $0.method == "POST" }.count, 1, "POST \(status)")
        }
    }

    /// A create answered by a 302 on its own origin may have happened: exit 4, never a GET of
    /// the other page passed off as the created resource.
    func testAWriteAnswered302IsReportedNotFollowed() throws {
        serveRoot()
        home.route("/api/projects") { _ in
            .respond(ServerReply(status: 302, headers: [("Location", "/login")]))
        }
        home.route("/login") { _ in .respond(ServerReply(text: #"{"Id": "Login-page"}"#)) }
        let run = try expect(4, #"octopus.Projects.create({Name: "Web"})"#, environment: octopusEnvironment, "POST 302")
        XCTAssertTrue(run.errors.contains("may have taken effect"), run.errors)
        XCTAssertFalse(home.requests.contains { $0.path == "/login" })
    }

    func testA307OnTheSameOriginRepeatsTheWriteThere() throws {
        serveRoot()
        home.route("/api/projects") { _ in
            .respond(ServerReply(status: 307, headers: [("Location", "/api/Spaces-1/projects")]))
        }
        home.route("/api/Spaces-1/projects") { request in
            .respond(ServerReply(status: 201, body: request.body))
        }
        let run = try expect(0, #"print(octopus.Projects.create({Name: "Web"}).Name)"#, environment: octopusEnvironment, "POST 307")
        XCTAssertEqual(run.output, "Web\n")
        let posts = home.requests.filter { $0.method == "POST" }
        XCTAssertEqual(posts.map(\.path), ["/api/projects", "/api/Spaces-1/projects"])
        XCTAssertEqual(posts.map { $0.header("x-octopus-apikey") }, [Self.key, Self.key])
    }

    /// Servers in a virtual directory and trailing-slash redirects keep working, and the trace
    /// shows the hop and the origin that answered.
    func testSameOriginRedirectsAreFollowedAndTraced() throws {
        home.route("/api") { _ in .respond(ServerReply(status: 301, headers: [("Location", "/octopus/api/")])) }
        home.route("/octopus/api/") { _ in
            .respond(ServerReply(text: Self.root("/octopus/api/projects{/id}{?skip,take}")))
        }
        home.route("/octopus/api/projects") { _ in
            .respond(ServerReply(text: #"{"Items": [], "TotalResults": 7, "ItemsPerPage": 30}"#))
        }
        let run = try expect(0, "print(octopus.Projects.count)", environment: octopusEnvironment, arguments: ["--trace"],
                             "same-origin redirect")
        XCTAssertEqual(run.output, "7\n")
        XCTAssertTrue(run.errors.contains("← 301 GET \(home.baseURL)/api "), run.errors)
        XCTAssertTrue(run.errors.contains("↪ 301 to \(home.baseURL)/octopus/api/ (origin \(home.baseURL))"), run.errors)
        XCTAssertTrue(run.errors.contains("← 200 GET \(home.baseURL)/octopus/api/ "), run.errors)
    }

    // MARK: Redirects, DeployHQ

    func testDeployHQRedirectsToAnotherOriginAreRefused() throws {
        for status in [301, 302, 303, 307, 308] {
            home.route("/projects") { _ in
                .respond(ServerReply(status: status, headers: [("Location", self.other.baseURL + "/projects")]))
            }
            try expect(8, "deployhq.projects.count", environment: deployhqEnvironment, "GET \(status)")
            try expect(8, #"deployhq.projects.create({name: "web", notes: secret("\#(Self.secretText)")})"#,
                       environment: deployhqEnvironment, "POST \(status)")
        }
    }

    // MARK: Bounded answers

    func testAnOversizedOrEndlessBodyIsANetworkErrorAtTheCap() throws {
        serveRoot()
        home.route("/api/projects") { _ in
            .endless(ServerReply(), chunk: Array(repeating: 0x20, count: 64 << 10), declaredLength: 8 << 30)
        }
        var run = try expect(5, "octopus.Projects.count", environment: octopusEnvironment,
                             arguments: ["--max-response-size", "1M"], "8 GB Content-Length")
        XCTAssertTrue(run.errors.contains("response too large: GET \(home.baseURL)/api/projects"), run.errors)
        XCTAssertTrue(run.errors.contains("the response declares 8 GiB, more than the cap of 1 MiB"), run.errors)
        home.route("/api/projects") { _ in
            .endless(ServerReply(), chunk: Array(repeating: 0x20, count: 64 << 10), declaredLength: nil)
        }
        run = try expect(5, "octopus.Projects.count", environment: octopusEnvironment,
                         arguments: ["--max-response-size", "2M"], "endless chunked body")
        XCTAssertTrue(run.errors.contains("the response body is larger than the cap of 2 MiB"), run.errors)
    }

    /// Peak memory while an endless body is refused stays near the cap, not the body's size.
    func testPeakMemoryStaysNearTheCap() throws {
        guard let reset = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { throw XCTSkip("no /proc/self/clear_refs") }
        serveRoot()
        home.route("/api/projects") { _ in
            .endless(ServerReply(), chunk: Array(repeating: 0x20, count: 64 << 10), declaredLength: nil)
        }
        let before = try Self.residentKilobytes()
        reset.write(Data("5".utf8))   // resets the peak (VmHWM) to the current size
        try reset.close()
        try expect(5, "octopus.Projects.count", environment: octopusEnvironment,
                   arguments: ["--max-response-size", "64M"], "endless body, 64 MiB cap")
        let peak = try Self.peakKilobytes()
        // The cap, the array's growth slack, libcurl's buffers and one interpreter.
        XCTAssertLessThan(peak - before, (64 + 96) << 10, "peak grew by \(peak - before) KB")
    }

    func testAProfileAndConnectSetTheCap() throws {
        serveRoot()
        let page = #"{"Items": [], "TotalResults": 0, "ItemsPerPage": 30}"#
        home.route("/api/projects") { _ in .respond(ServerReply(body: Array(repeating: 0x20, count: 4096) + Array(page.utf8))) }
        try expect(5, #"connect(octopus: "\#(home.baseURL)", apiKey: "\#(Self.key)", maxResponseSize: 1024).Projects.count"#,
                   environment: [:], "connect(maxResponseSize:)")
        try expect(0, #"connect(octopus: "\#(home.baseURL)", apiKey: "\#(Self.key)", maxResponseSize: "8K").Projects.count"#,
                   environment: [:], "connect(maxResponseSize:) as text")
        try expect(2, "1", environment: octopusEnvironment, arguments: ["--max-response-size", "lots"], "a bad size")
        let profile = """
            [profiles.small]
            octopus_url = "\(home.baseURL)"
            octopus_api_key = "\(Self.key)"
            octopus_max_response_size = "1K"
            """
        let run = try CLIRun(["--profile", "small", "-e", "octopus.Projects.count"], environment: [:], config: profile)
        XCTAssertEqual(run.status, 5, run.errors)
        XCTAssertTrue(run.errors.contains("cap of 1 KiB"), run.errors)
        let flagged = try CLIRun(["--profile", "small", "--max-response-size", "1M", "-e", "octopus.Projects.count"],
                                 environment: [:], config: profile)
        XCTAssertEqual(flagged.status, 0, "the flag beats the profile: \(flagged.errors)")
    }

    /// A secret that never reached a request is masked in the error excerpt quoting it.
    func testAnErrorExcerptMasksASecretNeverSent() throws {
        let run = try expect(1, #"let p = secret("\#(Self.secretText)"); p + 1"#, environment: octopusEnvironment, "excerpt")
        XCTAssertTrue(run.errors.contains("secret(\"•••\")"), run.errors)
    }

    /// A server that never answers cannot hold a run past `--max-time`: the wait ends as the
    /// time limit, exit 7, not as an interrupt.
    func testMaxTimeEndsAWaitForAServerThatNeverAnswers() throws {
        home.route("/api") { _ in .delay(seconds: 30, then: ServerReply(text: Self.root("/api/projects"))) }
        let run = try expect(7, "octopus.Version", environment: octopusEnvironment, arguments: ["--max-time", "0.3"], "stalled root")
        XCTAssertTrue(run.errors.contains("time limit of 0.3 s reached"), run.errors)
    }

    // MARK: Broken bodies

    /// JSON is UTF-8 (RFC 8259 §8.1): a document that is not is refused as unreadable, as a
    /// proxy's garbled page would be, never half-read.
    func testInvalidUTF8InADocumentIsANetworkError() throws {
        home.route("/api") { _ in
            .respond(ServerReply(body: Array(#"{"Application": "Octopus Deploy", "Version": "x"#.utf8) + [0xFF, 0xFE]
                                 + Array(#"", "Links": {}}"#.utf8)))
        }
        let run = try expect(5, "print(octopus.Version)", environment: octopusEnvironment, "invalid UTF-8")
        XCTAssertTrue(run.errors.contains("the response to GET \(home.baseURL)/api is not valid JSON"), run.errors)
    }

    // MARK: Helpers

    private static func residentKilobytes() throws -> Int { try statusField("VmRSS:") }
    private static func peakKilobytes() throws -> Int { try statusField("VmHWM:") }

    private static func statusField(_ name: String) throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else {
            throw XCTSkip("no \(name) in /proc/self/status")
        }
        return kilobytes
    }
}
