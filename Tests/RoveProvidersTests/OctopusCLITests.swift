// The `rove` command against rove-sim: exit codes of HTTP failures, --trace, and no credential anywhere.

import RoveCLI
import RoveCore
import RoveTestServers
import RoveTestSupport
import XCTest

private let cases: [CLICase] = [
    CLICase(name: "a resource prints as JSON off a terminal", source: "octopus.Projects.get(\"Projects-1\").Name",
         outputContains: "\"Web\""),
    CLICase(name: "a collection prints its items", source: "octopus.Environments",
         outputContains: "\"Production\""),
    CLICase(name: "a 404 exits 4", source: "octopus.Projects.get(\"Projects-404\")",
         errorContains: "HTTP 404 Not Found: GET", status: 4),
    CLICase(name: "a 400 exits 4 with the server's Errors", source: "octopus.Releases.create({Version: \"1\"})",
         errorContains: "HTTP 400 Bad Request: POST", status: 4),
    CLICase(name: "a wrong key exits 6, key unseen", source: "octopus.Projects.count", apiKey: "API-CANARY0WRONG0KEY0000000001",
         errorContains: "HTTP 401 Unauthorized", status: 6),
    CLICase(name: "a failed task exits 1", source: """
        let dep = octopus.Deployments.create({ReleaseId: octopus.Projects.find(name: "Flaky Service").Releases.first.Id,
                                              EnvironmentId: octopus.Environments.find(name: "Production").Id})
        dep.Task.wait(interval: 0.1)
        """, errorContains: "failed", status: 1),
    CLICase(name: "--trace writes each request and response, redacted", source: "octopus.Projects.count",
         extraArguments: ["--trace"], outputContains: "12", errorContains: "← 200 GET http://127.0.0.1:"),
    CLICase(name: "--trace of a refused key", source: "octopus.Projects.count", extraArguments: ["--trace"],
         apiKey: "API-CANARY0WRONG0KEY0000000001", errorContains: "← 401 GET", status: 6),
]

