// Paging against servers whose numbers lie: absurd totals, page sizes of zero or less, loops.

import RoveCore
import RoveProviders
import RoveTestServers
import RoveTestSupport
import XCTest

/// Numbers from a server are input (DESIGN §9): a walk plans from them but never allocates or
/// loops by them. Each case serves a small real collection under a hostile claim and checks that
/// scripts finish with exactly the items served, in a handful of requests, saying what went wrong.
final class HostilePagingTests: XCTestCase {
    /// Pages a walk may ask for past the last one with items: one parallel batch (the HTTP
    /// client's `perHostLimit`, 8 by default).
    static let batch = 8

    // MARK: Octopus

    func testAClaimOfATrillionItemsEndsWhereThePagesRunDry() throws {
        let tasks = try OctopusTasks(real: 90, perPage: 30) { served in
            TasksPage(ids: served, total: "1000000000000", itemsPerPage: "30")
        }
        let warning = "warning: Tasks: the server claimed 1000000000000 items but delivered 90;"

        var run = try tasks.run("""
            var n = 0
            var last = nil
            for t in octopus.Tasks {
                n += 1
                last = t.Name
            }
            print(n, last)
            """)
        XCTAssertEqual(run.output, ["90 Task 89"])
        XCTAssertTrue(run.warnings.contains(warning), run.warnings)
        XCTAssertLessThanOrEqual(run.pageRequests, 1 + Self.batch)

        run = try tasks.run("let all = octopus.Tasks.all\nprint(len(all), all.map { $0.Id }.unique().count, all[89].Id)")
        XCTAssertEqual(run.output, ["90 90 ServerTasks-89"])
        XCTAssertTrue(run.warnings.contains(warning), run.warnings)
        XCTAssertLessThanOrEqual(run.pageRequests, 1 + Self.batch)

        run = try tasks.run("print(octopus.Tasks.find(name: \"Task 89\").Id, octopus.Tasks.find(name: \"Task 90\"))")
        XCTAssertEqual(run.output, ["ServerTasks-89 nil"])
        XCTAssertLessThanOrEqual(run.pageRequests, 2 * (1 + Self.batch))

        // The claim itself is just a number: `count` and `len` pass it on without a walk.
        run = try tasks.run("print(octopus.Tasks.count, len(octopus.Tasks))")
        XCTAssertEqual(run.output, ["1000000000000 1000000000000"])
        XCTAssertEqual(run.pageRequests, 2)

        run = try tasks.run("print(octopus.Tasks.take(5).map { $0.Name }.join(\",\"), octopus.Tasks.first.Name)")
        XCTAssertEqual(run.output, ["Task 0,Task 1,Task 2,Task 3,Task 4 Task 0"])
        XCTAssertEqual(run.pageRequests, 2)
        XCTAssertEqual(run.warnings, "")

        // A limit beyond the data stops where the data does, too.
        run = try tasks.run("print(len(octopus.Tasks.take(1000000)))")
        XCTAssertEqual(run.output, ["90"])
        XCTAssertLessThanOrEqual(run.pageRequests, 1 + Self.batch)
    }

    func testAnEmptyFirstPageUnderAClaimEndsTheWalkAtOnce() throws {
        let tasks = try OctopusTasks(real: 0, perPage: 30) { served in
            TasksPage(ids: served, total: "1000000000000", itemsPerPage: "30")
        }
        let run = try tasks.run("print(len(octopus.Tasks.all))")
        XCTAssertEqual(run.output, ["0"])
        XCTAssertEqual(run.pageRequests, 1)
        XCTAssertTrue(run.warnings.contains("the server claimed 1000000000000 items but delivered 0"), run.warnings)
    }

