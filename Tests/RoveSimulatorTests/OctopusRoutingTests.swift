// Root documents, the three route forms, percent-decoded segments, auth, and error bodies.

import XCTest
@testable import RoveSimulator

final class OctopusRoutingTests: XCTestCase {
    let harness = OctopusHarness()

    func testRootDocumentHasTheRealFieldsAndLinks() {
        let root = harness.get("/api")
        XCTAssertEqual(root["Application"], "Octopus Deploy")
        XCTAssertEqual(root["ApiVersion"], "3.0.0")
        XCTAssertEqual(root["Version"], "2023.1.9626")
        XCTAssertEqual(root["HasLongTermSupport"], true)
        XCTAssertNotNil(root["InstallationId"]?.stringValue)
        let links = root["Links"]
        XCTAssertEqual(links?["Self"], "/api")
        XCTAssertEqual(links?["Authenticate_Octopus ID"], "/users/authenticate/OctopusID{?returnUrl}")
        XCTAssertEqual(links?["Projects"], "/api/Spaces-1/projects{/id}{?name,skip,ids,clone,take,partialName,clonedFromProjectId}")
        XCTAssertEqual(links?["Feeds"]?.stringValue?.hasPrefix("/api/feeds{/id}"), true, "Feeds stays legacy at the root")
        XCTAssertEqual(links?["Tasks"]?.stringValue?.hasPrefix("/api/tasks{/id}{?skip,"), true)
        for key in ["CurrentUser", "Spaces", "SpaceHome", "Environments", "Releases", "Deployments", "Machines", "Tenants",
                    "Lifecycles", "Channels", "ProjectGroups", "Accounts", "Variables", "Runbooks", "RunbookRuns",
                    "RunbookSnapshots", "Interruptions", "DeploymentProcesses", "Reporting/DeploymentsCountedByWeek", "Web"] {
            XCTAssertNotNil(links?[key], key)
        }
    }

    func testRootNeedsNoKeyButEverythingElseDoes() {
        XCTAssertEqual(harness.send("GET", "/api", authenticated: false).status, 200)
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1", authenticated: false).status, 401)
    }

    func testSpaceRootsCarryTheirOwnScopedLinks() {
        let space = harness.get("/api/Spaces-2")
        XCTAssertEqual(space["Links"]?["Self"], "/api/Spaces-2")
        XCTAssertEqual(space["Links"]?["Projects"]?.stringValue?.hasPrefix("/api/Spaces-2/projects{/id}"), true)
        XCTAssertEqual(harness.get("/api/spaces/Spaces-2/projects")["TotalResults"], 3)
        XCTAssertEqual(harness.get("/api/Spaces-99", status: 404)["ErrorMessage"]?.stringValue?.hasPrefix("Resource is not found"), true)
    }

    func testThreeRouteFormsGiveTheSameAnswer() {
        let legacy = harness.send("GET", "/api/projects?take=5").body
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/projects?take=5").body, legacy)
        XCTAssertEqual(harness.send("GET", "/api/spaces/Spaces-1/projects?take=5").body, legacy)
        XCTAssertEqual(harness.send("GET", "/api/spaces/Default/projects?take=5").body, legacy)
        XCTAssertEqual(harness.send("GET", "/api/spaces/default/projects?take=5").body, legacy)
    }

    func testProjectsAreFoundByIdOrSlug() {
        let web = harness.get("/api/Spaces-1/projects/web")
        XCTAssertEqual(web["Name"], "Web")
        XCTAssertEqual(harness.get("/api/Spaces-1/projects/\(web["Id"]!.stringValue!)")["Slug"], "web")
        XCTAssertEqual(web["Links"]?["Releases"]?.stringValue?.hasSuffix("/releases{/version}{?skip,take,searchByVersion}"), true)
        XCTAssertEqual(web["Links"]?["Web"]?.stringValue?.hasPrefix("/app#/Spaces-1/projects/"), true)
    }

    func testPathSegmentsArePercentDecodedAfterSplitting() {
        let projectId = harness.id(of: "Web", in: "projects")
        let release = harness.get("/api/Spaces-1/projects/\(projectId)/releases/1.4.4")
        XCTAssertEqual(release["Version"], "1.4.4")
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/projects/\(projectId)/releases/refs%2Fheads%2Fmain").status, 404)
        XCTAssertEqual(harness.get("/api/spaces/Platform%20Team")["Id"], "Spaces-2")
    }

