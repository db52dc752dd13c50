// Tasks on the fake clock: lifecycle, logs, the failure and intervention rules, cancel, health.

import XCTest
@testable import RoveSimulator

final class OctopusTaskTests: XCTestCase {
    let harness = OctopusHarness(taskSeconds: 10)

    /// Creates a release of `project` and deploys it to `environment`; returns the deployment.
    func deploy(_ project: String, to environment: String) -> JSONValue {
        let projectId = harness.id(of: project, in: "projects")
        let environmentId = harness.id(of: environment, in: "environments")
        let release = harness.json("POST", "/api/Spaces-1/releases", body: #"{"ProjectId":"\#(projectId)","Version":"7.0.0"}"#, status: 201)
        return harness.json("POST", "/api/Spaces-1/deployments",
                            body: #"{"ReleaseId":"\#(release["Id"]!.stringValue!)","EnvironmentId":"\#(environmentId)"}"#, status: 201)
    }

    func task(_ id: String) -> JSONValue { harness.get("/api/tasks/\(id)") }

    func testADeploymentMovesQueuedExecutingSuccess() throws {
        let deployment = deploy("Web", to: "Staging")
        let taskId = deployment["TaskId"]?.stringValue ?? ""
        XCTAssertEqual(deployment["Links"]?["Task"], .string("/api/tasks/\(taskId)"))
        XCTAssertEqual(task(taskId)["State"], "Queued")
        XCTAssertEqual(task(taskId)["IsCompleted"], false)
        harness.clock.advance(3)
        XCTAssertEqual(task(taskId)["State"], "Executing")
        let partial = String(decoding: harness.send("GET", "/api/tasks/\(taskId)/raw").body, as: UTF8.self)
        harness.clock.advance(10)
        let done = task(taskId)
        XCTAssertEqual(done["State"], "Success")
        XCTAssertEqual(done["IsCompleted"], true)
        XCTAssertEqual(done["FinishedSuccessfully"], true)
        XCTAssertEqual(done["ErrorMessage"], "")
        XCTAssertEqual(done["Duration"], "9 seconds")
        XCTAssertNotNil(done["CompletedTime"]?.stringValue)
        XCTAssertNotNil(done["Completed"]?.stringValue)
        let rawResponse = harness.send("GET", "/api/Spaces-1/tasks/\(taskId)/raw")
        XCTAssertEqual(rawResponse.headers.first?.value.hasPrefix("text/plain"), true)
        let raw = String(decoding: rawResponse.body, as: UTF8.self)
        XCTAssertGreaterThan(raw.count, partial.count, "the log grows as the task runs")
        XCTAssertTrue(raw.contains("   Info     |     Deploying package…"), raw)
        XCTAssertTrue(raw.contains("Deployment completed successfully"))
        let details = harness.get("/api/tasks/\(taskId)/details")
        XCTAssertEqual(details["Task"]?["Id"], .string(taskId))
        XCTAssertEqual(details["Progress"]?["ProgressPercentage"], 100)
        XCTAssertEqual(details["ActivityLogs"]?.arrayValue?.first?["Children"]?.arrayValue?.count, 2)
        XCTAssertEqual(details["ActivityLogs"]?.arrayValue?.first?["Status"], "Success")
    }

    func testFlakyServiceFailsInProduction() {
        let taskId = deploy("Flaky Service", to: "Production")["TaskId"]?.stringValue ?? ""
        harness.clock.advance(60)
        let failed = task(taskId)
        XCTAssertEqual(failed["State"], "Failed")
        XCTAssertEqual(failed["IsCompleted"], true)
        XCTAssertEqual(failed["FinishedSuccessfully"], false)
        XCTAssertNotEqual(failed["ErrorMessage"], "")
        let raw = String(decoding: harness.send("GET", "/api/tasks/\(taskId)/raw").body, as: UTF8.self)
        XCTAssertTrue(raw.contains("Fatal"), raw)
        XCTAssertFalse(raw.contains("Smoke test"), "steps after the failure never run")
    }

    func testCancelEndsARunningTask() {
        let taskId = deploy("Web", to: "Development")["TaskId"]?.stringValue ?? ""
        harness.clock.advance(4)
        let canceled = harness.json("POST", "/api/Spaces-1/tasks/\(taskId)/cancel")
        XCTAssertEqual(canceled["State"], "Canceled")
        harness.clock.advance(60)
        XCTAssertEqual(task(taskId)["State"], "Canceled")
        XCTAssertEqual(task(taskId)["IsCompleted"], true)
    }

    func pausedPaymentsDeployment() -> (taskId: String, interruptionId: String) {
        let deployment = deploy("Payments", to: "Production")
        let taskId = deployment["TaskId"]?.stringValue ?? ""
        XCTAssertEqual(harness.get("/api/Spaces-1/interruptions?regarding=\(taskId)")["TotalResults"], 0, "not reached yet")
        harness.clock.advance(100)
        let paused = task(taskId)
        XCTAssertEqual(paused["State"], "Executing")
        XCTAssertEqual(paused["HasPendingInterruptions"], true)
        XCTAssertEqual(harness.get("/api/tasks?hasPendingInterruptions=true")["TotalResults"], 1)
        let list = harness.get("/api/Spaces-1/interruptions?regarding=\(deployment["Id"]!.stringValue!)&pendingOnly=true")
        XCTAssertEqual(list["TotalResults"], 1)
        let interruption = list["Items"]?.arrayValue?.first
        XCTAssertEqual(interruption?["IsPending"], true)
        XCTAssertNotNil(interruption?["Links"]?["Submit"])
        return (taskId, interruption?["Id"]?.stringValue ?? "")
    }

    func testPaymentsWaitsForInterventionAndProceeds() {
        let (taskId, interruptionId) = pausedPaymentsDeployment()
        let early = harness.json("POST", "/api/Spaces-1/interruptions/\(interruptionId)/submit", body: #"{"Result":"Proceed"}"#, status: 400)
        XCTAssertEqual(early["Errors"]?.stringArray.first?.contains("responsibility"), true)
        XCTAssertEqual(harness.json("PUT", "/api/Spaces-1/interruptions/\(interruptionId)/responsible")["Id"], "Users-1")
        let submitted = harness.json("POST", "/api/Spaces-1/interruptions/\(interruptionId)/submit",
                                     body: #"{"Instructions":null,"Notes":"ok","Result":"Proceed"}"#)
        XCTAssertEqual(submitted["IsPending"], false)
        XCTAssertEqual(task(taskId)["HasPendingInterruptions"], false)
        XCTAssertEqual(task(taskId)["State"], "Executing")
        harness.clock.advance(10)
        XCTAssertEqual(task(taskId)["State"], "Success")
    }

    func testPaymentsAbortFailsTheDeployment() {
        let (taskId, interruptionId) = pausedPaymentsDeployment()
        _ = harness.json("PUT", "/api/interruptions/\(interruptionId)/responsible")
        _ = harness.json("POST", "/api/interruptions/\(interruptionId)/submit", body: #"{"Result":"Abort"}"#)
        let failed = task(taskId)
        XCTAssertEqual(failed["State"], "Failed")
        XCTAssertEqual(failed["FinishedSuccessfully"], false)
        harness.clock.advance(60)
        XCTAssertEqual(task(taskId)["State"], "Failed")
    }

    func testHealthCheckCompletesAndUpdatesMachines() {
        let development = harness.id(of: "Development", in: "environments")
        let created = harness.json("POST", "/api/Spaces-1/tasks",
                                   body: #"{"Name":"Health","Description":"Check","SpaceId":"Spaces-1","Arguments":{"Timeout":"00:05:00","EnvironmentId":"\#(development)","MachineIds":[]}}"#,
                                   status: 201)
        XCTAssertEqual(created["Name"], "Health")
        harness.clock.advance(30)
        XCTAssertEqual(task(created["Id"]!.stringValue!)["State"], "Success")
        let machines = harness.get("/api/Spaces-1/environments/\(development)/machines")["Items"]?.arrayValue ?? []
        XCTAssertTrue(machines.allSatisfy { $0["HealthStatus"] == "Healthy" || $0["HealthStatus"] == "Unavailable" })
        XCTAssertEqual(harness.json("POST", "/api/tasks", body: #"{"Name":"Nope"}"#, status: 400)["ErrorMessage"],
                       "There was a problem with your request.")
    }

    func testExecutionsAPICreatesReleasesDeploymentsAndRunbookRuns() {
        let release = harness.json("POST", "/api/Spaces-1/releases/create/v1",
                                   body: #"{"spaceIdOrName":"Spaces-1","projectName":"web","releaseVersion":"3.0.0"}"#)
        XCTAssertEqual(release["ReleaseVersion"], "3.0.0")
        XCTAssertNotNil(release["ReleaseId"]?.stringValue)
        let deployments = harness.json("POST", "/api/Spaces-1/deployments/create/untenanted/v1",
                                       body: #"{"spaceIdOrName":"Default","projectName":"Web","releaseVersion":"3.0.0","environmentNames":["Development","Test"]}"#)
        let created = deployments["DeploymentServerTasks"]?.arrayValue ?? []
        XCTAssertEqual(created.count, 2)
        XCTAssertEqual(created.first?["ServerTaskId"]?.stringValue?.hasPrefix("ServerTasks-"), true)
        let tenanted = harness.json("POST", "/api/Spaces-1/deployments/create/tenanted/v1",
                                    body: #"{"spaceIdOrName":"Spaces-1","projectName":"Web","releaseVersion":"3.0.0","environmentName":"Staging","tenants":["Acme Corp","Globex"]}"#)
        XCTAssertEqual(tenanted["DeploymentServerTasks"]?.arrayValue?.count, 2)
        let runs = harness.json("POST", "/api/Spaces-1/runbook-runs/create/v1",
                                body: #"{"spaceIdOrName":"Spaces-1","projectName":"Web","runbookName":"Restart Service","environmentNames":["Production"]}"#)
        XCTAssertEqual(runs["RunbookRunServerTasks"]?.arrayValue?.count, 1)
        let missing = harness.json("POST", "/api/Spaces-1/releases/create/v1", body: #"{"projectName":"Web"}"#, status: 400)
        XCTAssertEqual(missing["Errors"]?.stringArray, ["SpaceIdOrName must be specified"])
        _ = harness.json("POST", "/api/Spaces-1/deployments/create/untenanted/v1",
                         body: #"{"spaceIdOrName":"Spaces-1","projectName":"Web","releaseVersion":"404.0","environmentNames":["Test"]}"#, status: 400)
    }

    func testRunbookRunsThroughTheResourceAPI() {
        let runbook = harness.get("/api/Spaces-1/runbooks/all").arrayValue?.first { $0["Name"] == "Purge CDN Cache" }
        let production = harness.id(of: "Production", in: "environments")
        let run = harness.json("POST", "/api/Spaces-1/runbookRuns",
                               body: #"{"RunbookId":"\#(runbook?["Id"]?.stringValue ?? "")","EnvironmentId":"\#(production)"}"#, status: 201)
        XCTAssertEqual(run["RunbookSnapshotId"], runbook?["PublishedRunbookSnapshotId"])
        harness.clock.advance(60)
        XCTAssertEqual(task(run["TaskId"]?.stringValue ?? "")["State"], "Failed", "Purge CDN Cache always fails")
    }
}

final class OctopusEventTests: XCTestCase {
    func testEventsFollowADeploymentThroughItsTask() {
        let harness = OctopusHarness(taskSeconds: 10)
        let all = harness.get("/api/events")
        XCTAssertEqual(all["ItemType"], "Event")
        XCTAssertGreaterThan(all["TotalResults"]?.intValue ?? 0, 100)
        let web = harness.id(of: "Web", in: "projects")
        let development = harness.id(of: "Development", in: "environments")
        let release = harness.json("POST", "/api/Spaces-1/releases", body: #"{"ProjectId":"\#(web)","Version":"8.0.0"}"#, status: 201)
        let deployment = harness.json("POST", "/api/Spaces-1/deployments",
                                      body: #"{"ReleaseId":"\#(release["Id"]!.stringValue!)","EnvironmentId":"\#(development)"}"#, status: 201)
        let regarding = "/api/Spaces-1/events?regarding=\(deployment["Id"]!.stringValue!)"
        XCTAssertEqual(harness.get(regarding)["Items"]?.arrayValue?.compactMap { $0["Category"]?.stringValue }, ["DeploymentQueued"])
        harness.clock.advance(20)
        let categories = harness.get(regarding)["Items"]?.arrayValue?.compactMap { $0["Category"]?.stringValue }
        XCTAssertEqual(categories, ["DeploymentSucceeded", "DeploymentStarted", "DeploymentQueued"])
        let first = harness.get(regarding)["Items"]!.arrayValue![0]
        XCTAssertEqual(harness.get(first["Links"]!["Self"]!.stringValue!)["Id"], first["Id"])
    }
}
