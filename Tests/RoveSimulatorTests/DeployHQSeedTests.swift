// `--deployhq-deployments N`: older deployments of Web, paged, chained, and the seeded ones untouched.

@testable import RoveSimulator
import XCTest

final class DeployHQSeedTests: XCTestCase {
    func testTheFlagSetsTheCount() throws {
        XCTAssertEqual(try SimCommandLine(parsing: ["--deployhq-deployments", "440"]).settings.extraDeployments, 440)
        XCTAssertEqual(try SimCommandLine(parsing: []).settings.extraDeployments, 0)
        XCTAssertThrowsError(try SimCommandLine(parsing: ["--deployhq-deployments=-1"]))
    }

    func testExtraDeploymentsMakeFiftyPages() {
        let harness = DeployHQHarness(extraDeployments: 440)
        let first = harness.get("/projects/web/deployments")
        XCTAssertEqual(first["pagination"]?["total_records"], 500)
        XCTAssertEqual(first["pagination"]?["total_pages"], 50)
        XCTAssertEqual(harness.get("/projects/web/deployments?per_page=100")["pagination"]?["total_pages"], 5)
        XCTAssertEqual(harness.get("/projects/web/deployments?page=50")["records"]?.arrayValue?.count, 10)
        XCTAssertEqual(harness.get("/projects/web/deployments?page=51")["records"]?.arrayValue?.count, 0)
        // Only Web grows.
        XCTAssertEqual(harness.get("/projects/api/deployments")["pagination"]?["total_records"], 6)
    }

    func testTheSeededHistoryIsUnchangedAndTheSeedDecides() {
        func identifiers(_ harness: DeployHQHarness) -> [String] {
            harness.get("/projects/web/deployments?per_page=60")["records"]?.arrayValue?
                .compactMap { $0["identifier"]?.stringValue } ?? []
        }
        let plain = identifiers(DeployHQHarness())
        XCTAssertEqual(plain.count, 60)
        XCTAssertEqual(identifiers(DeployHQHarness(extraDeployments: 100)), plain)
        let older = { (harness: DeployHQHarness) in harness.get("/projects/web/deployments?page=2&per_page=60") }
        XCTAssertEqual(older(DeployHQHarness(extraDeployments: 100)), older(DeployHQHarness(extraDeployments: 100)))
        XCTAssertNotEqual(older(DeployHQHarness(extraDeployments: 100)), older(DeployHQHarness(seed: 2, extraDeployments: 100)))
    }

    func testEveryDeploymentStartsWhereItsTargetsLastCompletedOneEnded() {
        let harness = DeployHQHarness(extraDeployments: 300)
        let records = harness.get("/projects/web/deployments?per_page=1000")["records"]?.arrayValue ?? []
        XCTAssertEqual(records.count, 360)
        var last: [String: String] = [:]
        var previousQueued = ""
        var failures = 0
        for record in records.reversed() {
            let target = record["servers"]?.arrayValue?.first?["identifier"]?.stringValue ?? "none"
            let start = record["start_revision"]?["ref"]?.stringValue
            let end = record["end_revision"]?["ref"]?.stringValue
            XCTAssertNotNil(record["end_revision"]?["timestamp"], "every end revision is a known commit")
            if let expected = last[target] { XCTAssertEqual(start, expected, "chain on \(target)") }
            if record["status"] == "completed" { last[target] = end } else { failures += 1 }
            let queued = record["timestamps"]?["queued_at"]?.stringValue ?? ""
            XCTAssertGreaterThan(queued, previousQueued)
            previousQueued = queued
        }
        XCTAssertEqual(last.count, 2)
        XCTAssertGreaterThan(failures, 0)
    }
}
