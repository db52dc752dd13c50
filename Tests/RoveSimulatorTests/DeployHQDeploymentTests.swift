// Deployments on the fake clock: lifecycle, logs, the failure rule, previews, abort, retry, rollback, chaining.

import XCTest
@testable import RoveSimulator

final class DeployHQDeploymentTests: XCTestCase {
    let harness = DeployHQHarness(taskSeconds: 10)

    /// Queues a deployment of the branch tip to `server`, starting from its `last_revision`.
    func deploy(_ server: String, project: String = "web", mode: String = "queue", status: Int = 201) -> JSONValue {
        let id = harness.identifier(of: server, project: project)
        let last = harness.get("/projects/\(project)/servers/\(id)")["last_revision"]?.stringValue ?? ""
        return harness.json("POST", "/projects/\(project)/deployments", body: """
            {"deployment": {"parent_identifier": "\(id)", "start_revision": "\(last)", "end_revision": "__CURRENT__",
             "branch": "main", "mode": "\(mode)"}}
            """, status: status)
    }

    func show(_ id: String, project: String = "web") -> JSONValue { harness.get("/projects/\(project)/deployments/\(id)") }

    func steps(_ deployment: JSONValue) -> [String] {
        deployment["steps"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? []
    }

    func testADeploymentMovesPendingRunningCompleted() {
        let created = deploy("Production")
        let id = created["identifier"]?.stringValue ?? ""
        XCTAssertEqual(created["status"], "pending")
        XCTAssertEqual(created["steps"]?.arrayValue?.compactMap { $0["step"]?.stringValue },
                       ["checking_access", "updating_repository", "build", "transfer", "finishing"])
        harness.clock.advance(3)
        let running = show(id)
        XCTAssertEqual(running["status"], "running")
        XCTAssertEqual(steps(running).first, "completed")
        XCTAssertEqual(steps(running).last, "pending")
        harness.clock.advance(8)
        let done = show(id)
        XCTAssertEqual(done["status"], "completed")
        XCTAssertEqual(steps(done), Array(repeating: "completed", count: 5))
        XCTAssertEqual(done["timestamps"]?["duration"], 10)
        // The server's last_revision moved to the deployed tip.
        let server = harness.identifier(of: "Production")
        let tip = harness.get("/projects/web/repository/latest_revision")["ref"]
        XCTAssertEqual(harness.get("/projects/web/servers/\(server)")["last_revision"], tip)
        XCTAssertEqual(harness.get("/projects/web/deployments")["records"]?.arrayValue?.first?["identifier"], .string(id))
    }

    func testStepLogsGrowAndPageBackwards() {
        let id = deploy("Production")["identifier"]?.stringValue ?? ""
        harness.clock.advance(11)
        let transfer = harness.get("/projects/web/deployments/\(id)/steps/st-0004/logs").arrayValue ?? []
        XCTAssertEqual(transfer.count, DeploymentLog.pageSize)
        let oldest = transfer.first?["id"]?.intValue ?? 0
        let earlier = harness.get("/projects/web/deployments/\(id)/steps/transfer/logs?before=\(oldest)").arrayValue ?? []
        XCTAssertFalse(earlier.isEmpty)
        XCTAssertLessThan(earlier.last?["id"]?.intValue ?? .max, oldest)
        XCTAssertEqual(earlier.first?["message"]?.stringValue?.hasPrefix("Connecting to"), true)
        let first = harness.get("/projects/web/deployments/\(id)/steps/st-0001/logs").arrayValue ?? []
        XCTAssertEqual(first.first?["type"], "info")
        _ = harness.get("/projects/web/deployments/\(id)/steps/st-0099/logs", status: 404)
    }

    func testAFlakyServerFailsAtTransfer() {
        let id = deploy("Flaky Box", project: "flaky-service")["identifier"]?.stringValue ?? ""
        harness.clock.advance(11)
        let failed = show(id, project: "flaky-service")
        XCTAssertEqual(failed["status"], "failed")
        XCTAssertEqual(steps(failed), ["completed", "completed", "completed", "failed", "skipped"])
        let log = harness.get("/projects/flaky-service/deployments/\(id)/steps/st-0004/logs").arrayValue ?? []
        XCTAssertEqual(log.last?["type"], "error")
    }

    func testAPreviewEndsReadyAndStaysOutOfTheList() {
        let before = harness.get("/projects/web/deployments")["pagination"]?["total_records"]
        let preview = deploy("Staging", mode: "preview")
        XCTAssertEqual(preview["status"], "preview_pending")
        harness.clock.advance(11)
        XCTAssertEqual(show(preview["identifier"]?.stringValue ?? "")["status"], "preview_ready")
        XCTAssertEqual(harness.get("/projects/web/deployments")["pagination"]?["total_records"], before)
    }

    func testAbortCancelsAnUnfinishedDeployment() {
        let id = deploy("Production")["identifier"]?.stringValue ?? ""
        harness.clock.advance(3)
        XCTAssertEqual(harness.json("POST", "/projects/web/deployments/\(id)/abort")["status"], "cancelled")
        harness.clock.advance(20)
        XCTAssertEqual(show(id)["status"], "cancelled")
        XCTAssertEqual(harness.json("POST", "/projects/web/deployments/\(id)/abort")["status"], "cancelled")
    }

    func testRetryOnlyAfterTheEnd() {
        let id = deploy("Flaky Box", project: "flaky-service")["identifier"]?.stringValue ?? ""
        let early = harness.json("POST", "/projects/flaky-service/deployments/\(id)/retry", status: 422)
        XCTAssertNotNil(early["error"]?.stringValue)
        harness.clock.advance(11)
        let retried = harness.json("POST", "/projects/flaky-service/deployments/\(id)/retry")
        XCTAssertNotEqual(retried["identifier"], .string(id))
        XCTAssertEqual(retried["status"], "pending")
    }

    func testRollbackDeploysThePreviousRevision() {
        let created = deploy("Production")
        let id = created["identifier"]?.stringValue ?? ""
        let start = created["start_revision"]?["ref"]
        XCTAssertEqual(harness.json("POST", "/projects/web/deployments/\(id)/rollback", status: 422)["error"]?.stringValue?.isEmpty, false)
        harness.clock.advance(11)
        let rollback = harness.json("POST", "/projects/web/deployments/\(id)/rollback", body: #"{"mode": "queue"}"#)
        XCTAssertEqual(rollback["end_revision"]?["ref"], start)
        XCTAssertEqual(rollback["start_revision"]?["ref"], created["end_revision"]?["ref"])
        harness.clock.advance(11)
        let server = harness.identifier(of: "Production")
        XCTAssertEqual(harness.get("/projects/web/servers/\(server)")["last_revision"], start)
    }

    func testStartRevisionMustChainFromTheTarget() {
        let server = harness.identifier(of: "Production")
        let refused = harness.json("POST", "/projects/web/deployments", body: """
            {"deployment": {"parent_identifier": "\(server)", "start_revision": "0000000000000000000000000000000000000000",
             "end_revision": "__CURRENT__"}}
            """, status: 422)
        XCTAssertEqual(refused, .object([("parent", ["must exist"])]))
        let unknownParent = harness.json("POST", "/projects/web/deployments",
                                         body: #"{"deployment": {"parent_identifier": "nope", "end_revision": "__CURRENT__"}}"#,
                                         status: 422)
        XCTAssertEqual(unknownParent["parent"], ["must exist"])
        // An empty start deploys the whole branch and is always allowed.
        _ = harness.json("POST", "/projects/web/deployments", body: """
            {"deployment": {"parent_identifier": "\(server)", "start_revision": "", "end_revision": "__CURRENT__"}}
            """, status: 201)
    }

    func testAGroupDeploymentReachesEveryMember() {
        let group = harness.identifier(of: "Web Cluster", in: "server_groups")
        let last = harness.get("/projects/web/server_groups/\(group)")["last_revision"]?.stringValue ?? ""
        let created = harness.json("POST", "/projects/web/deployments", body: """
            {"deployment": {"parent_identifier": "\(group)", "start_revision": "\(last)", "end_revision": "__CURRENT__"}}
            """, status: 201)
        XCTAssertEqual(created["servers"]?.arrayValue?.count, 2)
    }
}
