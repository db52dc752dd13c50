// Every example, dry run then run for real against one simulator: the plan lists the real run's writes, and sends none.

import Foundation
import RoveTestSupport
import XCTest

/// `rove --dry-run -o json example.rove` against a fresh `rove-sim`: the simulator's log holds
/// no write, and the plan (the last line of stdout) lists, in order, the method and path of
/// every write the same example then makes when run for real against the same, unchanged
/// simulator. The exit status is 10 when the real run wrote, 0 when it did not.
final class DryRunExamplesTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = try temporaryFolder(prefix: "rove-dry-run-examples")
    }

    struct Case {
        var folder: String
        var name: String
        var arguments: [String]
        var environment: [String: String] = [:]
    }

    /// The examples with the arguments their own tests run them with; a few write nothing on a
    /// fresh simulator (nothing is paused or queued there), which is the exit-0 case.
    static let octopusCases: [Case] = [
        Case(folder: "octopus", name: "add-team-members", arguments: ["Release Managers", "jane.smith", "alex.kim"]),
        Case(folder: "octopus", name: "approve-manual-intervention", arguments: ["Proceed", "Payments"]),
        Case(folder: "octopus", name: "cancel-queued-deployments", arguments: []),
        Case(folder: "octopus", name: "create-and-deploy-release", arguments: ["Web", "Development"]),
        Case(folder: "octopus", name: "delete-project-releases", arguments: ["Web"]),
        Case(folder: "octopus", name: "delete-targets-by-role", arguments: ["worker"]),
        Case(folder: "octopus", name: "deploy-release", arguments: ["Web", "Staging", "1.2.3"]),
        Case(folder: "octopus", name: "find-unused-targets", arguments: ["1"]),
        Case(folder: "octopus", name: "latest-deployments", arguments: []),
        Case(folder: "octopus", name: "machines-with-role", arguments: ["Production", "web-server"]),
        Case(folder: "octopus", name: "promote-missing-releases", arguments: []),
        Case(folder: "octopus", name: "publish-runbook-snapshot", arguments: ["Web", "Restart Service"]),
        Case(folder: "octopus", name: "run-health-check", arguments: ["Production"]),
        Case(folder: "octopus", name: "run-runbook", arguments: ["Web", "Restart Service", "Staging", "Production"]),
        Case(folder: "octopus", name: "search-task-logs", arguments: ["exit code 1", "1"]),
        Case(folder: "octopus", name: "set-project-variable", arguments: ["Web", "LogLevel", "Debug"]),
        Case(folder: "octopus", name: "set-project-variable", arguments: ["Web", "Feature.Flag", "on"]),
    ]

    static let deployhqCases: [Case] = [
        Case(folder: "deployhq", name: "add-ssh-command", arguments: ["df -h /var/www", "Report disk space", "after_first"]),
        Case(folder: "deployhq", name: "copy-environment-variables", arguments: ["Web", "API"],
             environment: ["DATABASE_URL": "postgres://api-db/api", "SECRET_KEY_BASE": "canary-s3cr3t", "NODE_ENV": "production"]),
        Case(folder: "deployhq", name: "deploy-latest", arguments: ["Web", "Production"]),
        Case(folder: "deployhq", name: "deploy-to-group", arguments: ["Web", "web cluster"]),
        Case(folder: "deployhq", name: "failed-deployments", arguments: []),
        Case(folder: "deployhq", name: "preview-then-deploy", arguments: ["Web", "Staging"]),
        Case(folder: "deployhq", name: "rollback-last-deployment", arguments: ["Web", "Production"]),
        Case(folder: "deployhq", name: "set-global-config-file", arguments: [".tool-versions", "tool-versions"]),
    ]

    func testEveryOctopusExamplePlansTheWritesItsRealRunMakesAndSendsNone() throws {
        let statuses = try Self.octopusCases.map { try check($0) }
        // Both endings occur: examples that write (deploys, 45 deletes) and ones that only read.
        XCTAssertEqual(Set(statuses), [0, 10])
    }

    func testEveryDeployHQExamplePlansTheWritesItsRealRunMakesAndSendsNone() throws {
        try "node 20.13.1\n".write(toFile: home + "/tool-versions", atomically: true, encoding: .utf8)
        let statuses = try Self.deployhqCases.map { try check($0) }
        XCTAssertEqual(Set(statuses), [0, 10])
    }

    func testEveryExampleIsCovered() throws {
        for folder in ["octopus", "deployhq"] {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: ExampleRunner.repository.appendingPathComponent("examples/" + folder).path)
                .filter { $0.hasSuffix(".rove") }.map { String($0.dropLast(5)) }
            let covered = Set((Self.octopusCases + Self.deployhqCases).filter { $0.folder == folder }.map(\.name))
            XCTAssertEqual(Set(names).subtracting(covered), [], "examples/\(folder) without a dry-run case")
        }
    }

    func testAReadOnlyScriptExits0AndSaysNothingWouldChange() throws {
        let sim = try SimulatorProcess(arguments: ["--task-seconds", "0.3"])
        let run = try runner("octopus").rove(["--dry-run", "-e", "print(octopus.Projects.count)"], on: sim)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.errors, "dry run: nothing would change\n")
    }

    // MARK: Checking one example

    /// The dry run's exit status, once its plan and status are checked against the real run's.
    private func check(_ example: Case, file: StaticString = #filePath, line: UInt = #line) throws -> Int32 {
        let sim = try SimulatorProcess(arguments: ["--task-seconds", "0.3"])
        let label = "\(example.folder)/\(example.name) \(example.arguments)"
        let runner = runner(example.folder)
        try clearLogs(sim)
        let dry = try runner.rove(["--dry-run", "-o", "json", path(of: example)] + example.arguments, on: sim,
                                  environment: example.environment)
        XCTAssertEqual(try writes(on: sim).map(\.description), [], "\(label): the dry run wrote", file: file, line: line)
        let plan = try planned(in: dry, label)
        XCTAssertFalse((dry.output + dry.errors).contains("canary-s3cr3t"), "\(label): a secret in the plan", file: file, line: line)

        try clearLogs(sim)
        let real = try runner.rove([path(of: example)] + example.arguments, on: sim, environment: example.environment)
        let made = try writes(on: sim).map(\.description)
        XCTAssertEqual(plan, made, "\(label): the plan is not what the real run did\n\(dry.errors)", file: file, line: line)
        XCTAssertEqual(dry.status, real.status == 0 ? (made.isEmpty ? 0 : 10) : real.status,
                       "\(label): \(dry.errors) / \(real.errors)", file: file, line: line)
        return dry.status
    }

    private struct Write: CustomStringConvertible {
        let method: String
        let path: String
        var description: String { method + " " + path }
    }

    /// The Octopus and DeployHQ sides' writes, in the order they came.
    private func writes(on sim: SimulatorProcess) throws -> [Write] {
        let logged = try sim.octopusRequests() + (sim.deployhqURL == nil ? [] : try sim.deployhqRequests())
        return logged.filter { $0.method != "GET" && $0.method != "HEAD" && !$0.path.hasPrefix("/_sim") }
            .map { Write(method: $0.method, path: $0.path) }
    }

    /// The plan's writes as `METHOD /path`, read from the last line of the dry run's stdout.
    private func planned(in run: ExampleRunner.Run, _ label: String) throws -> [String] {
        guard let last = run.lines.last, let data = last.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let dryRun = object["dryRun"] as? [String: Any], let plan = dryRun["plan"] as? [[String: Any]] else {
            XCTFail("\(label): no plan on the last line of stdout:\n\(run.output)\n\(run.errors)")
            return []
        }
        XCTAssertEqual(dryRun["writes"] as? Int, plan.count, label)
        return plan.map { entry in
            let url = URLComponents(string: entry["url"] as? String ?? "")
            return "\(entry["method"] as? String ?? "?") \(url?.path ?? "?")"
        }
    }

    private func clearLogs(_ sim: SimulatorProcess) throws {
        try sim.clearOctopusRequests()
        if sim.deployhqURL != nil { try sim.clearDeployHQRequests() }
    }

    private func runner(_ folder: String) -> ExampleRunner {
        ExampleRunner(home: home, examples: "examples/" + folder)
    }

    private func path(of example: Case) -> String {
        ExampleRunner.repository.appendingPathComponent("examples/\(example.folder)/\(example.name).rove").path
    }
}
