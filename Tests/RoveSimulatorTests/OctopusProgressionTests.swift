// A release's progression through its lifecycle, and the projects a lifecycle serves (a bare array).

import XCTest
@testable import RoveSimulator

final class OctopusProgressionTests: XCTestCase {
    let harness = OctopusHarness()

    func environment(_ name: String) -> String { harness.id(of: name, in: "environments") }

    func testANewReleaseMovesThroughTheDefaultLifecycle() {
        let web = harness.id(of: "Web", in: "projects")
        let release = harness.json("POST", "/api/Spaces-1/releases", body: #"{"ProjectId":"\#(web)","Version":"2.0.0"}"#, status: 201)
        let id = release["Id"]?.stringValue ?? ""
        let link = release["Links"]?["Progression"]?.stringValue ?? ""
        XCTAssertEqual(link, "/api/Spaces-1/releases/\(id)/progression")
        let fresh = harness.get(link)
        let phases = fresh["Phases"]?.arrayValue ?? []
        XCTAssertEqual(phases.compactMap { $0["Name"]?.stringValue }, ["Development", "Test", "Staging", "Production"])
        XCTAssertEqual(phases.compactMap { $0["Progress"]?.stringValue }, ["Current", "Pending", "Pending", "Pending"])
        XCTAssertEqual(phases.first?["AutomaticDeploymentTargets"], .strings([environment("Development")]))
        XCTAssertEqual(phases.first?["Deployments"], [])
        XCTAssertEqual(fresh["NextDeployments"], .strings([environment("Development")]))
        XCTAssertEqual(fresh["NextDeploymentsMinimumRequired"], 1)

        _ = harness.json("POST", "/api/Spaces-1/deployments",
                         body: #"{"ReleaseId":"\#(id)","EnvironmentId":"\#(environment("Development"))"}"#, status: 201)
        let running = harness.get(link)
        XCTAssertEqual(running["Phases"]?.arrayValue?.first?["Progress"], "Current", "not complete until the deployment succeeds")
        let entry = running["Phases"]?.arrayValue?.first?["Deployments"]?.arrayValue?.first
        XCTAssertEqual(entry?["Deployment"]?["ReleaseId"], .string(id))
        XCTAssertEqual(entry?["Task"]?["State"], "Queued")

        harness.clock.advance(60)
        let deployed = harness.get(link)
        XCTAssertEqual(deployed["Phases"]?.arrayValue?.compactMap { $0["Progress"]?.stringValue }, ["Complete", "Current", "Pending", "Pending"])
        XCTAssertEqual(deployed["Phases"]?.arrayValue?.first?["Deployments"]?.arrayValue?.first?["Task"]?["State"], "Success")
        XCTAssertEqual(deployed["NextDeployments"], .strings([environment("Test")]))
    }

    func testAHotfixChannelReleaseFollowsTheHotfixLifecycle() {
        let web = harness.id(of: "Web", in: "projects")
        let hotfix = harness.get("/api/Spaces-1/projects/\(web)/channels")["Items"]?.arrayValue?.first { $0["Name"] == "Hotfix" }
        let channel = hotfix?["Id"]?.stringValue ?? ""
        let release = harness.json("POST", "/api/Spaces-1/releases",
                                   body: #"{"ProjectId":"\#(web)","ChannelId":"\#(channel)","Version":"1.4.5-hotfix"}"#, status: 201)
        let progression = harness.get("/api/Spaces-1/releases/\(release["Id"]?.stringValue ?? "")/progression")
        XCTAssertEqual(progression["Phases"]?.arrayValue?.compactMap { $0["Name"]?.stringValue }, ["Staging", "Production"])
        XCTAssertEqual(progression["NextDeployments"], .strings([environment("Staging")]))
    }

    func testSeededHistoryShowsInTheProgression() {
        let web = harness.id(of: "Web", in: "projects")
        let oldest = harness.get("/api/Spaces-1/projects/\(web)/releases?take=100")["Items"]?.arrayValue?.last
        let progression = harness.get("/api/Spaces-1/releases/\(oldest?["Id"]?.stringValue ?? "")/progression")
        let development = progression["Phases"]?.arrayValue?.first
        let deployments = development?["Deployments"]?.arrayValue ?? []
        XCTAssertEqual(deployments.count, 1, "older releases went to Development only")
        XCTAssertEqual(deployments.first?["Deployment"]?["EnvironmentId"], .string(environment("Development")))
        XCTAssertEqual(deployments.first?["Task"]?["IsCompleted"], true)
    }

    func testAnUnknownReleaseHasNoProgression() {
        XCTAssertEqual(harness.get("/api/Spaces-1/releases/Releases-99999/progression", status: 404)["ErrorMessage"]?.stringValue,
                       OctopusFailure.notFoundMessage)
        let platformRelease = harness.get("/api/Spaces-2/releases?take=1")["Items"]?.arrayValue?.first?["Id"]?.stringValue ?? ""
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/releases/\(platformRelease)/progression").status, 404)
        XCTAssertEqual(harness.get("/api/Spaces-2/releases/\(platformRelease)/progression")["Phases"]?.arrayValue?.count, 4)
    }

    func testALifecyclesProjectsAreABareArrayIncludingThoseUsingItThroughAChannel() {
        let lifecycles = harness.get("/api/Spaces-1/lifecycles/all").arrayValue ?? []
        let standard = lifecycles.first { $0["Name"] == "Default Lifecycle" }
        let projects = harness.get(standard?["Links"]?["Projects"]?.stringValue ?? "")
        XCTAssertEqual(projects.arrayValue?.count, 12, "a bare array, not a page")
        XCTAssertNil(projects["Items"])
        let hotfix = lifecycles.first { $0["Name"] == "Hotfix" }?["Id"]?.stringValue ?? ""
        let names = harness.get("/api/Spaces-1/lifecycles/\(hotfix)/projects").arrayValue?.compactMap { $0["Name"]?.stringValue }
        XCTAssertEqual(names, ["Web", "Web API", "Payments"])
        XCTAssertEqual(harness.get("/api/Spaces-1/lifecycles/Lifecycles-999/projects", status: 404)["ErrorMessage"]?.stringValue,
                       OctopusFailure.notFoundMessage)
        let platform = harness.get("/api/Spaces-2/lifecycles/all").arrayValue?.first?["Id"]?.stringValue ?? ""
        XCTAssertEqual(harness.get("/api/Spaces-2/lifecycles/\(platform)/projects").arrayValue?.compactMap { $0["SpaceId"]?.stringValue },
                       ["Spaces-2", "Spaces-2", "Spaces-2"])
    }
}