    func testAPageSizeOfZeroOrLessIsTheServerNotSaying() throws {
        for size in ["0", "-5"] {
            // A server that pages at 30 whatever it is asked, and will not say so.
            let capped = try OctopusTasks(real: 90, perPage: 30) { served in
                TasksPage(ids: served, total: "90", itemsPerPage: size)
            }
            var run = try capped.run("let all = octopus.Tasks.all\nprint(len(all), all.map { $0.Id }.unique().count)")
            XCTAssertEqual(run.output, ["90 90"], size)
            XCTAssertEqual(run.pageRequests, 3, size)
            XCTAssertEqual(run.warnings, "", size)

            run = try capped.run("""
                let second = octopus.Tasks.next
                print(second.items[0].Name, len(second.items), octopus.Tasks.page(2).items[0].Name)
                """)
            XCTAssertEqual(run.output, ["Task 30 30 Task 30"], size)

            // One that gives what it is asked for, and says nothing either.
            let honest = try OctopusTasks(real: 90, perPage: 1000) { served in
                TasksPage(ids: served, total: "90", itemsPerPage: size)
            }
            run = try honest.run("var n = 0\nfor t in octopus.Tasks { n += 1 }\nprint(n)")
            XCTAssertEqual(run.output, ["90"], size)
            XCTAssertEqual(run.pageRequests, 2, size)
        }
    }

    func testANegativeTotalIsNoTotalSoTheNextLinksAreFollowed() throws {
        let tasks = try OctopusTasks(real: 90, perPage: 30) { served in
            TasksPage(ids: served, total: "-1", itemsPerPage: "30", next: served.upperBound < 90 ? served.upperBound : nil)
        }
        var run = try tasks.run("print(len(octopus.Tasks.all), octopus.Tasks.count, len(octopus.Tasks))")
        XCTAssertEqual(run.output, ["90 90 90"])
        XCTAssertEqual(run.pageRequests, 3 + (1 + 3) + (1 + 3))
        XCTAssertEqual(run.warnings, "")

        run = try tasks.run("print(octopus.Tasks.take(5).map { $0.Name }.join(\",\"), octopus.Tasks.next.items[0].Name)")
        XCTAssertEqual(run.output, ["Task 0,Task 1,Task 2,Task 3,Task 4 Task 30"])
    }

    func testTotalsThatAreNotCountsAreIgnored() throws {
        for total in ["1.0e12", "90.5", "\"90\"", "true", "1e400", String(Int.min)] {
            let tasks = try OctopusTasks(real: 90, perPage: 30) { served in
                TasksPage(ids: served, total: total, itemsPerPage: "30.5", next: served.upperBound < 90 ? served.upperBound : nil)
            }
            let run = try tasks.run("print(len(octopus.Tasks.all), octopus.Tasks.count)")
            XCTAssertEqual(run.output, ["90 90"], total)
            XCTAssertEqual(run.pageRequests, 3 + (1 + 3), total)
        }
    }

    func testATotalOfIntMaxNeitherOverflowsNorPlansForever() throws {
        let tasks = try OctopusTasks(real: 90, perPage: 30) { served in
            TasksPage(ids: served, total: String(Int.max), itemsPerPage: "30")
        }
        var run = try tasks.run("var n = 0\nfor t in octopus.Tasks { n += 1 }\nprint(n, octopus.Tasks.count)")
        XCTAssertEqual(run.output, ["90 \(Int.max)"])
        XCTAssertTrue(run.warnings.contains("the server claimed \(Int.max) items but delivered 90"), run.warnings)
        XCTAssertLessThanOrEqual(run.pageRequests, 1 + Self.batch + 1)

        // Offsets and limits at the end of Int: every sum saturates instead of trapping.
        let far = Int.max - 7
        run = try tasks.run("""
            let far = octopus.Tasks(skip: \(far))
            print(far.count, len(far.all), len(far.take(5)), far.next)
            print(len(octopus.Tasks.page(\(Int.max)).items), len(octopus.Tasks(take: \(Int.max)).all))
            print(len(octopus.Tasks.take(\(Int.max))))
            """)
        XCTAssertNil(run.error.map { DiagnosticRenderer.render($0) })
        XCTAssertEqual(run.output, ["7 0 0 nil", "0 90", "90"])
    }

    func testAPageThatLinksToItselfEndsTheWalk() throws {
        // Every page is the first, and says the next one is itself.
        let tasks = try OctopusTasks(real: 90, perPage: 30) { _ in
            TasksPage(ids: 0..<30, total: nil, itemsPerPage: "30", next: 0)
        }
        let run = try tasks.run("let all = octopus.Tasks.all\nprint(len(all), all[29].Name)")
        XCTAssertEqual(run.output, ["30 Task 29"])
        XCTAssertEqual(run.pageRequests, 2)
        XCTAssertTrue(run.warnings.hasPrefix("warning: Tasks: a next-page link led to nothing new;"), run.warnings)
    }

