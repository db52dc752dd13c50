// The Links a client follows resolve: each one named here answers 200 once its template is expanded.

import XCTest
@testable import RoveSimulator

final class OctopusLinkTests: XCTestCase {
    let harness = OctopusHarness()

    /// Expands a link with no variables: `{…}` parts drop out, as RFC 6570 does for undefined ones.
    func expand(_ template: String) -> String { Self.expand(template) }

    static func expand(_ template: String) -> String {
        var out = ""
        var depth = 0
        for character in template {
            if character == "{" { depth += 1 } else if character == "}" { depth -= 1 } else if depth == 0 { out.append(character) }
        }
        return out
    }

    func assertResolves(_ document: JSONValue, _ keys: [String], file: StaticString = #filePath, line: UInt = #line) {
        for key in keys {
            guard let link = document["Links"]?[key]?.stringValue else {
                XCTFail("no link \(key) on \(document["Id"]?.stringValue ?? "?")", file: file, line: line)
                continue
            }
            let status = harness.send("GET", expand(link)).status
            XCTAssertEqual(status, 200, "\(key) → \(link)", file: file, line: line)
        }
    }

    func testProjectReleaseDeploymentAndTaskLinksResolve() {
        let project = harness.get("/api/Spaces-1/projects/web")
        assertResolves(project, ["Self", "Variables", "Releases", "Channels", "DeploymentProcess", "Runbooks", "RunbookSnapshots"])
        let release = harness.get(expand(project["Links"]!["Releases"]!.stringValue!))["Items"]!.arrayValue![0]
        assertResolves(release, ["Self", "Project", "Channel", "Progression", "Deployments", "DeploymentTemplate",
                                 "ProjectVariableSnapshot", "ProjectDeploymentProcessSnapshot"])
        let deployment = harness.get(expand(release["Links"]!["Deployments"]!.stringValue!))["Items"]!.arrayValue![0]
        assertResolves(deployment, ["Self", "Release", "Environment", "Project", "Task", "Interruptions", "DeploymentProcess"])
        let task = harness.get(deployment["Links"]!["Task"]!.stringValue!)
        assertResolves(task, ["Self", "Raw", "Details", "Interruptions"])
        let process = harness.get(expand(project["Links"]!["DeploymentProcess"]!.stringValue!))
        assertResolves(process, ["Self", "Project", "Template"])
    }

    func testInfrastructureAndRunbookLinksResolve() {
        let environment = harness.get("/api/Spaces-1/environments/all").arrayValue![0]
        assertResolves(environment, ["Self", "Machines"])
        assertResolves(harness.get("/api/Spaces-1/machines/all").arrayValue![0], ["Self", "TasksTemplate"])
        // The versions template needs its `packageId`; without one the real server answers 400.
        assertResolves(harness.get("/api/Spaces-1/feeds/feeds-builtin"), ["Self", "SearchPackagesTemplate"])
        let runbook = harness.get("/api/Spaces-1/runbooks/all").arrayValue![0]
        assertResolves(runbook, ["Self", "Project", "RunbookProcesses", "RunbookSnapshots", "RunbookSnapshotTemplate"])
        assertResolves(harness.get(expand(runbook["Links"]!["RunbookProcesses"]!.stringValue!)), ["Self", "RunbookSnapshotTemplate"])
        let snapshot = harness.get(expand(runbook["Links"]!["RunbookSnapshots"]!.stringValue!))["Items"]!.arrayValue![0]
        assertResolves(snapshot, ["Self", "Runbook", "FrozenRunbookProcess"])
        assertResolves(harness.get("/api/Spaces-1/channels/all").arrayValue![0], ["Self", "Releases", "Project"])
        assertResolves(harness.get("/api/Spaces-1/projectgroups/all").arrayValue![0], ["Self", "Projects"])
        assertResolves(harness.get("/api/Spaces-1/lifecycles/all").arrayValue![0], ["Self", "Preview", "Projects"])
        assertResolves(harness.get("/api/Spaces-1/tenants/all").arrayValue![0], ["Self"])
        assertResolves(harness.get("/api/spaces/Spaces-1"), ["Self", "SpaceHome"])
        assertResolves(harness.get("/api/users/me"), ["Self", "Spaces", "Teams"])
        assertResolves(harness.get("/api/teams/all").arrayValue![0], ["Self"])
        assertResolves(harness.get("/api/Spaces-1/tagsets/all").arrayValue![0], ["Self"])
        assertResolves(harness.get("/api/Spaces-1/libraryvariablesets/all").arrayValue![0], ["Self", "Variables"])
    }

    func testRootAndSpaceRootCollectionLinksResolve() {
        let root = harness.get("/api")
        assertResolves(root, ["CurrentUser", "Spaces", "Tasks", "Feeds", "Projects", "Environments", "Releases", "Deployments",
                              "Machines", "Tenants", "Lifecycles", "Channels", "ProjectGroups", "Accounts", "Runbooks",
                              "RunbookRuns", "RunbookSnapshots", "Interruptions", "DeploymentProcesses"])
        assertResolves(harness.get("/api/Spaces-2"), ["Self", "Projects", "Environments", "Machines", "Releases", "Feeds", "Events",
                                                      "Tasks", "Teams", "TagSets", "LibraryVariables", "RunbookProcesses"])
    }
}