final class OctopusCLITests: XCTestCase {
    /// `--max-requests`: the request past the budget is a `limit` error, exit 7, that
    /// `try/catch` cannot swallow.
    func testMaxRequestsEndsTheRunAtTheBudget() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"])
        defer { _ = simulator.stop() }
        let limited: [CLICase] = [
            CLICase(name: "within the budget", source: "octopus.Projects.count", extraArguments: ["--max-requests", "2"],
                    outputContains: "12"),
            CLICase(name: "past the budget", source: "octopus.Projects.count", extraArguments: ["--max-requests", "1"],
                    errorContains: "request limit reached: 1 requests were allowed", status: 7),
            CLICase(name: "a limit passes through catch", source: #"try { octopus.Projects.count } catch e { print("swallowed") }; print("after")"#,
                    extraArguments: ["--max-requests=1"], errorContains: "request limit reached", status: 7),
        ]
        CLICase.run(limited,
                    environment: { _ in ["OCTOPUS_URL": simulator.octopusURL, "OCTOPUS_API_KEY": simulator.octopusAPIKey] },
                    secrets: { _ in [simulator.octopusAPIKey] })
        // One budget for the run, not one per connection: each connection needs two at most, three in all do not fit.
        let both = [
            CLICase(name: "two connections draw on one budget",
                    source: "octopus.Projects.count\ndeployhq.projects.count", extraArguments: ["--max-requests", "2"],
                    errorContains: "request limit reached: 2 requests were allowed", status: 7),
        ]
        CLICase.run(both,
                    environment: { _ in
                        ["OCTOPUS_URL": simulator.octopusURL, "OCTOPUS_API_KEY": simulator.octopusAPIKey,
                         "DEPLOYHQ_URL": simulator.deployhqURL ?? "", "DEPLOYHQ_EMAIL": simulator.deployhqEmail ?? "",
                         "DEPLOYHQ_API_KEY": simulator.deployhqAPIKey ?? ""]
                    },
                    secrets: { _ in [simulator.octopusAPIKey] })
    }

    /// `--read-only`: reads go, every write is refused before it leaves (exit 8), through the
    /// object model and raw requests alike; the simulator sees no write at all.
    func testReadOnlySendsNoWrite() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"])
        defer { _ = simulator.stop() }
        let readOnly: [CLICase] = [
            CLICase(name: "reads go", source: "octopus.Projects.count", extraArguments: ["--read-only"], outputContains: "12"),
            CLICase(name: "a create is denied", source: #"octopus.Environments.create({Name: "Perf"})"#, extraArguments: ["--read-only"],
                    errorContains: "denied: POST http://127.0.0.1:", status: 8),
            CLICase(name: "a raw delete is denied", source: #"octopus.delete("/api/Spaces-1/environments/Environments-1")"#,
                    extraArguments: ["--read-only"], errorContains: "the run is read-only", status: 8),
            CLICase(name: "a save is denied", source: #"var p = octopus.Projects.get("Projects-1"); p.Description = "x"; p.save()"#,
                    extraArguments: ["--read-only"], errorContains: "denied: PUT", status: 8),
            CLICase(name: "a denied write is an error a script can see", source: #"try { octopus.Environments.create({Name: "Perf"}) } catch e { print(e.kind, e.method) }"#,
                    extraArguments: ["--read-only"], outputContains: "denied POST"),
        ]
        CLICase.run(readOnly,
                    environment: { _ in ["OCTOPUS_URL": simulator.octopusURL, "OCTOPUS_API_KEY": simulator.octopusAPIKey] },
                    secrets: { _ in [simulator.octopusAPIKey] })
        XCTAssertEqual(try simulator.octopusRequests().filter { $0.method != "GET" && $0.method != "HEAD" }.map(\.method), [])
    }

    /// `--dry-run`: reads go, writes become a plan on stderr with stand-in answers the script
    /// goes on with; exit 10 when it holds a write. The simulator sees no write at all.
    func testDryRunSendsNoWriteAndPlansEach() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"])
        defer { _ = simulator.stop() }
        let dryRun: [CLICase] = [
            CLICase(name: "reads go, nothing planned", source: "octopus.Projects.count", extraArguments: ["--dry-run"],
                    outputContains: "12", errorContains: "dry run: nothing would change", status: 0),
            CLICase(name: "a create is planned with a placeholder", source: #"print(octopus.Environments.create({Name: "Perf"}).Id)"#,
                    extraArguments: ["--dry-run"], outputContains: "planned-1-",
                    errorContains: "  POST \(simulator.octopusURL)/api/Spaces-1/environments → planned-1-", status: 10),
            CLICase(name: "a trace shows a planned write as not sent", source: #"octopus.Environments.create({Name: "Perf"})"#,
                    extraArguments: ["--dry-run", "--trace"],
                    errorContains: "⊘ planned POST \(simulator.octopusURL)/api/Spaces-1/environments → planned-1-", status: 10),
            CLICase(name: "a save shows its field changes",
                    source: #"var p = octopus.Projects.get("Projects-1"); p.Description = "x"; p.save()"#,
                    extraArguments: ["--dry-run"], errorContains: "    ~ Description: ", status: 10),
            CLICase(name: "a deploy plans the deployment and its wait returns at once",
                    source: #"print(deploy("Web", to: "Development").Task.State)"#,
                    extraArguments: ["--dry-run"], outputContains: "Planned",
                    errorContains: "  POST \(simulator.octopusURL)/api/Spaces-1/deployments → planned-1-", status: 10),
            CLICase(name: "a script error after a write keeps its status and shows the plan",
                    source: #"octopus.delete("/api/Spaces-1/environments/Environments-1"); throw "stop""#,
                    extraArguments: ["--dry-run"], errorContains: "  DELETE \(simulator.octopusURL)/api/Spaces-1/environments/Environments-1", status: 1),
            CLICase(name: "--read-only still refuses the write, as the real run would",
                    source: #"octopus.Environments.create({Name: "Perf"})"#, extraArguments: ["--dry-run", "--read-only"],
                    errorContains: "dry run: nothing would change", status: 8),
            CLICase(name: "-o json gives the plan as the last line of stdout",
                    source: #"octopus.delete("/api/Spaces-1/environments/Environments-1"); nil"#,
                    extraArguments: ["--dry-run", "-o", "json"],
                    outputContains: #"{"dryRun":{"writes":1,"plan":[{"connection":"octopus","method":"DELETE","url":""#, status: 10),
        ]
        CLICase.run(dryRun,
                    environment: { _ in ["OCTOPUS_URL": simulator.octopusURL, "OCTOPUS_API_KEY": simulator.octopusAPIKey] },
                    secrets: { _ in [simulator.octopusAPIKey] })
        XCTAssertEqual(try simulator.octopusRequests().filter { $0.method != "GET" && $0.method != "HEAD" }.map(\.method), [])
    }

    /// `rove --dry-run -i`: each entry's planned writes show as it runs, the whole plan at the end.
    func testDryRunInTheREPLShowsEachEntrysWrites() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"])
        defer { _ = simulator.stop() }
        let output = MemoryOutput()
        let errors = MemoryOutput()
        let cli = CLI(standardInput: MemoryInput("let e = octopus.Environments.create({Name: \"Perf\"})\nprint(e.Name)\n"),
                      standardOutput: output, standardError: errors,
                      environment: ["OCTOPUS_URL": simulator.octopusURL, "OCTOPUS_API_KEY": simulator.octopusAPIKey])
        XCTAssertEqual(cli.run(["--dry-run", "-i"]), 10, errors.text)
        XCTAssertEqual(output.text, "Perf\n")
        let entry = "  POST \(simulator.octopusURL)/api/Spaces-1/environments → planned-1-"
        XCTAssertEqual(errors.text.components(separatedBy: entry).count, 3, "once as it ran, once at the end: \(errors.text)")
        XCTAssertTrue(errors.text.contains("dry run: 1 write planned, none sent:"), errors.text)
        XCTAssertEqual(try simulator.octopusRequests().filter { $0.method != "GET" }.map(\.method), [])
    }

    func testCases() throws {
        let simulator = try SimulatorProcess(arguments: ["--task-seconds", "0.4"])
        defer { _ = simulator.stop() }
        CLICase.run(cases,
                    environment: { ["OCTOPUS_URL": simulator.octopusURL, "OCTOPUS_API_KEY": $0.apiKey ?? simulator.octopusAPIKey] },
                    secrets: { [$0.apiKey ?? "", simulator.octopusAPIKey] })
        XCTAssertEqual(try simulator.octopusRequestsOutsideTheSwagger(try SwaggerRoutes.octopus()), [])
    }

    /// An Octopus behind a private CA, here nghttpd serving a root document over HTTP/2 with the
    /// test certificate: trusted through SSL_CERT_FILE, refused without it.
    func testSSLCertFileTrustsAPrivateCertificateAuthority() throws {
        let server = try HTTP2Server(files: ["api": #"{"Application": "Octopus Deploy", "Version": "2020.5.0", "Links": {}}"#])
        defer { server.stop(); server.removeFiles() }
        func run(_ extra: [String: String]) throws -> CLIRun {
            try CLIRun(["-e", "print(octopus.Version)"],
                       environment: ["OCTOPUS_URL": server.baseURL, "OCTOPUS_API_KEY": "API-PRIVATE0CA0TEST0000000001"].merging(extra) { $1 })
        }
        let trusted = try run(["SSL_CERT_FILE": HTTP2Server.certificateAuthorities])
        XCTAssertEqual(trusted.status, 0, trusted.errors)
        XCTAssertEqual(trusted.output, "2020.5.0\n")
        let refused = try run([:])
        XCTAssertEqual(refused.status, 5, refused.errors)
        XCTAssertTrue(refused.errors.contains("tls error: GET \(server.baseURL)/api"), refused.errors)
    }

    func testConnectOpensAProfileFromTheConfigFile() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let config = """
            [profiles.platform]
            octopus_url = "\(simulator.octopusURL)"
            octopus_api_key_env = "PLATFORM_KEY"
            octopus_space = "Platform Team"
            """
        let source = "let p = connect(\"platform\"); print(p.space.Name, p.Projects.count); connect(\"nope\")"
        let run = try CLIRun(["-e", source], environment: ["PLATFORM_KEY": simulator.octopusAPIKey], config: config)
        XCTAssertEqual(run.status, 1, run.errors)
        XCTAssertEqual(run.output, "Platform Team 3\n")
        XCTAssertTrue(run.errors.contains("unknown profile 'nope' (known: platform)"), run.errors)
    }

    /// An https:// URL for a server that speaks plain HTTP fails the handshake: a `network`
    /// error saying TLS (exit 5), never a response, and TLS verification stays on.
    func testHTTPSToAPlainServerIsATLSError() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let url = simulator.octopusURL.replacingOccurrences(of: "http://", with: "https://")
        let run = try CLIRun(["-e", "octopus.Projects.count"], environment: ["OCTOPUS_URL": url, "OCTOPUS_API_KEY": simulator.octopusAPIKey])
        XCTAssertEqual(run.status, 5, run.errors)
        XCTAssertTrue(run.errors.contains("tls error: GET https://127.0.0.1:"), run.errors)
    }

    func testUnconfiguredOctopusSaysHowToConfigureIt() throws {
        let run = try CLIRun(["-e", "octopus.Projects"], environment: [:])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("octopus is not configured: set OCTOPUS_URL and OCTOPUS_API_KEY"), run.errors)
    }

    func testDemoStartsTheSimulatorAndConnects() throws {
        // Found like any built product, not by editing rove's path: a clone in a folder named
        // `rove` has "/rove" in it more than once.
        guard let simulator = BuiltProducts.executable(named: "rove-sim") else { throw XCTSkip("rove-sim is not built") }
        let output = MemoryOutput()
        let errors = MemoryOutput()
        let cli = CLI(standardInput: MemoryInput(""), standardOutput: output, standardError: errors,
                      environment: ["ROVE_SIM": simulator])
        XCTAssertEqual(cli.run(["--demo", "-e", "octopus.Projects.find(name: \"Web\").Releases.count"]), 0, errors.text)
        XCTAssertEqual(output.text, "45\n")
    }

    func testDemoREPLSaysWhichServicesItConnected() throws {
        guard let simulator = BuiltProducts.executable(named: "rove-sim") else { throw XCTSkip("rove-sim is not built") }
        let errors = MemoryOutput()
        let cli = CLI(standardInput: MemoryInput("deployhq.projects.count\n"), standardOutput: MemoryOutput(),
                      standardError: errors, environment: ["ROVE_SIM": simulator])
        XCTAssertEqual(cli.run(["--demo", "-i"]), 0, errors.text)
        let greeting = try XCTUnwrap(errors.text.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(greeting.hasPrefix("rove: connected to the demo Octopus at http://127.0.0.1:"), greeting)
        XCTAssertTrue(greeting.contains(" and DeployHQ at http://127.0.0.1:"), greeting)
        XCTAssertTrue(greeting.hasSuffix("(rove-sim); try octopus.Projects or deployhq.projects"), greeting)
    }
}
