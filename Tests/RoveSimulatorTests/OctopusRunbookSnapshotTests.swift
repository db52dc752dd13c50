// Runbook snapshots: the template, creating and publishing one with pinned packages, runs that use it.

import XCTest
@testable import RoveSimulator

final class OctopusRunbookSnapshotTests: XCTestCase {
    let harness = OctopusHarness()

    var restart: JSONValue { harness.get("/api/Spaces-1/runbooks/all").arrayValue!.first { $0["Name"] == "Restart Service" }! }

    func testTheTemplateNamesThePackageStepAndThePublishedVersion() {
        let runbook = restart
        let processId = runbook["RunbookProcessId"]?.stringValue ?? ""
        let template = harness.get("/api/Spaces-1/runbookProcesses/\(processId)/runbookSnapshotTemplate")
        XCTAssertEqual(template["RunbookId"], runbook["Id"])
        XCTAssertEqual(template["RunbookProcessId"], .string(processId))
        XCTAssertEqual(template["NextNameIncrement"], "Snapshot 2")
        let package = template["Packages"]?.arrayValue?.first
        XCTAssertEqual(template["Packages"]?.arrayValue?.count, 1)
        XCTAssertEqual(package?["ActionName"], "Start service")
        XCTAssertEqual(package?["StepName"], "Start service")
        XCTAssertEqual(package?["PackageId"], "Web")
        XCTAssertEqual(package?["FeedId"], "feeds-builtin")
        XCTAssertEqual(package?["IsResolvable"], true)
        XCTAssertEqual(package?["VersionSelectedLastRelease"], "1.4.4", "the published snapshot pinned the newest version")
        // The runbook's own link answers the same template.
        let link = runbook["Links"]?["RunbookSnapshotTemplate"]?.stringValue ?? ""
        XCTAssertEqual(harness.get(link), template)
        let process = harness.get("/api/Spaces-1/runbookProcesses/\(processId)")
        let action = process["Steps"]?.arrayValue?.last?["Actions"]?.arrayValue?.first
        XCTAssertEqual(action?["Packages"]?.arrayValue?.first?["PackageId"], "Web")
        let published = harness.get("/api/Spaces-1/runbookSnapshots/\(runbook["PublishedRunbookSnapshotId"]?.stringValue ?? "")")
        XCTAssertEqual(published["SelectedPackages"]?.arrayValue?.first?["Version"], "1.4.4")
    }

    func testCreatingWithPublishPinsPackagesAndRunsUseIt() {
        let runbook = restart
        let runbookId = runbook["Id"]?.stringValue ?? ""
        let body = #"{"ProjectId":"\#(runbook["ProjectId"]?.stringValue ?? "")","RunbookId":"\#(runbookId)","Name":"Snapshot 2","Notes":"pin 1.3.0","SelectedPackages":[{"ActionName":"Start service","PackageReferenceName":"","Version":"1.3.0"}]}"#
        let snapshot = harness.json("POST", "/api/Spaces-1/runbookSnapshots?publish=true", body: body, status: 201)
        let id = snapshot["Id"]?.stringValue ?? ""
        XCTAssertEqual(snapshot["SpaceId"], "Spaces-1")
        XCTAssertEqual(snapshot["RunbookId"], .string(runbookId))
        XCTAssertEqual(snapshot["Notes"], "pin 1.3.0")
        XCTAssertEqual(snapshot["SelectedPackages"], [.object([("ActionName", "Start service"), ("PackageReferenceName", ""),
                                                               ("StepName", "Start service"), ("Version", "1.3.0")])])
        XCTAssertEqual(snapshot["Links"]?["Runbook"], .string("/api/Spaces-1/runbooks/\(runbookId)"))
        XCTAssertEqual(harness.get("/api/Spaces-1/runbooks/\(runbookId)")["PublishedRunbookSnapshotId"], .string(id))
        let template = harness.get("/api/Spaces-1/runbooks/\(runbookId)/runbookSnapshotTemplate")
        XCTAssertEqual(template["Packages"]?.arrayValue?.first?["VersionSelectedLastRelease"], "1.3.0")
        XCTAssertEqual(template["NextNameIncrement"], "Snapshot 3")
        let production = harness.id(of: "Production", in: "environments")
        let run = harness.json("POST", "/api/Spaces-1/runbookRuns", body: #"{"RunbookId":"\#(runbookId)","EnvironmentId":"\#(production)"}"#,
                               status: 201)
        XCTAssertEqual(run["RunbookSnapshotId"], .string(id))
        XCTAssertEqual(harness.get("/api/Spaces-1/runbooks/\(runbookId)/runbookSnapshots")["Items"]?.arrayValue?.first?["Id"], .string(id))
    }

