// Creates, updates and deletes: status codes, validation bodies, conflicts, variable versions.

import XCTest
@testable import RoveSimulator

final class OctopusWriteTests: XCTestCase {
    let harness = OctopusHarness()

    func testCreatingAProjectAnswers201WithItsOwnLinks() {
        let lifecycle = harness.id(of: "Default Lifecycle", in: "lifecycles")
        let group = harness.id(of: "Customer Facing", in: "projectgroups")
        let project = harness.json("POST", "/api/Spaces-1/projects",
                                   body: #"{"Name":"Checkout","LifecycleId":"\#(lifecycle)","ProjectGroupId":"\#(group)"}"#, status: 201)
        XCTAssertEqual(project["Slug"], "checkout")
        let id = project["Id"]?.stringValue ?? ""
        XCTAssertEqual(project["Links"]?["Self"], .string("/api/Spaces-1/projects/\(id)"))
        XCTAssertEqual(harness.get("/api/Spaces-1/projects/\(id)/channels")["TotalResults"], 1)
        XCTAssertEqual(harness.get("/api/Spaces-1/projects/\(id)/variables")["OwnerId"], .string(id))
    }

    func testMissingReferencesAre400WithErrors() {
        let body = harness.json("POST", "/api/Spaces-1/projects", body: #"{"Name":"Nope"}"#, status: 400)
        XCTAssertEqual(body["ErrorMessage"], "There was a problem with your request.")
        XCTAssertEqual(body["Errors"]?.arrayValue?.count, 2)
        let release = harness.json("POST", "/api/Spaces-1/releases", body: #"{"Version":"9.9.9"}"#, status: 400)
        XCTAssertEqual(release["Errors"]?.stringArray, ["Please provide a value for ProjectId."])
    }

    func testDuplicateNamesConflictAndDuplicateVersionsAre400() {
        let duplicate = harness.json("POST", "/api/Spaces-1/environments", body: #"{"Name":"production"}"#, status: 409)
        XCTAssertEqual(duplicate["Errors"]?.stringArray.first?.contains("already exists"), true)
        let web = harness.id(of: "Web", in: "projects")
        let again = harness.json("POST", "/api/Spaces-1/releases", body: #"{"ProjectId":"\#(web)","Version":"1.4.4"}"#, status: 400)
        XCTAssertEqual(again["Errors"]?.stringArray.first?.contains("already exists"), true)
        let created = harness.json("POST", "/api/Spaces-1/releases", body: #"{"ProjectId":"\#(web)","Version":"1.5.0"}"#, status: 201)
        XCTAssertEqual(created["Links"]?["Project"], .string("/api/Spaces-1/projects/\(web)"))
        XCTAssertEqual(harness.get("/api/Spaces-1/projects/\(web)/releases")["Items"]?.arrayValue?.first?["Version"], "1.5.0")
    }

    func testBadJSONBodyIs400NotACrash() {
        for body in ["{", "[1,2]", "{\"Name\": tru}", "\u{0}"] {
            let answer = harness.json("POST", "/api/Spaces-1/environments", body: body, status: 400)
            XCTAssertEqual(answer["ErrorMessage"], "There was a problem with your request.", body)
        }
    }

    func testPutUpdatesAndDeleteRemoves() {
        let created = harness.json("POST", "/api/Spaces-1/tenants", body: #"{"Name":"Hooli"}"#, status: 201)
        let id = created["Id"]?.stringValue ?? ""
        var changed = created
        changed.set("Description", "Makes the box")
        let updated = harness.json("PUT", "/api/Spaces-1/tenants/\(id)", body: changed.jsonText)
        XCTAssertEqual(updated["Description"], "Makes the box")
        XCTAssertEqual(harness.send("DELETE", "/api/Spaces-1/tenants/\(id)").status, 200)
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/tenants/\(id)").status, 404)
    }

    func testVariablesHideSensitiveValuesAndRejectStaleVersions() {
        let web = harness.id(of: "Web", in: "projects")
        let set = harness.get("/api/Spaces-1/projects/\(web)/variables")
        XCTAssertEqual(set["Links"]?["Self"], .string("/api/Spaces-1/variables/variableset-\(web)"))
        let variables = set["Variables"]?.arrayValue ?? []
        let password = variables.first { $0["Name"] == "DatabasePassword" }
        XCTAssertEqual(password?["IsSensitive"], true)
        XCTAssertEqual(password?["Value"], .null)
        let version = set["Version"]?.intValue ?? 0

        var edited = set
        edited.set("Variables", .array(variables + [.object([("Name", "Feature.Flag"), ("Value", "on")])]))
        let saved = harness.json("PUT", "/api/Spaces-1/variables/variableset-\(web)", body: edited.jsonText)
        XCTAssertEqual(saved["Version"], .int(version + 1))
        XCTAssertEqual(saved["Variables"]?.arrayValue?.last?["Value"], "on")
        XCTAssertEqual(saved["Variables"]?.arrayValue?.first { $0["Name"] == "DatabasePassword" }?["Value"], .null)

        let stale = harness.json("PUT", "/api/Spaces-1/variables/variableset-\(web)", body: edited.jsonText, status: 409)
        XCTAssertNotNil(stale["ErrorMessage"]?.stringValue)
        XCTAssertEqual(stale["Errors"]?.arrayValue?.count, 1)
    }

    func testSpacesCanBeCreatedAndAddressedByName() {
        let space = harness.json("POST", "/api/spaces", body: #"{"Name":"Team Rocket"}"#, status: 201)
        XCTAssertEqual(space["IsDefault"], false)
        XCTAssertEqual(harness.get("/api/spaces/Team%20Rocket/environments")["TotalResults"], 0)
        XCTAssertEqual(harness.get("/api/spaces/Team%20Rocket/feeds/feeds-builtin")["SpaceId"], space["Id"])
    }
}