    func testQueryNamesMatchCaseInsensitively() {
        XCTAssertEqual(harness.get("/api/Spaces-1/projects?Take=2&SKIP=1")["ItemsPerPage"], 2)
        XCTAssertEqual(harness.get("/api/Spaces-1/projects?PartialName=web")["TotalResults"], 3)
    }

    func testUnknownRoutesAre404WithTheSpaceContextMessage() {
        for path in ["/api/nothing-here", "/api/Spaces-1/projects/Projects-9999", "/elsewhere", "/api/Spaces-2/tasks/ServerTasks-1"] {
            let response = harness.send("GET", path)
            XCTAssertEqual(response.status, 404, path)
            let body = try? JSONValue.parse(response.body)
            XCTAssertEqual(body?["ErrorMessage"]?.stringValue, "Resource is not found or it doesn't exist in the current space context. Please contact your administrator for more information.")
            XCTAssertEqual(body?["Errors"], [])
        }
    }

    func testAWrongMethodIs405() {
        XCTAssertEqual(harness.send("PATCH", "/api/Spaces-1/projects").status, 405)
    }

    func testAuthAcceptsHeaderQueryAndBearer() {
        XCTAssertEqual(harness.send("GET", "/api/users/me", authenticated: false,
                                    headers: [(name: "x-octopus-apikey", value: harness.key)]).status, 200)
        XCTAssertEqual(harness.send("GET", "/api/users/me?apikey=\(harness.key)", authenticated: false).status, 200)
        XCTAssertEqual(harness.send("GET", "/api/users/me", authenticated: false,
                                    headers: [(name: "authorization", value: "Bearer \(harness.key)")]).status, 200)
    }

    func testMissingWrongAndMalformedKeysAre401() throws {
        let missing = harness.send("GET", "/api/users/me", authenticated: false)
        XCTAssertEqual(missing.status, 401)
        XCTAssertEqual(try JSONValue.parse(missing.body)["ErrorMessage"]?.stringValue?.hasPrefix("You must be logged in"), true)
        for key in ["API-WRONGKEY0000000000000000000", "not-a-key", "API-lowercase"] {
            let wrong = harness.send("GET", "/api/users/me", authenticated: false, headers: [(name: "x-octopus-apikey", value: key)])
            XCTAssertEqual(wrong.status, 401, key)
            XCTAssertEqual(try JSONValue.parse(wrong.body)["ErrorMessage"]?.stringValue?.hasPrefix("Either your API key is invalid"), true)
        }
    }

    func testUsersMeLinksToABareArrayOfSpaces() {
        let me = harness.get("/api/users/me")
        XCTAssertEqual(me["Links"]?["Spaces"], "/api/users/Users-1/spaces")
        let spaces = harness.get("/api/users/Users-1/spaces").arrayValue ?? []
        XCTAssertEqual(spaces.map { $0["Name"]?.stringValue ?? "" }, ["Default", "Platform Team", "Sandbox"])
        XCTAssertEqual(spaces.first?["IsDefault"], true)
    }

    func testFaultResponsesUseTheOctopusErrorShape() throws {
        let fault = harness.service.faultResponse(status: 503)
        XCTAssertEqual(fault.status, 503)
        XCTAssertNotNil(try JSONValue.parse(fault.body)["ErrorMessage"]?.stringValue)
    }
}

final class OctopusReadOnlyKeyTests: XCTestCase {
    func testTheReadOnlyKeyReadsButCannotWrite() throws {
        let harness = OctopusHarness()
        let header = [(name: "x-octopus-apikey", value: OctopusAuth.readOnlyKey)]
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/projects", authenticated: false, headers: header).status, 200)
        let write = harness.send("POST", "/api/Spaces-1/environments", body: #"{"Name":"X"}"#, authenticated: false, headers: header)
        XCTAssertEqual(write.status, 403)
        XCTAssertEqual(try JSONValue.parse(write.body)["ErrorMessage"]?.stringValue?.hasPrefix("You do not have permission"), true)
    }

    func testSearchByVersionFiltersEveryReleaseList() {
        let harness = OctopusHarness()
        let web = harness.id(of: "Web", in: "projects")
        XCTAssertEqual(harness.get("/api/Spaces-1/projects/\(web)/releases?searchByVersion=1.4.")["TotalResults"], 5)
    }
}
