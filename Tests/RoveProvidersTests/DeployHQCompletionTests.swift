// Tab completion of DeployHQ members: from the resource graph, with no request for the account itself.

import RoveCore
import RoveProviders
import RoveTestSupport
import XCTest

final class DeployHQCompletionTests: XCTestCase {
    func testMembersCompleteFromTheGraph() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"])
        defer { _ = simulator.stop() }
        let interpreter = Interpreter()
        let providers = Providers(interpreter: interpreter)
        try providers.connectDeployHQ(url: simulator.deployhqURL ?? "", email: simulator.deployhqEmail ?? "",
                                      apiKey: simulator.deployhqAPIKey ?? "")
        XCTAssertEqual(interpreter.completions(for: "deployhq.glo"),
                       ["global_config_files", "global_environment_variables", "global_servers"])
        // The account's members cost no request: they are the graph's top-level paths.
        XCTAssertEqual(try simulator.deployhqRequests().count, 0)

        _ = try interpreter.run("let web = deployhq.projects.get(\"web\")", file: "<test>")
        _ = try interpreter.run("let d = web.deployments.first", file: "<test>")
        let cases: [(typed: String, offered: [String])] = [
            ("web.server", ["server_groups", "servers", "servers_url"]),
            ("web.dep", ["deploy", "deployment_checks", "deployments", "deployments_url"]),
            ("web.st", ["star", "starred"]),
            ("web.deployments(per", ["per_page:"]),
            ("web.repository.lat", ["latest_revision"]),
            ("d.ab", ["abort"]),
            ("d.ro", ["rollback"]),
            ("d.lo", ["log", "log_summary", "logs"]),
        ]
        for (typed, offered) in cases {
            XCTAssertEqual(interpreter.completions(for: typed), offered, typed)
        }
    }
}
