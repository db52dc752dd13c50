// Auth, addressing, statuses, wrapped bodies, the error shapes, paging, bare arrays and the seed.

import XCTest
@testable import RoveSimulator

final class DeployHQRoutingTests: XCTestCase {
    let harness = DeployHQHarness()

    func testMissingOrWrongCredentialsAre401() throws {
        for authorization in [nil, DeployHQHarness.basic("demo@example.com", "wrong"), DeployHQHarness.basic("x@y.z", harness.settings.deployhqAPIKey),
                              "Basic !!!", "Bearer \(harness.settings.deployhqAPIKey)"] {
            let response = harness.send("GET", "/projects", authorization: authorization, authenticated: false)
            XCTAssertEqual(response.status, 401, authorization ?? "none")
            let body = try JSONValue.parse(response.body)
            XCTAssertEqual(body["status"], 401)
            XCTAssertNotNil(body["error"]?.stringValue)
        }
        // Unknown routes need credentials too, so probing reveals nothing.
        XCTAssertEqual(harness.send("GET", "/nothing", authenticated: false).status, 401)
    }

    func testProjectsByPermalinkOrIdentifier() {
        let web = harness.get("/projects/web")
        XCTAssertEqual(web["name"], "Web")
        let identifier = web["identifier"]?.stringValue ?? ""
        XCTAssertEqual(identifier.count, 36)
        XCTAssertEqual(harness.get("/projects/\(identifier)")["permalink"], "web")
        XCTAssertEqual(harness.get("/projects/\(identifier)/servers").arrayValue?.count, 6)
        XCTAssertNotNil(web["capabilities"]?.arrayValue)
    }

