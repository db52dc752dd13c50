// Paging math and links, filters, `name` matching like `partialName`, and the bare `/all` arrays.

import XCTest
@testable import RoveSimulator

final class OctopusCollectionTests: XCTestCase {
    let harness = OctopusHarness()

    var webId: String { harness.id(of: "Web", in: "projects") }

    func testDefaultPageIsThirtyWithNextOnlyWhenMoreRemain() {
        let first = harness.get("/api/Spaces-1/projects/\(webId)/releases")
        XCTAssertEqual(first["ItemType"], "Release")
        XCTAssertEqual(first["TotalResults"], 45)
        XCTAssertEqual(first["ItemsPerPage"], 30)
        XCTAssertEqual(first["NumberOfPages"], 2)
        XCTAssertEqual(first["LastPageNumber"], 1)
        XCTAssertEqual(first["Items"]?.arrayValue?.count, 30)
        XCTAssertEqual(first["Items"]?.arrayValue?.first?["Version"], "1.4.4", "newest first")
        let links = first["Links"]
        XCTAssertEqual(links?["Page.Next"], .string("/api/Spaces-1/projects/\(webId)/releases?skip=30&take=30"))
        XCTAssertEqual(links?["Page.All"], .string("/api/Spaces-1/projects/\(webId)/releases?skip=0&take=2147483647"))
        XCTAssertEqual(links?["Page.Last"], .string("/api/Spaces-1/projects/\(webId)/releases?skip=30&take=30"))
        XCTAssertNil(links?["Page.Previous"])
        XCTAssertNotNil(links?["Template"])
        let second = harness.get("/api/Spaces-1/projects/\(webId)/releases?skip=30")
        XCTAssertEqual(second["Items"]?.arrayValue?.count, 15)
        XCTAssertNil(second["Links"]?["Page.Next"])
        XCTAssertEqual(second["Links"]?["Page.Previous"], .string("/api/Spaces-1/projects/\(webId)/releases?skip=0&take=30"))
    }

    func testPageAllEchoesTheHugeTake() {
        let all = harness.get("/api/Spaces-1/projects/\(webId)/releases?take=2147483647")
        XCTAssertEqual(all["ItemsPerPage"], 2_147_483_647)
        XCTAssertEqual(all["NumberOfPages"], 1)
        XCTAssertEqual(all["LastPageNumber"], 0)
        XCTAssertEqual(all["Items"]?.arrayValue?.count, 45)
        XCTAssertNil(all["Links"]?["Page.Next"])
    }

    func testNonextFaultDropsPageNext() throws {
        let response = harness.send("GET", "/api/Spaces-1/projects/\(webId)/releases", omitsNextPageLink: true)
        XCTAssertNil(try JSONValue.parse(response.body)["Links"]?["Page.Next"])
    }

    func testFiltersRideAlongOnPageLinks() {
        let page = harness.get("/api/tasks?states=Success&take=10")
        XCTAssertEqual(page["Links"]?["Page.Next"]?.stringValue, "/api/tasks?skip=10&take=10&states=Success")
    }

    func testNameMatchesLikePartialNameAsRealServersDo() {
        let names = harness.get("/api/Spaces-1/projects?name=Web")["Items"]?.arrayValue?.compactMap { $0["Name"]?.stringValue }
        XCTAssertEqual(names, ["Web", "Web API", "Web Admin"])
        XCTAssertEqual(harness.get("/api/Spaces-1/projects?partialName=pay")["TotalResults"], 2)
    }

    func testIdsAndMachineFilters() {
        let production = harness.id(of: "Production", in: "environments")
        let machines = harness.get("/api/Spaces-1/machines?roles=web-server&environmentIds=\(production)")
        XCTAssertEqual(machines["ItemType"], "DeploymentTarget")
        XCTAssertEqual(machines["TotalResults"], 3)
        let ids = harness.get("/api/Spaces-1/environments/all").arrayValue!.prefix(2).compactMap { $0["Id"]?.stringValue }
        XCTAssertEqual(harness.get("/api/Spaces-1/environments?ids=\(ids.joined(separator: ","))")["TotalResults"], 2)
        let healthy = harness.get("/api/Spaces-1/machines?healthStatuses=Healthy&take=100")["Items"]?.arrayValue ?? []
        XCTAssertTrue(healthy.allSatisfy { $0["HealthStatus"] == "Healthy" })
        let environmentMachines = harness.get("/api/Spaces-1/environments/\(production)/machines")
        XCTAssertEqual(environmentMachines["TotalResults"], 5)
    }

