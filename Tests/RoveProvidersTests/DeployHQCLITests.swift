// The `rove` command against rove-sim's DeployHQ side: configuration, exit codes, --trace, no credential anywhere.

import Foundation
import RoveCLI
import RoveCore
import RoveHTTP
import RoveTestSupport
import XCTest

private let cases: [CLICase] = [
    CLICase(name: "a resource field prints as JSON off a terminal", source: "deployhq.projects.get(\"web\").name",
         outputContains: "\"Web\""),
    CLICase(name: "a collection prints its items", source: "deployhq.projects.get(\"web\").servers",
         outputContains: "\"protocol_type\": \"rsync\""),
    CLICase(name: "root is DeployHQ when it is the only connection", source: "root.projects.count", outputContains: "5"),
    CLICase(name: "the stdlib comes with the connection", source: "deployhqProject(\"marketing-site\").name",
         outputContains: "\"Marketing Site\""),
    CLICase(name: "a 404 exits 4 naming the error code", source: "deployhq.projects.get(\"nope\")",
         errorContains: "HTTP 404 Not Found: GET", status: 4),
    CLICase(name: "a 422 exits 4 with the field's message",
         source: "deployhq.projects.get(\"web\").ssh_commands.create({command: \"x\", timing: \"before\"})",
         errorContains: "timing is not included in the list", status: 4),
    CLICase(name: "a wrong key exits 6, key unseen", source: "deployhq.projects.count",
         apiKey: "canary0wrong0key000000000000000000000001", errorContains: "HTTP 401 Unauthorized", status: 6),
    CLICase(name: "a failed deployment exits 1", source: """
        deployhq.projects.get("flaky-service").deploy(to: "Flaky Box").wait(interval: 0.1)
        """, errorContains: "failed at Transferring files", status: 1),
    CLICase(name: "--trace writes each request and response, redacted", source: "deployhq.projects.count",
         extraArguments: ["--trace"], outputContains: "5", errorContains: "← 200 GET http://127.0.0.1:"),
    CLICase(name: "--trace of a refused key", source: "deployhq.projects.count", extraArguments: ["--trace"],
         apiKey: "canary0wrong0key000000000000000000000001", errorContains: "← 401 GET", status: 6),
    CLICase(name: "unconfigured, the global says how to configure it", source: "deployhq.projects", unconfigured: true,
         errorContains: "deployhq is not configured: set DEPLOYHQ_ACCOUNT, DEPLOYHQ_EMAIL, DEPLOYHQ_API_KEY", status: 1),
]

final class DeployHQCLITests: XCTestCase {
    func testCases() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"])
        defer { _ = simulator.stop() }
        let email = simulator.deployhqEmail ?? ""
        let key = { (item: CLICase) in item.apiKey ?? simulator.deployhqAPIKey ?? "" }
        CLICase.run(cases,
                    environment: { item in
                        item.unconfigured ? [:]
                            : ["DEPLOYHQ_URL": simulator.deployhqURL ?? "", "DEPLOYHQ_EMAIL": email, "DEPLOYHQ_API_KEY": key(item)]
                    },
                    secrets: { [key($0), Data("\(email):\(key($0))".utf8).base64EncodedString()] })
        let openAPI = try SwaggerRoutes(contentsOf: DeployHQScriptTests.openAPI)
        XCTAssertEqual(try simulator.deployhqRequestsOutsideTheOpenAPI(openAPI), [])
    }

    /// The check the tests above rely on can fail: an unwrapped body, sent by hand, is caught.
    func testTheContractCheckCatchesABodyWithoutItsRequiredKey() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let credentials = BasicCredentials.authorization(user: simulator.deployhqEmail ?? "", password: simulator.deployhqAPIKey ?? "")
        _ = try CurlTransport().send(HTTPRequest(
            method: "POST", url: (simulator.deployhqURL ?? "") + "/projects/web/deployments",
            headers: [(name: "Authorization", value: credentials), (name: "Content-Type", value: "application/json")],
            body: Array(#"{"parent_identifier": "x"}"#.utf8))).get()
        let openAPI = try SwaggerRoutes(contentsOf: DeployHQScriptTests.openAPI)
        XCTAssertEqual(try simulator.deployhqRequestsOutsideTheOpenAPI(openAPI), ["POST /projects/web/deployments without deployment"])
    }

    func testAProfileConnectsAndConnectTakesOneBySettings() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let config = """
            [profiles.shop]
            deployhq_url = "\(simulator.deployhqURL ?? "")"
            deployhq_email = "\(simulator.deployhqEmail ?? "")"
            deployhq_api_key_env = "SHOP_KEY"
            """
        let source = """
            let shop = connect("shop")
            let direct = connect(deployhq: env("SIM_URL"), email: env("SIM_EMAIL"), apiKey: secret(env("SHOP_KEY")))
            print(shop.projects.count, direct.projects.find(name: "api").permalink, root.zones.count)
            """
        let run = try CLIRun(["--profile", "shop", "-e", source],
                             environment: ["SHOP_KEY": simulator.deployhqAPIKey ?? "", "SIM_URL": simulator.deployhqURL ?? "",
                                           "SIM_EMAIL": simulator.deployhqEmail ?? ""],
                             config: config)
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertEqual(run.output, "5 api 3\n", run.errors)
    }
}
