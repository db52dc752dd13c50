// Teams and users: mixed-scope team lists, membership, the current user's teams and spaces, bad input.

import XCTest
@testable import RoveSimulator

final class OctopusTeamTests: XCTestCase {
    let harness = OctopusHarness()

    func names(_ page: JSONValue) -> [String] {
        (page["Items"]?.arrayValue ?? page.arrayValue ?? []).compactMap { $0["Name"]?.stringValue }
    }

    func testTheSystemTeamListHoldsEverySpacesTeamsByName() {
        let page = harness.get("/api/teams")
        XCTAssertEqual(page["ItemType"], "Team")
        XCTAssertEqual(names(page), ["Data Engineers", "Developers", "Everyone", "Octopus Administrators", "Octopus Managers",
                                     "Operations", "Space Managers", "Space Managers", "Space Managers"])
        let administrators = page["Items"]?.arrayValue?.first { $0["Id"] == "teams-administrators" }
        XCTAssertEqual(administrators?["SpaceId"], .null)
        XCTAssertEqual(administrators?["MemberUserIds"], ["Users-1"])
        XCTAssertEqual(administrators?["CanBeDeleted"], false)
        XCTAssertEqual(administrators?["Links"]?["Self"], "/api/teams/teams-administrators")
        XCTAssertEqual(page["Links"]?["Template"], "/api/teams{/id}{?skip,take,ids,partialName,spaces,includeSystem}")
        XCTAssertEqual(harness.get("/api/teams/all").arrayValue?.count, 9)
    }

    func testASpacesTeamListHasThatSpaceAndTheSystemTeams() {
        let page = harness.get("/api/Spaces-2/teams")
        XCTAssertEqual(names(page), ["Data Engineers", "Everyone", "Octopus Administrators", "Octopus Managers", "Space Managers"])
        for team in page["Items"]?.arrayValue ?? [] {
            XCTAssertTrue(team["SpaceId"] == "Spaces-2" || team["SpaceId"] == .null, "\(team)")
        }
        XCTAssertEqual(page["Links"]?["Self"], "/api/Spaces-2/teams?skip=0&take=30")
        XCTAssertEqual(names(harness.get("/api/Spaces-2/teams?includeSystem=false")), ["Data Engineers", "Space Managers"])
        XCTAssertEqual(names(harness.get("/api/teams?spaces=Spaces-1&includeSystem=false")), ["Developers", "Operations", "Space Managers"])
        XCTAssertEqual(harness.get("/api/spaces/Platform%20Team/teams/all").arrayValue?.count, 5)
    }