    func testListsOtherThanDeploymentsAreBareArrays() {
        let names = harness.get("/projects").arrayValue?.compactMap { $0["name"]?.stringValue }
        XCTAssertEqual(names, ["API", "Docs", "Flaky Service", "Marketing Site", "Web"])
        for path in ["/projects/web/servers", "/projects/web/server_groups", "/projects/web/config_files",
                     "/projects/web/environment_variables", "/global_servers", "/zones", "/templates"] {
            XCTAssertNotNil(harness.get(path).arrayValue, path)
        }
        let group = harness.get("/projects/web/server_groups").arrayValue?.first
        XCTAssertEqual(group?["name"], "Web Cluster")
        XCTAssertEqual(group?["servers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["Web Node 1", "Web Node 2"])
    }

    func testDeploymentPagingMath() {
        let first = harness.get("/projects/web/deployments")
        XCTAssertEqual(first["pagination"]?["current_page"], 1)
        XCTAssertEqual(first["pagination"]?["total_records"], 60)
        XCTAssertEqual(first["pagination"]?["total_pages"], 6)
        XCTAssertEqual(first["pagination"]?["offset"], 0)
        XCTAssertEqual(first["records"]?.arrayValue?.count, 10)
        let third = harness.get("/projects/web/deployments?page=3&per_page=25")
        XCTAssertEqual(third["pagination"]?["total_pages"], 3)
        XCTAssertEqual(third["pagination"]?["offset"], 50)
        XCTAssertEqual(third["records"]?.arrayValue?.count, 10)
        XCTAssertEqual(harness.get("/projects/web/deployments?page=9")["records"]?.arrayValue?.count, 0)
        // Newest first.
        let queued = first["records"]?.arrayValue?.compactMap { $0["timestamps"]?["queued_at"]?.stringValue } ?? []
        XCTAssertEqual(queued, queued.sorted(by: >))
    }

    func testCreateStatusesAndWrappedBodies() {
        let server = harness.json("POST", "/projects/web/servers",
                                  body: #"{"server": {"name": "Edge", "protocol_type": "ssh", "hostname": "edge.test", "bogus": 1}}"#)
        XCTAssertEqual(server["name"], "Edge")
        XCTAssertEqual(server["hostname"], "edge.test")
        XCTAssertNil(server["bogus"])
        let variable = harness.json("POST", "/projects/web/environment_variables",
                                    body: #"{"environment_variable": {"name": "TOKEN", "value": "abcdefgh"}}"#, status: 201)
        XCTAssertEqual(variable["masked_value"], "abcd****")
        XCTAssertNil(variable["value"])
        let id = variable["identifier"]?.intValue ?? 0
        XCTAssertGreaterThan(id, 0)
        let locked = harness.json("PATCH", "/projects/web/environment_variables/\(id)",
                                  body: #"{"environment_variable": {"locked": true}}"#)
        XCTAssertEqual(locked["masked_value"], "********")
        let unlock = harness.json("PUT", "/projects/web/environment_variables/\(id)",
                                  body: #"{"environment_variable": {"locked": false}}"#)
        XCTAssertEqual(unlock["locked"], true)
        XCTAssertEqual(harness.send("DELETE", "/projects/web/environment_variables/\(id)").status, 204)
        let edge = server["identifier"]?.stringValue ?? ""
        XCTAssertEqual(harness.json("DELETE", "/projects/web/servers/\(edge)")["status"], "deleted")
        _ = harness.json("POST", "/global_config_files", body: #"{"config_file": {"path": "a", "body": "b"}}"#, status: 201)
    }

    func testValidationErrorsAreFieldKeyed() {
        let blank = harness.json("POST", "/projects/web/servers", body: #"{"server": {"protocol_type": "ssh"}}"#, status: 422)
        XCTAssertEqual(blank, .object([("name", ["can't be blank"])]))
        let unwrapped = harness.json("POST", "/projects", body: #"{"name": "X"}"#, status: 422)
        XCTAssertEqual(unwrapped["name"], ["can't be blank"])
        let timing = harness.json("POST", "/projects/web/ssh_commands",
                                  body: #"{"command": {"command": "ls", "timing": "before"}}"#, status: 422)
        XCTAssertEqual(timing["timing"], ["is not included in the list"])
        let variable = harness.json("POST", "/projects/web/environment_variables",
                                    body: #"{"environment_variable": {"name": "1BAD"}}"#, status: 422)
        XCTAssertEqual(variable["errors"]?.arrayValue?.count, 2)
    }

    func testBaseErrorWhenDeletingAProjectWithARunningDeployment() {
        let group = harness.identifier(of: "API Pool", in: "server_groups", project: "api")
        _ = harness.json("POST", "/projects/api/deployments",
                         body: #"{"deployment": {"parent_identifier": "\#(group)", "start_revision": "", "end_revision": "__CURRENT__"}}"#,
                         status: 201)
        let refused = harness.json("DELETE", "/projects/api", status: 422)
        XCTAssertNotNil(refused["base"]?.arrayValue?.first)
        harness.clock.advance(20)
        _ = harness.json("DELETE", "/projects/api")
        _ = harness.get("/projects/api", status: 404)
    }

    func testErrorCodes() throws {
        let malformed = harness.json("POST", "/projects/web/servers", body: #"{"server": "#, status: 400)
        XCTAssertEqual(malformed["error_code"], "invalid_json")
        XCTAssertNotNil(malformed["hint"]?.stringValue)
        let missing = harness.get("/projects/nope", status: 404)
        XCTAssertEqual(missing["error_code"], "record_not_found")
        XCTAssertEqual(harness.get("/projects/web/servers/nope", status: 404)["error_code"], "record_not_found")
        let unknown = harness.get("/projects/web/widgets", status: 404)
        XCTAssertEqual(unknown["error_code"], "invalid_api_method")
        XCTAssertNotNil(unknown["hint"]?.stringValue)
        XCTAssertEqual(harness.json("DELETE", "/zones", status: 405)["error_code"], "invalid_api_method")
        let fault = harness.service.faultResponse(status: 503)
        XCTAssertEqual(fault.status, 503)
        XCTAssertEqual(try JSONValue.parse(fault.body)["status"], 503)
    }

    func testTheOffSpecActivityFeedAndTemplateShow() {
        let events = harness.get("/activity").arrayValue ?? []
        XCTAssertEqual(events.count, 50)
        XCTAssertEqual(events.first?["event"]?.stringValue?.hasPrefix("deploy_"), true)
        XCTAssertNotNil(harness.get("/activity?include=stats")["stats"]?["success_rate"])
        let template = harness.get("/templates").arrayValue?.first?["identifier"]?.stringValue ?? ""
        XCTAssertEqual(harness.get("/templates/\(template)")["name"], "Node App")
    }

    func testBadgesAndSignupNeedNoCredentials() {
        XCTAssertEqual(harness.send("GET", "/web/status_badge.svg", authenticated: false).status, 200)
        XCTAssertEqual(harness.send("POST", "/api/v1/signup", body: #"{"email": "a@b.c", "company_name": "A"}"#,
                                    authenticated: false).status, 201)
    }

    func testTheSeedIsDeterministic() {
        let again = DeployHQHarness()
        for path in ["/projects", "/projects/web/servers", "/projects/web/deployments?page=2", "/projects/web/repository/branches"] {
            XCTAssertEqual(harness.send("GET", path).body, again.send("GET", path).body, path)
        }
        let other = DeployHQHarness(seed: 2)
        XCTAssertNotEqual(harness.send("GET", "/projects").body, other.send("GET", "/projects").body)
        XCTAssertEqual(other.get("/projects").arrayValue?.count, 5)
    }
}