    func testWithoutPublishTheRunbookKeepsItsPublishedSnapshot() {
        let runbook = restart
        let before = runbook["PublishedRunbookSnapshotId"]
        let body = #"{"RunbookId":"\#(runbook["Id"]?.stringValue ?? "")","Name":"Draft","SelectedPackages":[{"ActionName":"start service","Version":"1.4.0"}]}"#
        let draft = harness.json("POST", "/api/Spaces-1/runbookSnapshots", body: body, status: 201)
        XCTAssertEqual(draft["SelectedPackages"]?.arrayValue?.first?["ActionName"], "Start service")
        XCTAssertEqual(harness.get("/api/Spaces-1/runbooks/\(runbook["Id"]?.stringValue ?? "")")["PublishedRunbookSnapshotId"], before)
        // A runbook without package steps needs no selections.
        let rotate = harness.id(of: "Rotate Logs", in: "runbooks")
        _ = harness.json("POST", "/api/Spaces-1/runbookSnapshots?publish=true", body: #"{"RunbookId":"\#(rotate)","Name":"S"}"#, status: 201)
        let template = harness.get("/api/Spaces-1/runbooks/\(rotate)/runbookSnapshotTemplate")
        XCTAssertEqual(template["Packages"], [])
    }

    func testBadSnapshotsAre400WithTheirReason() {
        let id = restart["Id"]?.stringValue ?? ""
        let missing = harness.json("POST", "/api/Spaces-1/runbookSnapshots", body: "{}", status: 400)
        XCTAssertEqual(missing["Errors"]?.stringArray, ["Please provide a value for RunbookId.", "Please provide a value for Name."])
        let cases: [(String, String)] = [
            (#"{"RunbookId":"Runbooks-999","Name":"A"}"#, "The runbook 'Runbooks-999' could not be found."),
            (#"{"RunbookId":"\#(id)","Name":"A"}"#, "Please provide a package version for the step 'Start service'."),
            (#"{"RunbookId":"\#(id)","Name":"A","SelectedPackages":[{"ActionName":"Start service","Version":"9.9.9"}]}"#,
             "The package 'Web' version '9.9.9' could not be found in the feed 'Octopus Server (built-in)'."),
            (#"{"RunbookId":"\#(id)","Name":"A","SelectedPackages":[{"ActionName":"Stop service","Version":"1.4.4"}]}"#,
             "The step 'Stop service' of this runbook does not use a package."),
            (#"{"RunbookId":"\#(id)","Name":"A","SelectedPackages":[{"Version":"1.4.4"}]}"#, "Each selected package needs the ActionName of its step."),
            (#"{"RunbookId":"\#(id)","Name":"A","SelectedPackages":{"Start service":"1.4.4"}}"#, "SelectedPackages must be a list."),
        ]
        for (body, error) in cases {
            let answer = harness.json("POST", "/api/Spaces-1/runbookSnapshots", body: body, status: 400)
            XCTAssertEqual(answer["ErrorMessage"], "There was a problem with your request.", body)
            XCTAssertEqual(answer["Errors"]?.stringArray, [error], body)
        }
        let existing = harness.get("/api/Spaces-1/runbooks/\(id)/runbookSnapshots")["Items"]?.arrayValue?.first?["Name"]?.stringValue ?? ""
        let duplicate = harness.json("POST", "/api/Spaces-1/runbookSnapshots",
                                     body: #"{"RunbookId":"\#(id)","Name":"\#(existing)","SelectedPackages":[{"ActionName":"Start service","Version":"1.4.4"}]}"#,
                                     status: 400)
        XCTAssertEqual(duplicate["Errors"]?.stringArray.first?.hasPrefix("A snapshot with the name"), true)
        XCTAssertEqual(harness.send("POST", "/api/Spaces-1/runbookSnapshots", body: "[]").status, 400)
    }

    func testUnknownTemplatesAre404AndProcessesListPerSpace() {
        for path in ["/api/Spaces-1/runbookProcesses/RunbookProcess-Runbooks-999/runbookSnapshotTemplate",
                     "/api/Spaces-1/runbooks/Runbooks-999/runbookSnapshotTemplate",
                     "/api/Spaces-2/runbooks/\(restart["Id"]?.stringValue ?? "")/runbookSnapshotTemplate"] {
            XCTAssertEqual(harness.get(path, status: 404)["ErrorMessage"]?.stringValue, OctopusFailure.notFoundMessage, path)
        }
        let processes = harness.get("/api/Spaces-1/runbookProcesses")
        XCTAssertEqual(processes["ItemType"], "RunbookProcess")
        XCTAssertEqual(processes["TotalResults"], 4)
        let platform = harness.get("/api/Spaces-2/runbookProcesses")["Items"]?.arrayValue ?? []
        XCTAssertEqual(platform.count, 1)
        XCTAssertEqual(platform.first?["SpaceId"], "Spaces-2")
        XCTAssertEqual(platform.first?["Steps"]?.arrayValue?.first?["Actions"]?.arrayValue?.first?["Packages"]?.arrayValue?.first?["PackageId"],
                       "DataPipeline")
    }
}
