// Library variable sets: listed by name, each with a variable set at `variables/{VariableSetId}`.

import XCTest
@testable import RoveSimulator

final class OctopusLibraryVariableSetTests: XCTestCase {
    let harness = OctopusHarness()

    func testLibraryVariableSetsListByNameAndLeadToTheirVariables() {
        let page = harness.get("/api/Spaces-1/libraryvariablesets")
        XCTAssertEqual(page["ItemType"], "LibraryVariableSet")
        let sets = page["Items"]?.arrayValue ?? []
        XCTAssertEqual(sets.compactMap { $0["Name"]?.stringValue }, ["Deploy Helpers", "Shared Settings"])
        let shared = sets.last!
        let id = shared["Id"]?.stringValue ?? ""
        XCTAssertEqual(shared["VariableSetId"], .string("variableset-\(id)"))
        XCTAssertEqual(shared["ContentType"], "Variables")
        XCTAssertEqual(shared["Links"]?["Variables"], .string("/api/Spaces-1/variables/variableset-\(id)"))
        let variables = harness.get(shared["Links"]!["Variables"]!.stringValue!)
        XCTAssertEqual(variables["OwnerId"], .string(id))
        XCTAssertEqual(variables["SpaceId"], "Spaces-1")
        XCTAssertEqual(variables["Variables"]?.arrayValue?.compactMap { $0["Name"]?.stringValue }, ["Smtp.Host", "Support.Email", "Shared.ApiToken"])
        XCTAssertEqual(variables["Variables"]?.arrayValue?.last?["Value"], .null, "sensitive values are never sent")
        XCTAssertEqual(harness.get("/api/Spaces-1/libraryvariablesets?contentType=ScriptModule")["TotalResults"], 1)
        XCTAssertEqual(page["Links"]?["Template"], "/api/Spaces-1/libraryvariablesets{/id}{?skip,contentType,take,ids,partialName}")
    }

    func testEachSpaceHasItsOwnLibrary() {
        let platform = harness.get("/api/Spaces-2/libraryvariablesets/all").arrayValue ?? []
        XCTAssertEqual(platform.compactMap { $0["Name"]?.stringValue }, ["Platform Defaults"])
        XCTAssertEqual(platform.first?["SpaceId"], "Spaces-2")
        let variableSet = platform.first?["VariableSetId"]?.stringValue ?? ""
        XCTAssertEqual(harness.get("/api/Spaces-2/variables/\(variableSet)")["SpaceId"], "Spaces-2")
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/variables/\(variableSet)").status, 404)
        let shared = harness.id(of: "Shared Settings", in: "libraryvariablesets")
        XCTAssertEqual(harness.get("/api/Spaces-2/libraryvariablesets/\(shared)", status: 404)["ErrorMessage"]?.stringValue,
                       OctopusFailure.notFoundMessage)
    }

    func testCreatingOneMakesAnEmptyVariableSetThatTakesVariables() {
        let created = harness.json("POST", "/api/Spaces-1/libraryvariablesets", body: #"{"Name":"Feature Flags","Description":"Toggles"}"#,
                                   status: 201)
        let id = created["Id"]?.stringValue ?? ""
        XCTAssertEqual(created["ContentType"], "Variables")
        let variableSetId = created["VariableSetId"]?.stringValue ?? ""
        var set = harness.get("/api/Spaces-1/variables/\(variableSetId)")
        XCTAssertEqual(set["Variables"], [])
        set.set("Variables", [.object([("Name", "Checkout.V2"), ("Value", "true")])])
        let saved = harness.json("PUT", "/api/Spaces-1/variables/\(variableSetId)", body: set.jsonText)
        XCTAssertEqual(saved["Variables"]?.arrayValue?.first?["Value"], "true")
        let renamed = harness.json("PUT", "/api/Spaces-1/libraryvariablesets/\(id)", body: #"{"Name":"Flags","ContentType":"scriptmodule"}"#)
        XCTAssertEqual(renamed["Name"], "Flags")
        XCTAssertEqual(renamed["ContentType"], "ScriptModule")
        XCTAssertEqual(renamed["VariableSetId"], .string(variableSetId))
        XCTAssertEqual(harness.send("DELETE", "/api/Spaces-1/libraryvariablesets/\(id)").status, 200)
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/libraryvariablesets/\(id)").status, 404)
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/variables/\(variableSetId)").status, 404)
    }

    func testBadLibraryVariableSetsAre400AndDuplicatesConflict() {
        let missing = harness.json("POST", "/api/Spaces-1/libraryvariablesets", body: #"{"Description":"x"}"#, status: 400)
        XCTAssertEqual(missing["Errors"]?.stringArray, ["Please provide a value for Name."])
        let badType = harness.json("POST", "/api/Spaces-1/libraryvariablesets", body: #"{"Name":"X","ContentType":"Secrets"}"#, status: 400)
        XCTAssertEqual(badType["Errors"]?.stringArray, ["ContentType must be one of: Variables, ScriptModule."])
        XCTAssertEqual(harness.send("POST", "/api/Spaces-1/libraryvariablesets", body: #"{"Name":"shared settings"}"#).status, 409)
        XCTAssertEqual(harness.send("POST", "/api/Spaces-1/libraryvariablesets", body: "{\"Name\":").status, 400)
        XCTAssertEqual(harness.send("PUT", "/api/Spaces-1/libraryvariablesets/LibraryVariableSets-99", body: "{}").status, 404)
        XCTAssertEqual(harness.send("DELETE", "/api/Spaces-1/libraryvariablesets/LibraryVariableSets-99").status, 404)
    }
}
