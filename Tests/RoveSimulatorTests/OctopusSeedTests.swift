// The demo data is a function of the seed: same seed, same bytes; another seed, other data.

import XCTest
@testable import RoveSimulator

final class OctopusSeedTests: XCTestCase {
    let paths = ["/api", "/api/Spaces-1/projects/all", "/api/tasks?take=100", "/api/Spaces-1/machines/all",
                 "/api/Spaces-1/variables/variableset-Projects-1", "/api/Spaces-1/releases?take=200", "/api/tasks/ServerTasks-5/raw"]

    func answers(_ harness: OctopusHarness) -> [[UInt8]] {
        paths.map { harness.send("GET", $0).body }
    }

    func testSameSeedGivesTheSameBytes() {
        XCTAssertEqual(answers(OctopusHarness(seed: 7)), answers(OctopusHarness(seed: 7)))
    }

    func testAnotherSeedGivesOtherData() {
        XCTAssertNotEqual(answers(OctopusHarness(seed: 7)), answers(OctopusHarness(seed: 8)))
    }

    func testTheDemoNamesAreThere() {
        let harness = OctopusHarness()
        let projects = harness.get("/api/Spaces-1/projects/all").arrayValue?.compactMap { $0["Name"]?.stringValue } ?? []
        for name in ["Web", "Web API", "Payments", "Billing Service", "Flaky Service"] { XCTAssertTrue(projects.contains(name), name) }
        XCTAssertEqual(projects.count, 12)
        let roles = Set(harness.get("/api/Spaces-1/machines/all").arrayValue?.flatMap { $0["Roles"]?.stringArray ?? [] } ?? [])
        XCTAssertEqual(roles, ["web-server", "db", "worker"])
        let lifecycle = harness.get("/api/Spaces-1/lifecycles/all").arrayValue?.first
        XCTAssertEqual(lifecycle?["Phases"]?.arrayValue?.count, 4)
        XCTAssertFalse(harness.get("/api/Spaces-1/tenants/all").arrayValue?.isEmpty ?? true)
        XCTAssertFalse(harness.get("/api/Spaces-1/runbookSnapshots")["Items"]?.arrayValue?.isEmpty ?? true)
    }
}