    func testNextLinksThatGoRoundInALoopEndTheWalk() throws {
        // Two pages, the second linking back to the first page the walk read.
        let back = try OctopusTasks(real: 100, perPage: 50) { served in
            TasksPage(ids: served, total: nil, itemsPerPage: "50", next: served.lowerBound == 0 ? 50 : 0, take: 50)
        }
        var run = try back.run("let all = octopus.Tasks.all\nprint(len(all), all.map { $0.Id }.unique().count)")
        XCTAssertEqual(run.output, ["100 100"])
        XCTAssertEqual(run.pageRequests, 2)
        XCTAssertTrue(run.warnings.hasPrefix("warning: Tasks: the next-page links went round in a loop;"), run.warnings)

        // Pages 3 → 4 → 5 → 3 … after two plain ones: found within a few turns, not followed forever.
        let round = try OctopusTasks(real: 180, perPage: 30) { served in
            TasksPage(ids: served, total: nil, itemsPerPage: "30", next: served.upperBound < 180 ? served.upperBound : 60)
        }
        run = try round.run("let all = octopus.Tasks.all\nprint(len(all) >= 180, all.map { $0.Id }.unique().count)")
        XCTAssertEqual(run.output, ["true 180"])
        XCTAssertLessThanOrEqual(run.pageRequests, 6 + 2 * 4)
        XCTAssertTrue(run.warnings.contains("the next-page links went round in a loop"), run.warnings)
    }

    func testAServerThatAnswersEveryOffsetWithTheSamePage() throws {
        let tasks = try OctopusTasks(real: 90, perPage: 30) { _ in
            TasksPage(ids: 0..<30, total: "90", itemsPerPage: "30")
        }
        var run = try tasks.run("let all = octopus.Tasks.all\nprint(len(all), all[29].Name)")
        XCTAssertEqual(run.output, ["30 Task 29"])
        XCTAssertEqual(run.pageRequests, 3)
        XCTAssertTrue(run.warnings.hasPrefix("warning: Tasks: the server claimed 90 items but delivered 30; 60 repeated items were dropped;"), run.warnings)

        let claiming = try OctopusTasks(real: 90, perPage: 30) { _ in
            TasksPage(ids: 0..<30, total: "1000000000000", itemsPerPage: "30")
        }
        run = try claiming.run("var n = 0\nfor t in octopus.Tasks { n += 1 }\nprint(n, octopus.Tasks.find(name: \"Task 31\"))")
        XCTAssertEqual(run.output, ["30 nil"])
        XCTAssertLessThanOrEqual(run.pageRequests, 2 * (1 + Self.batch))
        XCTAssertTrue(run.warnings.contains("the server claimed 1000000000000 items but delivered 30"), run.warnings)

        // Items without an identity cannot be told apart, but a page equal to the one before it can.
        let anonymous = try OctopusTasks(real: 90, perPage: 30) { _ in
            TasksPage(ids: 0..<30, total: "1000000000000", itemsPerPage: "30", identified: false)
        }
        run = try anonymous.run("print(len(octopus.Tasks.all))")
        XCTAssertEqual(run.output, ["30"])
        XCTAssertLessThanOrEqual(run.pageRequests, 1 + Self.batch)
    }

    // MARK: DeployHQ

