// The server root and the space roots: the captured 2023.1 keys, and every collection a space
// root offers served in that space with that space's `SpaceId`.

import XCTest
@testable import RoveSimulator

final class OctopusRootLinkTests: XCTestCase {
    let harness = OctopusHarness()

    /// Collection links a space root offers that the simulator serves (docs/simulator-octopus.md).
    static let servedSpaceCollections = [
        "Accounts", "Channels", "DeploymentProcesses", "Deployments", "Environments", "Events", "Feeds", "Interruptions",
        "LibraryVariables", "Lifecycles", "Machines", "ProjectGroups", "Projects", "Releases", "RunbookProcesses",
        "RunbookRuns", "Runbooks", "RunbookSnapshots", "TagSets", "Tasks", "Teams", "Tenants",
    ]

    func links(_ document: JSONValue) -> [(String, String)] {
        (document["Links"]?.objectPairs ?? []).map { ($0.0, $0.1.stringValue ?? "") }
    }

    func testTheServerRootHasTheCaptured2023Links() {
        let root = links(harness.get("/api"))
        XCTAssertEqual(root.count, 156)
        XCTAssertEqual(root.first?.0, "Self")
        let map = Dictionary(uniqueKeysWithValues: root)
        XCTAssertEqual(map["Authenticate_Octopus ID"], "/users/authenticate/OctopusID{?returnUrl}")
        XCTAssertEqual(map["Feeds"], "/api/feeds{/id}{?skip,take,ids,partialName,feedType,name}", "Feeds stays legacy at the root")
        XCTAssertEqual(map["Events"]?.hasPrefix("/api/events{/id}{?skip,regarding,"), true)
        XCTAssertEqual(map["Teams"], "/api/teams{/id}{?skip,take,ids,partialName,spaces,includeSystem}")
        XCTAssertEqual(map["TagSets"], "/api/Spaces-1/tagsets{/id}{?skip,take,ids,partialName}")
        XCTAssertEqual(map["LibraryVariables"], "/api/Spaces-1/libraryvariablesets{/id}{?skip,contentType,take,ids,partialName}")
        XCTAssertEqual(root.filter { $0.1.contains("/Spaces-1/") }.count, 76)
    }

    func testASpaceRootListsItsSpaceKeysAndTheSpaceFormOfMixedOnes() {
        let space = links(harness.get("/api/Spaces-2"))
        XCTAssertEqual(space.count, 91, "Self, 76 space keys, 14 mixed-scope keys")
        XCTAssertEqual(space.first?.0, "Self")
        let map = Dictionary(uniqueKeysWithValues: space)
        XCTAssertEqual(map["Feeds"], "/api/Spaces-2/feeds{/id}{?skip,take,ids,partialName,feedType,name}")
        XCTAssertEqual(map["Events"]?.hasPrefix("/api/Spaces-2/events{/id}{?skip,regarding,"), true)
        XCTAssertEqual(map["Tasks"]?.hasPrefix("/api/Spaces-2/tasks{/id}{?skip,"), true)
        XCTAssertEqual(map["Teams"], "/api/Spaces-2/teams{/id}{?skip,take,ids,partialName,spaces,includeSystem}")
        XCTAssertEqual(map["Projects"], "/api/Spaces-2/projects{/id}{?name,skip,ids,clone,take,partialName,clonedFromProjectId}")
        for systemOnly in ["CurrentUser", "Spaces", "SpaceHome", "Users", "UserRoles", "ServerStatus", "Web"] {
            XCTAssertNil(map[systemOnly], systemOnly)
        }
        for (key, link) in space.dropFirst() { XCTAssertTrue(link.hasPrefix("/api/Spaces-2/"), "\(key) → \(link)") }
        let keys = space.dropFirst().map { $0.0.lowercased() }
        XCTAssertEqual(keys, keys.sorted())
    }

    /// Gives a space an account, a tenant and a runbook run, which the seed leaves to the default space or to nobody.
    func fillIn(_ spaceId: String) {
        _ = harness.json("POST", "/api/\(spaceId)/accounts", body: #"{"Name":"Probe Account"}"#, status: 201)
        _ = harness.json("POST", "/api/\(spaceId)/tenants", body: #"{"Name":"Probe Tenant"}"#, status: 201)
        let runbook = harness.get("/api/\(spaceId)/runbooks/all").arrayValue?.first?["Id"]?.stringValue ?? ""
        let environment = harness.get("/api/\(spaceId)/environments/all").arrayValue?.first?["Id"]?.stringValue ?? ""
        _ = harness.json("POST", "/api/\(spaceId)/runbookRuns", body: #"{"RunbookId":"\#(runbook)","EnvironmentId":"\#(environment)"}"#,
                         status: 201)
    }

    func testEverySpaceRootCollectionIsServedInThatSpace() {
        for spaceId in ["Spaces-1", "Spaces-2"] {
            fillIn(spaceId)
            let map = Dictionary(uniqueKeysWithValues: links(harness.get("/api/\(spaceId)")))
            for key in Self.servedSpaceCollections {
                guard let link = map[key] else { XCTFail("\(spaceId) has no \(key)"); continue }
                let expanded = OctopusLinkTests.expand(link)
                let target = expanded + (expanded.contains("?") ? "&" : "?") + "take=1000"
                let answer = harness.get(target)
                let items = answer["Items"]?.arrayValue ?? []
                // Interruptions appear only while a deployment waits for one.
                XCTAssertTrue(!items.isEmpty || key == "Interruptions", "\(spaceId) \(key)")
                for item in items {
                    let owner = item["SpaceId"]
                    let systemTeam = key == "Teams" && owner == .null
                    XCTAssertTrue(owner == .string(spaceId) || systemTeam, "\(spaceId) \(key): \(item["Id"] ?? .null) has \(owner ?? .null)")
                }
            }
        }
    }

    /// Every link of both roots answers, except the routes the docs list as not served.
    func testEveryRootLinkResolvesOrIsDocumentedAsNotServed() {
        var unresolved: Set<String> = []
        for path in ["/api", "/api/Spaces-2"] {
            for (key, link) in links(harness.get(path)) where !link.hasPrefix("/app") {
                let status = harness.send("GET", OctopusLinkTests.expand(link)).status
                if status != 200 { unresolved.insert(key) }
            }
        }
        let served = Set(Self.servedSpaceCollections + ["Self", "CurrentUser", "Spaces", "Users", "SpaceHome"])
        XCTAssertTrue(unresolved.isDisjoint(with: served), "\(unresolved.intersection(served))")
    }
}
