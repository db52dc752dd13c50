// Every example in examples/deployhq, run by the built `rove` against a fresh simulator, its effect checked there.

import Foundation
import RoveTestSupport
import XCTest

/// Each test starts its own `rove-sim` (deployments take 0.4 s), runs one example file with the
/// simulator's environment, and checks the output, the exit status and what changed in the
/// account: by a follow-up `rove -e` query or by the simulator's request log. Every DeployHQ
/// request a test saw must be an operation of the vendor's OpenAPI file.
final class DeployHQExamplesTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = try temporaryFolder(prefix: "rove-deployhq-examples")
    }

    // MARK: Deploying

    func testDeployLatestDeploysTheBranchTipToTheServerAndWaits() throws {
        let sim = try startSimulator()
        let tip = try query(#"print(deployhq.projects.get("web").repository.branches.main)"#, on: sim)
        try clearRequests(on: sim)
        let run = try runExample("deploy-latest", ["Web", "Production"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Deploying Web main \(tip.prefix(7)) to Production\nDeployed: completed\n")
        XCTAssertEqual(try posts(to: "/projects/web/deployments", on: sim), 1)
        XCTAssertEqual(try query(#"""
            let web = deployhq.projects.get("web")
            let d = web.deployments.first
            print(d.status, d.servers.map { $0.name }, d.end_revision.ref == web.repository.branches.main,
                  web.servers.find(name: "Production").last_revision == d.end_revision.ref)
            """#, on: sim), #"completed ["Production"] true true"#)
        try assertWithinTheOpenAPI(sim)
    }

    func testDeployLatestToAFailingServerExitsWith1AndTheDeploymentFailed() throws {
        let sim = try startSimulator()
        let run = try runExample("deploy-latest", ["Flaky Service", "Flaky Box"], on: sim)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("failed at Transferring files to server"), run.errors)
        XCTAssertEqual(try posts(to: "/projects/flaky-service/deployments", on: sim), 1)
        XCTAssertEqual(try query(#"print(deployhq.projects.get("flaky-service").deployments.first.status)"#, on: sim), "failed")
        try assertWithinTheOpenAPI(sim)
    }

    func testDeployLatestOfAnUnknownProjectOrServerWritesNothing() throws {
        let sim = try startSimulator()
        let project = try runExample("deploy-latest", ["Nope"], on: sim)
        XCTAssertEqual(project.status, 1)
        XCTAssertTrue(project.errors.contains("no DeployHQ project named 'Nope'; there are: API, Docs, Flaky Service, Marketing Site, Web"),
                      project.errors)
        let server = try runExample("deploy-latest", ["Web", "Prod"], on: sim)
        XCTAssertEqual(server.status, 1)
        XCTAssertTrue(server.errors.contains("Web has no server or server group named 'Prod'"), server.errors)
        XCTAssertEqual(try writes(on: sim), 0)
        try assertWithinTheOpenAPI(sim)
    }

    func testDeployToGroupDeploysEveryServerOfTheGroupInOneDeployment() throws {
        let sim = try startSimulator()
        let tip = try query(#"print(deployhq.projects.get("web").repository.branches.main)"#, on: sim)
        try clearRequests(on: sim)
        let run = try runExample("deploy-to-group", ["Web", "web cluster"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Deployed Web \(tip.prefix(7)) to Web Cluster: Web Node 1, Web Node 2\n")
        XCTAssertEqual(try posts(to: "/projects/web/deployments", on: sim), 1)
        XCTAssertEqual(try query(#"""
            let web = deployhq.projects.get("web")
            print(web.deployments.first.status, web.servers.where { $0.last_revision == web.repository.branches.main }.map { $0.name })
            """#, on: sim), #"completed ["Web Node 1", "Web Node 2"]"#)
        try assertWithinTheOpenAPI(sim)
    }

    func testDeployToAnUnknownGroupNamesTheGroupsThereAre() throws {
        let sim = try startSimulator()
        let run = try runExample("deploy-to-group", ["Web", "Production"], on: sim)   // a server, not a group
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("Web has no server group named 'Production'; it has: Web Cluster"), run.errors)
        XCTAssertEqual(try writes(on: sim), 0)
        try assertWithinTheOpenAPI(sim)
    }

    func testPreviewThenDeployDeploysThePreviewedRevisionsAndThenNothing() throws {
        let sim = try startSimulator()
        let before = try query(#"print(deployhq.projects.get("web").servers.find(name: "Staging").last_revision)"#, on: sim)
        try clearRequests(on: sim)
        let first = try runExample("preview-then-deploy", ["Web", "Staging"], on: sim)
        XCTAssertEqual(first.status, 0, first.errors)
        XCTAssertTrue(first.lines.contains { $0.hasPrefix("updating_repository: Comparing \(before.prefix(7)) with ") }, first.output)
        XCTAssertTrue(first.lines.last?.hasPrefix("Deployed Web \(before.prefix(7))..") ?? false, first.output)
        XCTAssertTrue(first.lines.last?.hasSuffix(" to Staging: completed") ?? false, first.output)
        XCTAssertEqual(try posts(to: "/projects/web/deployments", on: sim), 2)     // the preview and the deployment
        XCTAssertEqual(try query(#"""
            let web = deployhq.projects.get("web")
            let d = web.deployments.first              # previews are not listed
            print(d.status, d.start_revision.ref, d.end_revision.ref == web.repository.branches.main)
            """#, on: sim), "completed \(before) true")

        try clearRequests(on: sim)
        let second = try runExample("preview-then-deploy", ["Web", "Staging"], on: sim)
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertTrue(second.lines.last?.hasSuffix("; nothing to deploy") ?? false, second.output)
        XCTAssertEqual(try posts(to: "/projects/web/deployments", on: sim), 1)     // the preview only
        try assertWithinTheOpenAPI(sim)
    }

    func testRollbackLastDeploymentReturnsTheServerToItsPreviousRevision() throws {
        let sim = try startSimulator()
        let last = #"deployhq.projects.get("web").deployments.find { d in d.servers.any { $0.name == "Production" } }"#
        let start = try query("print(\(last).start_revision.ref)", on: sim)
        try clearRequests(on: sim)
        let run = try runExample("rollback-last-deployment", ["Web", "Production"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.lines.first?.hasSuffix(" to \(start.prefix(7))") ?? false, run.output)
        XCTAssertEqual(run.lines.last, "Rolled back: completed")
        let posted = try requests(on: sim).filter { $0.method == "POST" }.map { $0.path }
        XCTAssertEqual(posted.count, 1, "\(posted)")
        XCTAssertTrue(posted.first?.hasPrefix("/projects/web/deployments/") ?? false, "\(posted)")
        XCTAssertTrue(posted.first?.hasSuffix("/rollback") ?? false, "\(posted)")
        XCTAssertEqual(try query(#"""
            let web = deployhq.projects.get("web")
            print(web.deployments.first.status, web.servers.find(name: "Production").last_revision)
            """#, on: sim), "completed \(start)")
        try assertWithinTheOpenAPI(sim)
    }

    func testRollbackRefusesAFailedLastDeployment() throws {
        let sim = try startSimulator()
        let run = try runExample("rollback-last-deployment", ["Flaky Service", "Flaky Box"], on: sim)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("the last deployment to Flaky Box is failed; only a completed one rolls back"), run.errors)
        let never = try runExample("rollback-last-deployment", ["Docs", "Anything"], on: sim)
        XCTAssertEqual(never.status, 1)
        XCTAssertTrue(never.errors.contains("Docs has no deployment to 'Anything'"), never.errors)
        XCTAssertEqual(try writes(on: sim), 0)
        try assertWithinTheOpenAPI(sim)
    }

    // MARK: Reading history

    func testFailedDeploymentsListsTodaysFailureWithItsFailedStepsLastLines() throws {
        let sim = try startSimulator()
        _ = try query(#"try { deployhq.projects.get("flaky-service").deploy(to: "Flaky Box").wait(interval: 0.1) } catch e { }"#, on: sim)
        try clearRequests(on: sim)
        let run = try runExample("failed-deployments", [], on: sim)    // the last 7 days: the seeded history is older
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.lines.count, 5, run.output)
        XCTAssertTrue(run.lines[0].hasPrefix("Flaky Service to Flaky Box at "), run.output)
        XCTAssertTrue(run.lines[0].hasSuffix(": Transferring files to server failed"), run.output)
        XCTAssertEqual(run.lines[3], "    Permission denied while uploading to Flaky Box")
        XCTAssertEqual(run.lines[4], "1 failed deployments in 7 days")
        XCTAssertEqual(try writes(on: sim), 0)
        try assertWithinTheOpenAPI(sim)
    }

    func testFailedDeploymentsTakesAWindowEndingAtAGivenTime() throws {
        let sim = try startSimulator()
        let week = try runExample("failed-deployments", ["7", "2026-01-01"], on: sim)
        XCTAssertEqual(week.status, 0, week.errors)
        let headers = week.lines.dropLast().filter { !$0.hasPrefix("    ") }
        XCTAssertEqual(headers.map { $0.components(separatedBy: " at ")[0] },
                       ["API to API Staging", "Flaky Service to Flaky Box", "Flaky Service to Flaky Box",
                        "Web to Production", "Web to Staging"], week.output)
        XCTAssertEqual(week.lines.count, 5 * 4 + 1, week.output)          // each with its last three log entries
        XCTAssertEqual(week.lines.last, "5 failed deployments in 7 days")
        let day = try runExample("failed-deployments", ["1", "2026-01-01T00:00:00Z"], on: sim)
        XCTAssertEqual(day.lines.last, "3 failed deployments in 1 days", day.output)
        XCTAssertEqual(try writes(on: sim), 0)
        try assertWithinTheOpenAPI(sim)
    }

    // MARK: Settings

    func testCopyEnvironmentVariablesCopiesWhatTheTargetLacksWithTheirFlags() throws {
        let sim = try startSimulator()
        let values = home + "/values.json"
        try #"{"DATABASE_URL": "postgres://api-db/api", "SECRET_KEY_BASE": "s3cr3t-from-file"}"#
            .write(toFile: values, atomically: true, encoding: .utf8)
        try clearRequests(on: sim)
        let run = try runExample("copy-environment-variables", ["Web", "API", values], on: sim, environment: ["NODE_ENV": "production"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Copied DATABASE_URL\nCopied SECRET_KEY_BASE (locked)\nCopied NODE_ENV\n"
                       + "API lacked 3 of Web's variables; copied 3\n")
        XCTAssertFalse((run.output + run.errors).contains("s3cr3t"), run.output + run.errors)
        XCTAssertEqual(try posts(to: "/projects/api/environment_variables", on: sim), 3)
        XCTAssertEqual(try query(#"""
            print(deployhq.projects.get("api").environment_variables.map { "\($0.name) \($0.masked_value) \($0.locked) \($0.build_pipeline)" }.join(", "))
            """#, on: sim),
            "API_TOKEN ******** true false, RAILS_ENV prod**** false false, DATABASE_URL post**** false false, "
            + "SECRET_KEY_BASE ******** true false, NODE_ENV prod**** false true")

        try clearRequests(on: sim)
        let again = try runExample("copy-environment-variables", ["Web", "API"], on: sim)
        XCTAssertEqual(again.status, 0, again.errors)
        XCTAssertEqual(again.output, "API lacked 0 of Web's variables; copied 0\n")
        XCTAssertEqual(try writes(on: sim), 0)
        try assertWithinTheOpenAPI(sim)
    }

    func testCopyEnvironmentVariablesNamesTheOnesWithNoValueAndExitsWith1() throws {
        let sim = try startSimulator()
        let run = try runExample("copy-environment-variables", ["Web", "Marketing Site"], on: sim,
                                 environment: ["DATABASE_URL": "postgres://marketing"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.output, "Copied DATABASE_URL\nMarketing Site lacked 3 of Web's variables; copied 1\n")
        XCTAssertTrue(run.errors.contains("no value for SECRET_KEY_BASE, NODE_ENV: set it in the values file or the environment"),
                      run.errors)
        XCTAssertEqual(try posts(to: "/projects/marketing-site/environment_variables", on: sim), 1)
        XCTAssertEqual(try query(#"print(deployhq.projects.get("marketing-site").environment_variables.map { $0.name })"#, on: sim),
                       #"["DATABASE_URL"]"#)
        try assertWithinTheOpenAPI(sim)
    }

    func testSetGlobalConfigFileCreatesThenLeavesAloneThenUpdates() throws {
        let sim = try startSimulator()
        let local = home + "/tool-versions"
        try "node 20.13.1\n".write(toFile: local, atomically: true, encoding: .utf8)
        let created = try runExample("set-global-config-file", [".tool-versions", local], on: sim)
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertEqual(created.output, "Created .tool-versions\n")
        XCTAssertEqual(try posts(to: "/global_config_files", on: sim), 1)

        try clearRequests(on: sim)
        let same = try runExample("set-global-config-file", [".tool-versions", local], on: sim)
        XCTAssertEqual(same.output, ".tool-versions is up to date\n")
        XCTAssertEqual(try writes(on: sim), 0)

        try "node 22.2.0\n".write(toFile: local, atomically: true, encoding: .utf8)
        let updated = try runExample("set-global-config-file", [".tool-versions", local], on: sim)
        XCTAssertEqual(updated.status, 0, updated.errors)
        XCTAssertEqual(updated.output, "Updated .tool-versions\n")
        let changes = try requests(on: sim).filter { $0.method != "GET" }
        XCTAssertEqual(changes.map { $0.method }, ["PUT"])
        XCTAssertTrue(changes.first?.path.hasPrefix("/global_config_files/") ?? false, "\(changes.map { $0.path })")
        XCTAssertEqual(try query(#"""
            let files = deployhq.global_config_files.where { $0.path == ".tool-versions" }
            print(files.count, json(files[0].body), deployhq.global_config_files.count)
            """#, on: sim), #"1 "node 22.2.0\n" 3"#)
        try assertWithinTheOpenAPI(sim)
    }

    func testSetGlobalConfigFileReadsTheSamePathLocallyByDefault() throws {
        let sim = try startSimulator()
        try "registry=https://npm.example.com/\n".write(toFile: home + "/.npmrc", atomically: true, encoding: .utf8)
        let run = try runExample("set-global-config-file", [], on: sim)     // .npmrc exists in the demo account
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "Updated .npmrc\n")
        XCTAssertEqual(try query(#"print(json(deployhq.global_config_files.find { $0.path == ".npmrc" }.body))"#, on: sim),
                       #""registry=https://npm.example.com/\n""#)
        try assertWithinTheOpenAPI(sim)
    }

    func testAddSSHCommandAddsItToEveryProjectExactlyOnceAcrossTwoRuns() throws {
        let sim = try startSimulator()
        let first = try runExample("add-ssh-command", ["df -h /var/www", "Report disk space", "after_first"], on: sim)
        XCTAssertEqual(first.status, 0, first.errors)
        XCTAssertEqual(first.lines.last, "Added the command to 5 projects")
        XCTAssertEqual(try requests(on: sim).filter { $0.method == "POST" && $0.path.hasSuffix("/ssh_commands") }.count, 5)

        try clearRequests(on: sim)
        let second = try runExample("add-ssh-command", ["df -h /var/www", "Report disk space", "after_first"], on: sim)
        XCTAssertEqual(second.status, 0, second.errors)
        XCTAssertEqual(second.output, "Added the command to 0 projects\n")
        XCTAssertEqual(try writes(on: sim), 0)
        XCTAssertEqual(try query(#"""
            for p in deployhq.projects {
              let ours = p.ssh_commands.where { $0.command == "df -h /var/www" }
              print(p.permalink, ours.count, ours[0].timing, p.ssh_commands.count)
            }
            """#, on: sim), "api 1 after_first 2\ndocs 1 after_first 1\nflaky-service 1 after_first 1\n"
                           + "marketing-site 1 after_first 1\nweb 1 after_first 3")
        try assertWithinTheOpenAPI(sim)
    }

    func testAddSSHCommandWithAnUnknownTimingReportsDeployHQsValidation() throws {
        let sim = try startSimulator()
        let run = try runExample("add-ssh-command", ["uptime", "Uptime", "sometimes"], on: sim)
        XCTAssertEqual(run.status, 4)
        XCTAssertTrue(run.errors.contains("HTTP 422 Unprocessable Content: POST "), run.errors)
        XCTAssertTrue(run.errors.contains("/projects/api/ssh_commands: timing is not included in the list"), run.errors)
        XCTAssertEqual(try query(#"print(deployhq.projects.all.sum { $0.ssh_commands.where { $0.command == "uptime" }.count })"#, on: sim), "0")
        try assertWithinTheOpenAPI(sim)
    }

    // MARK: Running rove

    private var runner: ExampleRunner { ExampleRunner(home: home, examples: "examples/deployhq") }

    private static let openAPI = Result {
        try SwaggerRoutes(contentsOf: ExampleRunner.repository.appendingPathComponent("Tests/RoveSimulatorTests/Fixtures/deployhq-openapi.json").path)
    }

    private func startSimulator() throws -> SimulatorProcess {
        let sim = try SimulatorProcess(arguments: ["--task-seconds", "0.4"])
        guard sim.deployhqURL != nil else { throw XCTSkip("this rove-sim prints no DeployHQ ready line") }
        return sim
    }

    private func runExample(_ name: String, _ arguments: [String], on sim: SimulatorProcess,
                            environment: [String: String] = [:]) throws -> ExampleRunner.Run {
        try runner.example(name, arguments, on: sim, environment: environment)
    }

    private func query(_ program: String, on sim: SimulatorProcess, line: UInt = #line) throws -> String {
        try runner.query(program, on: sim, line: line)
    }

    // MARK: The simulator's request log

    private func requests(on sim: SimulatorProcess) throws -> [SimulatorProcess.LoggedRequest] {
        try sim.deployhqRequests().filter { !$0.path.hasPrefix("/_sim") }
    }

    private static func bare(_ path: String) -> String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }

    /// How many POSTs went to exactly `path` (query ignored).
    private func posts(to path: String, on sim: SimulatorProcess) throws -> Int {
        try requests(on: sim).filter { $0.method == "POST" && Self.bare($0.path) == path }.count
    }

    /// How many requests changed something (anything but GET).
    private func writes(on sim: SimulatorProcess) throws -> Int {
        try requests(on: sim).filter { $0.method != "GET" }.count
    }

    /// Checks the requests so far against the OpenAPI file, then empties the log.
    private func clearRequests(on sim: SimulatorProcess, line: UInt = #line) throws {
        try assertWithinTheOpenAPI(sim, line: line)
        try sim.clearDeployHQRequests()
    }

    /// Every DeployHQ request logged since the last clear is an operation of the vendor's OpenAPI file.
    private func assertWithinTheOpenAPI(_ sim: SimulatorProcess, line: UInt = #line) throws {
        let outside = try sim.deployhqRequestsOutsideTheOpenAPI(try Self.openAPI.get())
        XCTAssertEqual(outside, [], "requests the OpenAPI file does not describe", line: line)
    }
}