    func testDeployHQClaimsOfATrillionPagesEndWhereThePagesRunDry() throws {
        let deployments = try DeployHQDeployments(real: 60, perPage: 20) { page, served in
            DeploymentsPage(ids: served, page: page, totalPages: "1000000000000", totalRecords: "20000000000000", perPage: "20")
        }
        var run = try deployments.run("""
            let all = deployhq.projects.get("web").deployments.all
            print(len(all), all.map { $0.identifier }.unique().count, all[59].identifier)
            """)
        XCTAssertEqual(run.output, ["60 60 d59"])
        XCTAssertLessThanOrEqual(run.pageRequests, 1 + Self.batch)
        XCTAssertTrue(run.warnings.contains("warning: deployments: the server claimed 20000000000000 items but delivered 60;"), run.warnings)

        run = try deployments.run("""
            let d = deployhq.projects.get("web").deployments
            var n = 0
            for x in d { n += 1 }
            print(n, d.count, d.take(5).map { $0.identifier }.join(","), d.find { $0.identifier == "d42" }.identifier)
            """)
        XCTAssertEqual(run.output, ["60 20000000000000 d0,d1,d2,d3,d4 d42"])
        XCTAssertLessThanOrEqual(run.pageRequests, 2 * (1 + Self.batch) + 2)

        let intMax = try DeployHQDeployments(real: 60, perPage: 20) { page, served in
            DeploymentsPage(ids: served, page: page, totalPages: String(Int.max), totalRecords: String(Int.max), perPage: "20")
        }
        run = try intMax.run("""
            let d = deployhq.projects.get("web").deployments
            print(len(d.all), len(d.page(\(Int.max)).items))
            print(len(d(page: \(Int.max), per_page: 10).all), len(d(page: -\(Int.max) - 1).items), len(d(per_page: 0).take(25)))
            """)
        XCTAssertNil(run.error.map { DiagnosticRenderer.render($0) })
        XCTAssertEqual(run.output, ["60 0", "0 10 25"])
    }

    func testDeployHQPageSizesOfZeroOrLessAreTheServerNotSaying() throws {
        for size in ["0", "-5"] {
            let deployments = try DeployHQDeployments(real: 60, perPage: 20) { page, served in
                DeploymentsPage(ids: served, page: page, totalPages: "3", totalRecords: "60", perPage: size)
            }
            let run = try deployments.run("""
                let d = deployhq.projects.get("web").deployments
                print(len(d.all), d.all.map { $0.identifier }.unique().count, d.count)
                """)
            XCTAssertEqual(run.output, ["60 60 60"], size)
            XCTAssertEqual(run.pageRequests, 3 + 3 + 1, size)
            XCTAssertEqual(run.warnings, "", size)
        }
        // A negative total is no total; without next links, the first page is all there is to read.
        let negative = try DeployHQDeployments(real: 60, perPage: 20) { page, served in
            DeploymentsPage(ids: served, page: page, totalPages: "-1", totalRecords: "-1", perPage: "20")
        }
        let run = try negative.run("let d = deployhq.projects.get(\"web\").deployments\nprint(len(d.all), d.count)")
        XCTAssertEqual(run.output, ["20 20"])
        XCTAssertEqual(run.pageRequests, 1 + (1 + 1))
    }
}

// MARK: Servers

/// What one script run printed and warned, and how many pages of the collection it asked for.
struct HostileRun {
    var output: [String]
    var error: Diagnostic?
    var warnings: String
    var pageRequests: Int
}

/// Runs `source` with `connect` defining the provider global, counting the requests to `path`.
private func runScript(_ source: String, server: LoopbackServer, path: String,
                       connect: (Providers) throws -> Void) throws -> HostileRun {
    var printed = ""
    var warnings = ""
    let interpreter = Interpreter(host: Host(standardOutput: { printed += $0 }, standardError: { warnings += $0 }))
    let providers = Providers(interpreter: interpreter)
    try connect(providers)
    let before = server.requests.filter { $0.path == path }.count
    var error: Diagnostic?
    do {
        try interpreter.run(source, file: "hostile.rove")
    } catch let diagnostic as Diagnostic {
        error = diagnostic
    }
    var lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    let requests = server.requests.filter { $0.path == path }.count - before
    return HostileRun(output: lines, error: error, warnings: warnings, pageRequests: requests)
}

/// The query of `request` as name → value.
private func query(of request: ReceivedRequest) -> [String: String] {
    guard let start = request.target.firstIndex(of: "?") else { return [:] }
    var pairs: [String: String] = [:]
    for pair in request.target[request.target.index(after: start)...].split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1)
        if parts.count == 2 { pairs[String(parts[0])] = String(parts[1]) }
    }
    return pairs
}

