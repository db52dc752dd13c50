// Every example in examples/octopus, run by the built `rove` against a fresh simulator, its effect checked there.

import Foundation
import RoveHTTP
import RoveTestSupport
import XCTest

/// Each test starts its own `rove-sim` (tasks take half a second), runs one example file with the
/// simulator's environment, and checks the output, the exit status and what changed on the
/// server: by a follow-up `rove -e` query or by the simulator's request log (`/_sim/requests`).
final class ExamplesTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = try temporaryFolder(prefix: "rove-examples-tests")
    }

    // MARK: Releases and deployments

    func testCreateAndDeployReleaseCreatesOneReleaseAndDeploysIt() throws {
        let sim = try startSimulator()
        let run = try runExample("create-and-deploy-release", ["Web", "Development"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Created Web 1.4.5\nDeployed Web 1.4.5 to Development\n")
        XCTAssertEqual(try posts(endingWith: "/releases", on: sim), 1)
        XCTAssertEqual(try posts(endingWith: "/deployments", on: sim), 1)
        XCTAssertEqual(try query("let d = octopus.Deployments.first; print(d.Release.Version, d.Environment.Name, d.Task.State)", on: sim),
                       "1.4.5 Development Success")
    }

    func testCreateAndDeployReleaseTakesAnExplicitVersion() throws {
        let sim = try startSimulator()
        let run = try runExample("create-and-deploy-release", ["Payments", "Test", "7.0.0"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Created Payments 7.0.0\nDeployed Payments 7.0.0 to Test\n")
        XCTAssertEqual(try query(#"print(octopus.Projects.find(name: "Payments").Releases.first.Version)"#, on: sim), "7.0.0")
    }

    func testCreateAndDeployReleaseOfAnUnknownProjectFailsBeforeWriting() throws {
        let sim = try startSimulator()
        let run = try runExample("create-and-deploy-release", ["Nope"], on: sim)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("no project named 'Nope'; there are: Web, Web API"), run.errors)
        XCTAssertEqual(try requests(on: sim).filter { $0.method != "GET" }.count, 0)
    }

    func testDeployReleaseDeploysTheNamedVersion() throws {
        let sim = try startSimulator()
        let run = try runExample("deploy-release", ["Web", "Staging", "1.2.3"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Deployed Web 1.2.3 to Staging\n")
        XCTAssertEqual(try posts(endingWith: "/deployments", on: sim), 1)
        XCTAssertEqual(try query("let d = octopus.Deployments.first; print(d.Release.Version, d.Environment.Name, d.Task.State)", on: sim),
                       "1.2.3 Staging Success")
    }

    func testDeployReleaseOfAnUnknownVersionOrEnvironmentExitsWith1() throws {
        let sim = try startSimulator()
        let version = try runExample("deploy-release", ["Web", "Staging", "9.9.9"], on: sim)
        XCTAssertEqual(version.status, 1)
        XCTAssertTrue(version.errors.contains("Web has no release '9.9.9'"), version.errors)
        let environment = try runExample("deploy-release", ["Web", "Prod"], on: sim)
        XCTAssertEqual(environment.status, 1)
        XCTAssertTrue(environment.errors.contains("no environment named 'Prod'; there are: Development, Test, Staging, Production"),
                      environment.errors)
        XCTAssertEqual(try posts(endingWith: "/deployments", on: sim), 0)
    }

    func testDeleteProjectReleasesDeletesEveryPage() throws {
        let sim = try startSimulator()
        let run = try runExample("delete-project-releases", ["Web"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Deleted 45 releases of Web\n")
        XCTAssertEqual(try requests(on: sim).filter { $0.method == "DELETE" }.count, 45)
        XCTAssertEqual(try query(#"print(octopus.Projects.find(name: "Web").Releases.count)"#, on: sim), "0")
        XCTAssertNotEqual(try query(#"print(octopus.Projects.find(name: "Web API").Releases.count)"#, on: sim), "0")
    }

    func testPromoteMissingReleasesPromotesEachOnceAndThenNothing() throws {
        let sim = try startSimulator()
        let first = try runExample("promote-missing-releases", [], on: sim)
        XCTAssertEqual(first.status, 0, first.errors)
        let promoted = first.lines.filter { $0.hasPrefix("Promoting ") && $0.hasSuffix(" from Test to Staging") }
        XCTAssertFalse(promoted.isEmpty, first.output)
        XCTAssertEqual(first.lines.last, "Promoted \(promoted.count) releases")
        XCTAssertEqual(try posts(endingWith: "/deployments", on: sim), promoted.count)

        try clearRequests(on: sim)
        let second = try runExample("promote-missing-releases", [], on: sim)
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertEqual(second.output, "Promoted 0 releases\n")
        XCTAssertEqual(try posts(endingWith: "/deployments", on: sim), 0)
    }

    func testLatestDeploymentsShowsANewDeploymentForItsProjectAndEnvironment() throws {
        let sim = try startSimulator()
        _ = try query(#"import "std/octopus.rove"; deploy("Web", version: "1.2.3", to: "Test")"#, on: sim)
        let run = try runExample("latest-deployments", [], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.lines.contains { $0.hasPrefix("Web | Test | 1.2.3 | Success | ") }, run.output)
        XCTAssertTrue(run.lines.contains { $0.hasPrefix("Identity | Development | ") }, run.output)
        XCTAssertTrue(run.lines.allSatisfy { $0.components(separatedBy: " | ").count == 5 }, run.output)
    }

    func testCancelQueuedDeploymentsCancelsOnlyQueuedDeployments() throws {
        // Tasks stay Queued for the first tenth of --task-seconds, here a minute.
        let sim = try startSimulator(taskSeconds: 600)
        let ids = try query(#"""
            import "std/octopus.rove"
            let deployments = deploy("Web", to: ["Development", "Test"], wait: false)
            let env = octopus.Environments.find(name: "Test")
            let health = octopus.Tasks.create({Name: "Health", Description: "Check", Arguments: {EnvironmentId: env.Id}})
            print(deployments.map { $0.TaskId }.join(","), health.Id)
            """#, on: sim).split(separator: " ").map(String.init)
        let run = try runExample("cancel-queued-deployments", [], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.lines.last, "Canceled 2 queued deployments")
        XCTAssertEqual(try query("print(octopus.Tasks(ids: \"\(ids[0])\".split(\",\")).all.map { $0.State }.unique())", on: sim),
                       #"["Canceled"]"#)
        XCTAssertEqual(try query("print(octopus.Tasks.get(\"\(ids[1])\").State)", on: sim), "Queued")
    }

    func testCancelQueuedDeploymentsLeavesOtherSpacesAlone() throws {
        let sim = try startSimulator(taskSeconds: 600)
        let task = try query(#"import "std/octopus.rove"; print(deploy("Web", to: "Test", wait: false).TaskId)"#, on: sim)
        let run = try runExample("cancel-queued-deployments", [], on: sim, space: "Platform Team")
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Canceled 0 queued deployments\n")
        XCTAssertEqual(try query("print(octopus.Tasks.get(\"\(task)\").State)", on: sim), "Queued")
    }

    // MARK: Runbooks, tasks and logs

    func testRunRunbookRunsThePublishedSnapshot() throws {
        let sim = try startSimulator()
        let run = try runExample("run-runbook", ["Web", "Restart Service", "Staging", "Production"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Ran Restart Service in Staging: Success\nRan Restart Service in Production: Success\n")
        XCTAssertEqual(try posts(endingWith: "/runbookRuns", on: sim), 2)
    }

    func testRunRunbookReportsAFailedRunAndAnUnknownRunbook() throws {
        let sim = try startSimulator()
        let failed = try runExample("run-runbook", ["Web API", "Purge CDN Cache", "Production"], on: sim)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.errors.contains("Run Purge CDN Cache in Production: ServerTasks-"), failed.errors)
        let unknown = try runExample("run-runbook", ["Web", "Nope"], on: sim)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.errors.contains("no Web runbook named 'Nope'; there are: Restart Service, Rotate Logs"), unknown.errors)
    }

    /// The vendor's "publish a runbook snapshot" script: pins each package to the feed's newest
    /// version and publishes, so the runbook's runs use it.
    func testPublishRunbookSnapshotPinsTheNewestPackagesAndPublishes() throws {
        let sim = try startSimulator()
        let run = try runExample("publish-runbook-snapshot", ["Web", "Restart Service"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Published Snapshot 2 of Restart Service: Start service 1.4.4\n")
        XCTAssertEqual(try requests(on: sim).filter { $0.method == "POST" }.map { "\($0.path)?\($0.query ?? "")" },
                       ["/api/Spaces-1/runbookSnapshots?publish=true"])
        XCTAssertEqual(try query(#"""
            let rb = octopus.Projects.find(name: "Web").Runbooks.find(name: "Restart Service")
            let s = octopus.RunbookSnapshots.get(rb.PublishedRunbookSnapshotId)
            print(s.Name, s.SelectedPackages.map { $0.Version })
            """#, on: sim), #"Snapshot 2 ["1.4.4"]"#)
        let unknown = try runExample("publish-runbook-snapshot", ["Web", "Nope"], on: sim)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.errors.contains("Web has no runbook named 'Nope'"), unknown.errors)
    }

    func testSearchTaskLogsFindsTheFailedStep() throws {
        let sim = try startSimulator()
        _ = try query(#"import "std/octopus.rove"; try { deploy("Flaky Service", to: "Production") } catch e { }"#, on: sim)
        let run = try runExample("search-task-logs", ["exit code 1", "1"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.lines.count, 2, run.output)
        XCTAssertTrue(run.lines[0].contains("Deploy Flaky Service release"), run.output)
        XCTAssertTrue(run.lines[0].hasSuffix("The step failed: the script returned exit code 1"), run.output)
        XCTAssertEqual(run.lines[1], "1 lines mention 'exit code 1'")
        XCTAssertEqual(try requests(on: sim).filter { $0.path.hasSuffix("/raw") }.count, 1)
    }

    func testRunHealthCheckLeavesEveryReachableTargetHealthy() throws {
        let sim = try startSimulator()
        let run = try runExample("run-health-check", ["Production"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.lines.first?.hasSuffix("finished: Success") ?? false, run.output)
        XCTAssertEqual(run.lines.dropFirst().map { $0.components(separatedBy: "  ")[0] },
                       ["prod-web-01", "prod-web-02", "prod-db-01", "prod-worker-01", "prod-app-01"])
        XCTAssertEqual(try posts(endingWith: "/tasks", on: sim), 1)
        let health = try query(#"print(octopus.Environments.find(name: "Production").Machines.all.map { $0.HealthStatus }.unique().sort())"#, on: sim)
        XCTAssertTrue(health == #"["Healthy"]"# || health == #"["Healthy", "Unavailable"]"#, health)
    }

    func testRunHealthCheckRunsInTheSelectedSpace() throws {
        let sim = try startSimulator()
        let run = try runExample("run-health-check", ["Production"], on: sim, space: "Platform Team")
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.lines.first?.hasSuffix("finished: Success") ?? false, run.output)
        let space = try query(#"print(octopus.Tasks(name: "Health").first.SpaceId)"#, on: sim)
        XCTAssertEqual(space, "Spaces-2")
    }

    func testApproveManualInterventionLetsThePausedDeploymentFinish() throws {
        let sim = try startSimulator()
        let task = try startPausedPaymentsDeployment(on: sim)
        let run = try runExample("approve-manual-intervention", ["Proceed", "Payments"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Proceed: Deploy Payments release 1.0.7 to Production (Manual intervention: Approve production release)\n"
                       + "1 interventions answered\n")
        XCTAssertEqual(try query("print(octopus.Tasks.get(\"\(task)\").wait().State)", on: sim), "Success")
    }

    func testAbortManualInterventionFailsThePausedDeployment() throws {
        let sim = try startSimulator()
        let task = try startPausedPaymentsDeployment(on: sim)
        let run = try runExample("approve-manual-intervention", ["Abort"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.lines.last, "1 interventions answered")
        XCTAssertEqual(try query("let t = octopus.Tasks.get(\"\(task)\"); try { t.wait() } catch e { }; print(t.State)", on: sim), "Failed")
        let again = try runExample("approve-manual-intervention", ["Abort"], on: sim)
        XCTAssertEqual(again.output, "0 interventions answered\n")
    }

    func testApproveManualInterventionRejectsAnUnknownAnswer() throws {
        let sim = try startSimulator()
        let run = try runExample("approve-manual-intervention", ["Maybe"], on: sim)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("the answer is Proceed or Abort, not 'Maybe'"), run.errors)
    }

    /// Deploys Payments to Production, which pauses for approval, and returns its task id once it waits.
    private func startPausedPaymentsDeployment(on sim: SimulatorProcess) throws -> String {
        try query(#"""
            import "std/octopus.rove"
            let task = deploy("Payments", to: "Production", wait: false).Task
            while !task.reload().HasPendingInterruptions { sleep(0.05) }
            print(task.Id)
            """#, on: sim)
    }

    // MARK: Targets and variables

    func testDeleteTargetsByRoleDeletesEachMatchingTarget() throws {
        let sim = try startSimulator()
        let run = try runExample("delete-targets-by-role", ["worker"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Deleted prod-worker-01\nDeleted prod-app-01\nDeleted 2 targets with role worker\n")
        XCTAssertEqual(try requests(on: sim).filter { $0.method == "DELETE" }.count, 2)
        XCTAssertEqual(try query(#"print(octopus.Machines(roles: "worker").count)"#, on: sim), "0")
    }

    func testMachinesWithRoleListsTheEnvironmentsTargetsWithThatRole() throws {
        let sim = try startSimulator()
        let run = try runExample("machines-with-role", ["Production", "web-server"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.lines.map { $0.components(separatedBy: "  ")[0] }, ["prod-web-01", "prod-web-02", "prod-app-01"])
    }

    func testFindUnusedTargetsSkipsTargetsOfARecentDeployment() throws {
        let sim = try startSimulator()
        _ = try query(#"import "std/octopus.rove"; deploy("Web", to: "Development")"#, on: sim)
        // The demo's history ends on 2026-01-01, so only today's deployment is within a day.
        let run = try runExample("find-unused-targets", ["1"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        let names = run.lines.dropLast().map { $0.components(separatedBy: "  ")[0] }
        XCTAssertFalse(names.contains { $0.hasPrefix("dev-") }, run.output)
        XCTAssertTrue(names.contains("prod-web-01"), run.output)
        let expected = try query(#"print(octopus.Machines.count - octopus.Environments.find(name: "Development").Machines.count)"#, on: sim)
        XCTAssertEqual(run.lines.last, "\(expected) targets unused for 1 days")
    }

    func testSetProjectVariableChangesAnExistingVariableThenAddsANewOne() throws {
        let sim = try startSimulator()
        let variables = #"octopus.Projects.find(name: "Web").Variables.Variables"#
        let countBefore = try query("print(\(variables).count)", on: sim)
        try clearRequests(on: sim)
        let changed = try runExample("set-project-variable", ["Web", "LogLevel", "Debug"], on: sim)
        XCTAssertEqual(changed.status, 0, changed.errors)
        XCTAssertTrue(changed.output.hasPrefix("Changed LogLevel = Debug in Web"), changed.output)
        let added = try runExample("set-project-variable", ["Web", "Feature.Flag", "on"], on: sim)
        XCTAssertEqual(added.status, 0, added.errors)
        XCTAssertTrue(added.output.hasPrefix("Added Feature.Flag = on in Web"), added.output)
        XCTAssertEqual(try requests(on: sim).filter { $0.method == "PUT" }.count, 2)
        XCTAssertEqual(try query("print(\(variables).where { $0.Name == \"LogLevel\" }.map { $0.Value })", on: sim), #"["Debug"]"#)
        XCTAssertEqual(try query("print(\(variables).find { $0.Name == \"Feature.Flag\" }.Value)", on: sim), "on")
        XCTAssertEqual(try query("print(\(variables).count)", on: sim), String(Int(countBefore)! + 1))
    }

    // MARK: Teams

    /// The vendor's "add users to a team" script: creates the team in the space with its
    /// members, then adds only the members it lacks.
    func testAddTeamMembersCreatesTheTeamThenAddsOnlyNewMembers() throws {
        let sim = try startSimulator()
        let created = try runExample("add-team-members", ["Release Managers", "jane.smith", "alex.kim"], on: sim)
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertEqual(created.output, "Created Release Managers with 2 members\n")
        let added = try runExample("add-team-members", ["Release Managers", "jane.smith", "sam.patel"], on: sim)
        XCTAssertEqual(added.output, "Added 1 members to Release Managers\n")
        let team = #"let t = octopus.Teams(spaces: "Spaces-1").find(name: "Release Managers"); print(t.SpaceId, t.MemberUserIds)"#
        XCTAssertEqual(try query(team, on: sim), #"Spaces-1 ["Users-2", "Users-4", "Users-3"]"#)
        XCTAssertEqual(try requests(on: sim).filter { $0.method != "GET" }.map(\.method), ["POST", "PUT"])
        let unknown = try runExample("add-team-members", ["Developers", "nobody"], on: sim)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.errors.contains("no user 'nobody'; there are: alex.kim, deploy-bot"), unknown.errors)
    }

    // MARK: The helpers themselves

    func testPromoteDeploysTheLatestSuccessfulReleaseOfTheSourceEnvironment() throws {
        let sim = try startSimulator()
        let output = try query(#"""
            import "std/octopus.rove"
            deploy("Web", version: "1.3.0", to: "Test")
            print(promote("Web", from: "Test", to: "Staging").Release.Version)
            """#, on: sim)
        XCTAssertEqual(output, "1.3.0")
    }

    func testDeployTakesAProjectWithoutAVersionAsItsNewestRelease() throws {
        let sim = try startSimulator()
        let output = try query(#"""
            import "std/octopus.rove"
            let web = octopus.Projects.find(name: "Web")
            print(deploy(web, to: "Test", tenant: "Acme Corp").Release.Version, deploy(web, version: "1.0.0", to: "Test").Release.Version)
            """#, on: sim)
        XCTAssertEqual(output, "1.4.4 1.0.0")
    }

    func testWaitAllNamesEveryFailedTask() throws {
        let sim = try startSimulator()
        let output = try query(#"""
            import "std/octopus.rove"
            let flaky = deploy("Flaky Service", to: "Production", wait: false)
            let web = deploy("Web", to: "Development", wait: false)
            try { waitAll([flaky, web]) } catch e { print(e.message) }
            """#, on: sim)
        XCTAssertTrue(output.hasPrefix("Deploy Flaky Service release "), output)
        XCTAssertTrue(output.contains(" to Production: ServerTasks-"), output)
        XCTAssertFalse(output.contains("Web"), output)
    }

    // MARK: Running rove

    private var runner: ExampleRunner { ExampleRunner(home: home, examples: "examples/octopus") }

    private func startSimulator(taskSeconds: Double = 0.5) throws -> SimulatorProcess {
        try SimulatorProcess(arguments: ["--task-seconds", String(taskSeconds)])
    }

    private func runExample(_ name: String, _ arguments: [String], on sim: SimulatorProcess,
                            space: String? = nil) throws -> ExampleRunner.Run {
        try runner.example(name, arguments, on: sim, environment: space.map { ["OCTOPUS_SPACE": $0] } ?? [:])
    }

    private func query(_ program: String, on sim: SimulatorProcess, line: UInt = #line) throws -> String {
        try runner.query(program, on: sim, line: line)
    }

    // MARK: The simulator's request log

    private func requests(on sim: SimulatorProcess) throws -> [SimulatorProcess.LoggedRequest] {
        try sim.octopusRequests()
    }

    /// How many POSTs went to a path ending in `suffix` (`/releases` matches `/api/Spaces-1/releases`).
    private func posts(endingWith suffix: String, on sim: SimulatorProcess) throws -> Int {
        try requests(on: sim).filter { $0.method == "POST" && $0.path.lowercased().hasSuffix(suffix.lowercased()) }.count
    }

    private func clearRequests(on sim: SimulatorProcess) throws {
        try sim.clearOctopusRequests()
    }
}