    func testCreatingATeamInASpaceWithMembers() {
        let team = harness.json("POST", "/api/Spaces-2/teams",
                                body: #"{"Name":"Release Managers","MemberUserIds":["Users-2","users-4"],"CanBeDeleted":false}"#, status: 201)
        let id = team["Id"]?.stringValue ?? ""
        XCTAssertTrue(id.hasPrefix("Teams-"), id)
        XCTAssertEqual(team["SpaceId"], "Spaces-2")
        XCTAssertEqual(team["MemberUserIds"], ["Users-2", "Users-4"])
        XCTAssertEqual(team["CanBeDeleted"], true, "only the server makes a team undeletable")
        XCTAssertEqual(harness.get("/api/teams/\(id)")["Name"], "Release Managers")
        let janesTeams = harness.get("/api/users/Users-2/teams").arrayValue?.compactMap { $0["Name"]?.stringValue }
        XCTAssertEqual(janesTeams, ["Developers", "Everyone", "Release Managers"])
        XCTAssertEqual(harness.get("/api/users/Users-2/spaces").arrayValue?.compactMap { $0["Id"]?.stringValue }, ["Spaces-1", "Spaces-2"])
    }

    func testATeamMadeAtTheSystemRouteBelongsToTheSpaceItNamesOrToNone() {
        let system = harness.json("POST", "/api/teams", body: #"{"Name":"Auditors"}"#, status: 201)
        XCTAssertEqual(system["SpaceId"], .null)
        let scoped = harness.json("POST", "/api/teams", body: #"{"Name":"Auditors","SpaceId":"Spaces-3"}"#, status: 201)
        XCTAssertEqual(scoped["SpaceId"], "Spaces-3")
        XCTAssertEqual(names(harness.get("/api/Spaces-3/teams?includeSystem=false")), ["Auditors", "Space Managers"])
    }

    func testANewSpaceHasItsSpaceManagersTeam() {
        let space = harness.json("POST", "/api/spaces", body: #"{"Name":"Mobile"}"#, status: 201)
        let id = space["Id"]?.stringValue ?? ""
        let managers = harness.get("/api/\(id)/teams?includeSystem=false")["Items"]?.arrayValue ?? []
        XCTAssertEqual(managers.compactMap { $0["Id"]?.stringValue }, ["teams-spacemanagers-\(id)"])
        XCTAssertEqual(space["SpaceManagersTeams"]?.stringArray.last, "teams-spacemanagers-\(id)")
        XCTAssertEqual(harness.get("/api/users/me/spaces").arrayValue?.count, 4)
    }

    func testMembershipChangesWithPut() {
        var team = harness.get("/api/Spaces-1/teams/Teams-2")
        XCTAssertEqual(team["Name"], "Operations")
        team.set("MemberUserIds", ["Users-4"])
        team.set("Description", "Production only")
        let saved = harness.json("PUT", "/api/Spaces-1/teams/Teams-2", body: team.jsonText)
        XCTAssertEqual(saved["MemberUserIds"], ["Users-4"])
        XCTAssertEqual(saved["Description"], "Production only")
        XCTAssertEqual(harness.get("/api/users/Users-5/teams").arrayValue?.compactMap { $0["Name"]?.stringValue }, ["Everyone"])
        XCTAssertEqual(harness.get("/api/users/Users-5/spaces").arrayValue, [])
        XCTAssertEqual(harness.send("DELETE", "/api/teams/Teams-2").status, 200)
        XCTAssertEqual(harness.send("GET", "/api/teams/Teams-2").status, 404)
    }

    func testBadTeamBodiesAre400WithTheRealShapeAndDuplicatesConflict() {
        let cases: [(String, String)] = [
            (#"{"MemberUserIds":[]}"#, "Please provide a value for Name."),
            (#"{"Name":"X","MemberUserIds":["Users-99"]}"#, "The user 'Users-99' could not be found."),
            (#"{"Name":"X","MemberUserIds":"Users-1"}"#, "MemberUserIds must be a list of user ids."),
            (#"{"Name":"X","SpaceId":"Spaces-99"}"#, "The space 'Spaces-99' could not be found."),
        ]
        for (body, error) in cases {
            let answer = harness.json("POST", "/api/teams", body: body, status: 400)
            XCTAssertEqual(answer["ErrorMessage"], "There was a problem with your request.", body)
            XCTAssertEqual(answer["Errors"]?.stringArray, [error], body)
        }
        XCTAssertEqual(harness.json("POST", "/api/teams", body: "[1]", status: 400)["Errors"]?.arrayValue?.count, 1)
        let duplicate = harness.json("POST", "/api/Spaces-1/teams", body: #"{"Name":"developers"}"#, status: 409)
        XCTAssertEqual(duplicate["Errors"]?.stringArray.first?.contains("already exists"), true)
        // Another space may use the name.
        _ = harness.json("POST", "/api/Spaces-2/teams", body: #"{"Name":"Developers"}"#, status: 201)
    }

    func testBuiltInTeamsKeepTheirNamesMembersAndExistence() {
        XCTAssertEqual(harness.json("DELETE", "/api/teams/teams-administrators", status: 400)["Errors"]?.stringArray,
                       ["The team 'Octopus Administrators' cannot be deleted."])
        XCTAssertEqual(harness.json("PUT", "/api/teams/teams-managers", body: #"{"Name":"Bosses"}"#, status: 400)["Errors"]?.stringArray,
                       ["The team 'Octopus Managers' cannot be renamed."])
        XCTAssertEqual(harness.json("PUT", "/api/teams/teams-everyone", body: #"{"MemberUserIds":["Users-2"]}"#, status: 400)["Errors"]?.stringArray,
                       ["The members of the team 'Everyone' cannot be changed."])
        _ = harness.json("PUT", "/api/teams/teams-managers", body: #"{"MemberUserIds":["Users-4"]}"#)
        XCTAssertEqual(harness.get("/api/users/Users-4/spaces").arrayValue?.count, 3, "managers reach every space")
    }

    func testUnknownTeamsAndAnotherSpacesTeamAre404() {
        for path in ["/api/teams/Teams-999", "/api/Spaces-2/teams/Teams-1", "/api/Spaces-1/teams/teams-spacemanagers-Spaces-2"] {
            let answer = harness.get(path, status: 404)
            XCTAssertEqual(answer["ErrorMessage"]?.stringValue, OctopusFailure.notFoundMessage, path)
        }
        XCTAssertEqual(harness.send("PUT", "/api/teams/Teams-999", body: #"{"Name":"X"}"#).status, 404)
        XCTAssertEqual(harness.send("DELETE", "/api/Spaces-2/teams/Teams-1").status, 404)
        XCTAssertEqual(harness.get("/api/Spaces-1/teams/teams-everyone")["Name"], "Everyone", "system teams show in every space")
    }

    func testUsersListByUsernameAndFilter() {
        let page = harness.get("/api/users")
        XCTAssertEqual(page["ItemType"], "User")
        XCTAssertEqual(page["Items"]?.arrayValue?.compactMap { $0["Username"]?.stringValue },
                       ["alex.kim", "deploy-bot", "jane.smith", "rove-demo", "sam.patel"])
        XCTAssertEqual(harness.get("/api/users?filter=SMITH")["Items"]?.arrayValue?.compactMap { $0["Id"]?.stringValue }, ["Users-2"])
        XCTAssertEqual(harness.get("/api/users/all").arrayValue?.count, 5)
        let bot = harness.get("/api/users/Users-5")
        XCTAssertEqual(bot["IsService"], true)
        XCTAssertEqual(bot["Links"]?["Teams"], "/api/users/Users-5/teams{?spaces,includeSystem}")
        XCTAssertEqual(harness.get("/api/users/Users-404", status: 404)["ErrorMessage"]?.stringValue, OctopusFailure.notFoundMessage)
    }

    func testTheCurrentUsersTeamsAndSpaces() {
        let me = harness.get("/api/users/me")
        XCTAssertEqual(me["Id"], "Users-1")
        XCTAssertEqual(harness.get("/api/users/me/spaces").arrayValue?.count, 3)
        XCTAssertEqual(harness.get("/api/users/Users-3/spaces").arrayValue?.compactMap { $0["Name"]?.stringValue }, ["Default", "Platform Team"])
        let inPlatform = harness.get("/api/Spaces-2/users/Users-3/teams").arrayValue?.compactMap { $0["Name"]?.stringValue }
        XCTAssertEqual(inPlatform, ["Data Engineers", "Everyone"])
        let direct = harness.get("/api/users/me/teams?includeSystem=false").arrayValue ?? []
        XCTAssertEqual(direct.compactMap { $0["Id"]?.stringValue }, ["teams-spacemanagers-Spaces-1", "teams-spacemanagers-Spaces-2",
                                                                     "teams-spacemanagers-Spaces-3"])
        XCTAssertTrue(direct.allSatisfy { $0["IsDirectlyAssigned"] == true })
        XCTAssertEqual(harness.send("GET", "/api/users/Users-99/teams").status, 404)
        XCTAssertEqual(harness.send("GET", "/api/users/Users-99/spaces").status, 404)
    }
}
