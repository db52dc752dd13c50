// Where projects live and where deployments may go: zones by id, and disabled servers refused.

import XCTest
@testable import RoveSimulator

final class DeployHQTargetRuleTests: XCTestCase {
    let harness = DeployHQHarness(taskSeconds: 10)

    func testAProjectIsCreatedInTheZoneItsZoneIdNames() {
        let zones = harness.get("/zones").arrayValue ?? []
        XCTAssertEqual(zones.compactMap { $0["description"]?.stringValue }, ["UK (London)", "US East (Virginia)", "Europe (Frankfurt)"])
        let virginia = zones[1]["identifier"]?.stringValue ?? ""
        let project = harness.json("POST", "/projects", body: #"{"project": {"name": "Edge", "zone_id": "\#(virginia)"}}"#)
        XCTAssertEqual(project["zone"], "us-east")
        XCTAssertEqual(harness.get("/projects/edge")["zone"], "us-east")
        XCTAssertEqual(harness.json("POST", "/projects", body: #"{"project": {"name": "Plain"}}"#)["zone"], "uk")
        XCTAssertEqual(harness.json("POST", "/projects", body: #"{"project": {"name": "Coded", "zone_id": "EUROPE"}}"#)["zone"], "europe")
        let moved = harness.json("PUT", "/projects/edge", body: #"{"project": {"zone_id": "\#(zones[0]["identifier"]?.stringValue ?? "")"}}"#)
        XCTAssertEqual(moved["zone"], "uk")
    }

    func testAnUnknownZoneIs422AndCreatesNothing() {
        XCTAssertEqual(harness.json("POST", "/projects", body: #"{"project": {"name": "Lost", "zone_id": "mars"}}"#, status: 422),
                       .object([("zone", ["must exist"])]))
        XCTAssertEqual(harness.get("/projects/lost", status: 404)["error_code"], "record_not_found")
        XCTAssertEqual(harness.json("PATCH", "/projects/web", body: #"{"project": {"zone_id": "mars"}}"#, status: 422)["zone"], ["must exist"])
        XCTAssertEqual(harness.get("/projects/web")["zone"], "uk")
    }

    func testADeploymentToADisabledServerIsRefused() {
        let server = harness.identifier(of: "Production")
        _ = harness.json("PUT", "/projects/web/servers/\(server)", body: #"{"server": {"enabled": false}}"#)
        let body = #"{"deployment": {"parent_identifier": "\#(server)", "start_revision": "", "end_revision": "__CURRENT__"}}"#
        XCTAssertEqual(harness.json("POST", "/projects/web/deployments", body: body, status: 422), .object([("parent", ["is disabled"])]))
        let byName = #"{"deployment": {"server_identifier": "Production", "start_revision": "", "end_revision": "__CURRENT__"}}"#
        XCTAssertEqual(harness.json("POST", "/projects/web/deployments", body: byName, status: 422)["parent"], ["is disabled"])
        // Nothing was queued, and retrying an old deployment there is refused too.
        XCTAssertEqual(harness.get("/projects/web/deployments?to=\(server)&currently_running=1")["records"], [])
        let old = harness.get("/projects/web/deployments?to=\(server)")["records"]?.arrayValue?.first?["identifier"]?.stringValue ?? ""
        XCTAssertEqual(harness.json("POST", "/projects/web/deployments/\(old)/retry", status: 422)["parent"], ["is disabled"])
        _ = harness.json("PUT", "/projects/web/servers/\(server)", body: #"{"server": {"enabled": true}}"#)
        _ = harness.json("POST", "/projects/web/deployments", body: body, status: 201)
    }

    func testAGroupDeploysToItsEnabledServersOnly() {
        let node = harness.identifier(of: "Web Node 2")
        let group = harness.identifier(of: "Web Cluster", in: "server_groups")
        _ = harness.json("PATCH", "/projects/web/servers/\(node)", body: #"{"server": {"enabled": false}}"#)
        let body = #"{"deployment": {"parent_identifier": "\#(group)", "start_revision": "", "end_revision": "__CURRENT__"}}"#
        let created = harness.json("POST", "/projects/web/deployments", body: body, status: 201)
        XCTAssertEqual(created["servers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["Web Node 1"])
        _ = harness.json("PATCH", "/projects/web/servers/\(harness.identifier(of: "Web Node 1"))", body: #"{"server": {"enabled": false}}"#)
        XCTAssertEqual(harness.json("POST", "/projects/web/deployments", body: body, status: 422), .object([("parent", ["is disabled"])]))
    }
}