/// An Octopus page of tasks, its numbers written as raw JSON so a case can make them anything.
struct TasksPage {
    var ids: Range<Int>
    var total: String?
    var itemsPerPage: String?
    /// Where `Page.Next` starts, if there is one.
    var next: Int? = nil
    var take = 30
    var identified = true

    var json: String {
        let items = ids.map { identified ? #"{"Id": "ServerTasks-\#($0)", "Name": "Task \#($0)"}"# : #"{"Name": "Task \#($0)"}"# }
        var fields = [#""Items": [\#(items.joined(separator: ", "))]"#]
        if let total { fields.append(#""TotalResults": \#(total)"#) }
        if let itemsPerPage { fields.append(#""ItemsPerPage": \#(itemsPerPage)"#) }
        var links = [#""Self": "/api/tasks""#]
        if let next { links.append(#""Page.Next": "/api/tasks?skip=\#(next)&take=\#(take)""#) }
        fields.append(#""Links": {\#(links.joined(separator: ", "))}"#)
        return "{" + fields.joined(separator: ", ") + "}"
    }
}

/// An Octopus server with `real` tasks, serving at most `perPage` of them a request by `skip`
/// and `take`, in pages `page` dresses with whatever numbers a case claims.
struct OctopusTasks {
    let server: LoopbackServer

    init(real: Int, perPage: Int, page: @escaping @Sendable (Range<Int>) -> TasksPage) throws {
        let root = #"{"Application": "Octopus Deploy", "Version": "2020.5.0", "Links": {"Tasks": "/api/tasks{/id}{?skip,take}"}}"#
        server = try LoopbackServer(routes: [
            "/api": { _ in .respond(ServerReply(text: root)) },
            "/api/tasks": { request in
                let asked = query(of: request)
                let skip = min(max(0, Int(asked["skip"] ?? "") ?? 0), real)
                let take = max(0, Int(asked["take"] ?? "") ?? 30)
                let served = skip..<(skip + min(take, perPage, real - skip))
                return .respond(ServerReply(text: page(served).json))
            },
        ])
    }

    func run(_ source: String) throws -> HostileRun {
        try runScript(source, server: server, path: "/api/tasks") { providers in
            try providers.connectOctopus(url: server.baseURL, apiKey: "API-HOSTILE0PAGING0000000001", accessToken: nil, space: nil)
        }
    }
}

/// A DeployHQ `pagination` page of deployments, its numbers raw JSON.
struct DeploymentsPage {
    var ids: Range<Int>
    var page: Int
    var totalPages: String
    var totalRecords: String
    var perPage: String

    var json: String {
        let records = ids.map { #"{"identifier": "d\#($0)", "status": "completed"}"# }
        return #"{"records": [\#(records.joined(separator: ", "))], "pagination": {"current_page": \#(page), "# +
            #""total_pages": \#(totalPages), "total_records": \#(totalRecords), "per_page": \#(perPage), "offset": \#(ids.lowerBound)}}"#
    }
}

/// A DeployHQ account with one project, `web`, whose `real` deployments are served at most
/// `perPage` to a page by `page` and `per_page`.
struct DeployHQDeployments {
    let server: LoopbackServer

    init(real: Int, perPage: Int, page: @escaping @Sendable (Int, Range<Int>) -> DeploymentsPage) throws {
        let project = #"{"identifier": "p1", "name": "Web", "permalink": "web"}"#
        server = try LoopbackServer(routes: [
            "/projects/web": { _ in .respond(ServerReply(text: project)) },
            "/projects/web/deployments": { request in
                let asked = query(of: request)
                let size = min(max(1, Int(asked["per_page"] ?? "") ?? 10), perPage)
                let number = max(1, Int(asked["page"] ?? "") ?? 1)
                let (start, overflow) = (number - 1).multipliedReportingOverflow(by: size)
                let skip = overflow ? real : min(start, real)
                return .respond(ServerReply(text: page(number, skip..<min(skip + size, real)).json))
            },
        ])
    }

    func run(_ source: String) throws -> HostileRun {
        try runScript(source, server: server, path: "/projects/web/deployments") { providers in
            try providers.connectDeployHQ(url: server.baseURL, email: "ops@example.com", apiKey: "hostile-paging-key")
        }
    }
}