    func testAllSiblingsAreBareArrays() {
        for collection in ["projects", "environments", "machines", "runbooks", "tenants", "lifecycles", "channels", "feeds",
                           "projectgroups", "accounts"] {
            let all = harness.get("/api/Spaces-1/\(collection)/all")
            XCTAssertNotNil(all.arrayValue, collection)
            XCTAssertFalse(all.arrayValue?.isEmpty ?? true, collection)
        }
        XCTAssertEqual(harness.get("/api/spaces/all").arrayValue?.count, 3)
        XCTAssertEqual(harness.get("/api/Spaces-1/environments/all").arrayValue?.map { $0["Name"]?.stringValue ?? "" },
                       ["Development", "Test", "Staging", "Production"])
    }

    func testTaskListHasSeveralPagesAndFilters() {
        let tasks = harness.get("/api/Spaces-1/tasks")
        XCTAssertGreaterThanOrEqual(tasks["TotalResults"]?.intValue ?? 0, 100, "several pages in the default space alone")
        XCTAssertEqual(tasks["Links"]?["Page.Next"], "/api/Spaces-1/tasks?skip=30&take=30")
        XCTAssertEqual(tasks["ItemType"], "Task")
        let failed = harness.get("/api/tasks?states=Failed&take=100")["Items"]?.arrayValue ?? []
        XCTAssertFalse(failed.isEmpty)
        XCTAssertTrue(failed.allSatisfy { $0["State"] == "Failed" && $0["IsCompleted"] == true && $0["FinishedSuccessfully"] == false })
        let health = harness.get("/api/Spaces-2/tasks?name=Health")
        XCTAssertTrue((health["Items"]?.arrayValue ?? []).allSatisfy { $0["Name"] == "Health" && $0["SpaceId"] == "Spaces-2" })
        let project = harness.get("/api/tasks?project=\(webId)&take=1000")["Items"]?.arrayValue ?? []
        XCTAssertTrue(project.allSatisfy { $0["Description"]?.stringValue?.hasPrefix("Deploy Web release") == true })
        let spaces = harness.get("/api/tasks?spaces=Spaces-2&take=1000")["Items"]?.arrayValue ?? []
        XCTAssertTrue(spaces.allSatisfy { $0["SpaceId"] == "Spaces-2" })
    }

    func testPackageVersionsOfTheBuiltInFeed() {
        let feed = harness.get("/api/Spaces-1/feeds/feeds-builtin")
        XCTAssertEqual(feed["FeedType"], "BuiltIn")
        XCTAssertNotNil(feed["Links"]?["SearchPackageVersionsTemplate"])
        let versions = harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Web&take=1")
        XCTAssertEqual(versions["TotalResults"], 45)
        XCTAssertEqual(versions["Items"]?.arrayValue?.first?["Version"], "1.4.4")
    }

    func testExtraTasksScaleToAHundredThousand() {
        let started = Date()
        let big = OctopusHarness(extraTasks: 100_000)
        let first = big.get("/api/tasks")
        XCTAssertGreaterThanOrEqual(first["TotalResults"]?.intValue ?? 0, 100_100)
        XCTAssertEqual(first["Items"]?.arrayValue?.count, 30)
        let total = first["TotalResults"]?.intValue ?? 0
        let last = big.get("/api/tasks?skip=\(total - 10)&take=30")
        XCTAssertEqual(last["Items"]?.arrayValue?.count, 10)
        XCTAssertEqual(last["Items"]?.arrayValue?.last?["Id"], "ServerTasks-1", "oldest last")
        XCTAssertNil(last["Links"]?["Page.Next"])
        XCTAssertNotNil(last["Links"]?["Page.Previous"])
        // Generous on purpose: this guards against quadratic work, not a benchmark.
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }
}
