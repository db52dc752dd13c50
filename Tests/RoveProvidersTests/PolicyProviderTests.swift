// The network and methods parts of an interpreter's policy, against the simulator over real loopback HTTP.

import RoveCore
import RoveProviders
import RoveTestSupport
import XCTest

final class PolicyProviderTests: XCTestCase {
    /// A host's interpreter is sandboxed: the connection the host made works, while a script
    /// can open none of its own, not even to the same server, nor by naming a profile; nothing
    /// it tried reached the server. Opening the origin lets both through.
    func testAHostsScriptsConnectOnlyWhereTheHostSays() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let url = simulator.octopusURL, key = simulator.octopusAPIKey
        let interpreter = Interpreter()
        let providers = Providers(interpreter: interpreter)
        try providers.connectOctopus(url: url, apiKey: key, accessToken: nil, space: nil)
        providers.profiles = { _ in Providers.ProfileSettings(octopusURL: url, apiKey: key, accessToken: nil, space: nil) }
        XCTAssertEqual(try interpreter.run("octopus.Projects.count", file: "gate.rove"), 12)
        try simulator.clearOctopusRequests()

        let hostile = [
            "connect(octopus: \"\(url)\", apiKey: \"\(key)\").Projects.count",
            "connect(\"staging\").Projects.count",
            "connect(octopus: \"http://localhost:\(url.split(separator: ":").last!)\", apiKey: \"\(key)\").Projects.count",
        ]
        for source in hostile {
            XCTAssertThrowsError(try interpreter.run(source, file: "gate.rove"), source) { error in
                let diagnostic = error as? Diagnostic
                XCTAssertEqual(diagnostic?.kind, .denied, source)
                XCTAssertTrue(diagnostic?.message.hasPrefix("connecting to http://") ?? false, source)
                XCTAssertTrue(diagnostic?.message.hasSuffix(" is not allowed") ?? false, "a host's users have no flags: \(source)")
            }
        }
        XCTAssertEqual(try simulator.octopusRequests().count, 0, "nothing a denied script tried was sent")

        interpreter.policy.network = .only([url])
        XCTAssertEqual(try interpreter.run(hostile[0], file: "gate.rove"), 12)
        XCTAssertEqual(try interpreter.run(hostile[1], file: "gate.rove"), 12)
        XCTAssertThrowsError(try interpreter.run(hostile[2], file: "gate.rove"), "localhost is another host than 127.0.0.1")
    }

    /// Read-only is the policy's methods: it holds for the host's own connection, for raw
    /// requests and script connections alike, is checked per request (so a host may change it
    /// between runs), and leaves no write on the server.
    func testReadOnlyMethodsReachNoServer() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let interpreter = Interpreter()
        interpreter.policy = .unrestricted
        let providers = Providers(interpreter: interpreter)
        try providers.connectOctopus(url: simulator.octopusURL, apiKey: simulator.octopusAPIKey, accessToken: nil, space: nil)
        XCTAssertEqual(try interpreter.run("let ops = connect(octopus: \"\(simulator.octopusURL)\", apiKey: \"\(simulator.octopusAPIKey)\")",
                                           file: "job.rove"), nil)
        interpreter.policy.methods = .readOnly
        XCTAssertEqual(try interpreter.run("octopus.Projects.count + ops.Environments.count", file: "job.rove"), 16)
        let writes = [
            "octopus.Environments.create({Name: \"Perf\"})",
            "ops.post(\"/api/Spaces-1/environments\", {Name: \"Perf\"})",
            "octopus.delete(\"/api/Spaces-1/environments/Environments-1\")",
            "var p = octopus.Projects.get(\"Projects-1\"); p.Description = \"x\"; p.save()",
        ]
        for source in writes {
            XCTAssertThrowsError(try interpreter.run(source, file: "job.rove"), source) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .denied, source)
                XCTAssertTrue((error as? Diagnostic)?.message.contains("the run is read-only") ?? false, source)
            }
        }
        let url = simulator.octopusURL + "/api/Spaces-1/environments/Environments-1"
        XCTAssertThrowsError(try interpreter.run("octopus.delete(\"/api/Spaces-1/environments/Environments-1\")", file: "job.rove")) {
            let diagnostic = $0 as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "denied: DELETE \(url): the run is read-only (only GET and HEAD are sent)")
            XCTAssertEqual(diagnostic?.fields, ["method": .string("DELETE"), "url": .string(url)])
        }
        XCTAssertEqual(try simulator.octopusRequests().filter { $0.method != "GET" && $0.method != "HEAD" }.map(\.method), [])
        interpreter.policy.methods = .all
        XCTAssertEqual(try interpreter.run("octopus.Environments.create({Name: \"Perf\"}).Name", file: "job.rove"), "Perf")
    }

    /// `rove --sandbox`: the connection the environment configured works; the script reads no
    /// variable (not even the key) and connects nowhere but where `--allow-net` says.
    func testTheCommandLinesSandboxAgainstTheSimulator() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let url = simulator.octopusURL, key = simulator.octopusAPIKey
        let script = "connect(octopus: \"\(url)\", apiKey: secret(\"\(key)\")).Projects.count"
        let cases: [CLICase] = [
            CLICase(name: "the configured connection works", source: "octopus.Projects.count", extraArguments: ["--sandbox"],
                    outputContains: "12"),
            CLICase(name: "the key is not readable", source: "env(\"OCTOPUS_API_KEY\")", extraArguments: ["--sandbox"],
                    errorContains: "reading the environment variable 'OCTOPUS_API_KEY' is not allowed", status: 8),
            CLICase(name: "a connection of the script's own is denied", source: script, extraArguments: ["--sandbox"],
                    errorContains: "is not allowed: rove --allow-net http://127.0.0.1:", status: 8),
            CLICase(name: "--allow-net opens it", source: script, extraArguments: ["--allow-net", url], outputContains: "12"),
            CLICase(name: "--read-only still reads under the sandbox", source: "octopus.Projects.count",
                    extraArguments: ["--sandbox", "--read-only"], outputContains: "12"),
        ]
        CLICase.run(cases, environment: { _ in ["OCTOPUS_URL": url, "OCTOPUS_API_KEY": key] }, secrets: { _ in [key] })
    }

    /// A profile's `max_response_size` caps every connection, below a provider's own key and
    /// the flag.
    func testAProfilesResponseCap() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let environment = ["OCTOPUS_URL": simulator.octopusURL, "OCTOPUS_API_KEY": simulator.octopusAPIKey]
        let capped = "[profiles.small]\nmax_response_size = 1024\nsandbox = true\n"
        let table: [(config: String, arguments: [String], status: Int32)] = [
            (capped, [], 5),
            (capped + "octopus_max_response_size = \"1M\"\n", [], 0),
            (capped, ["--max-response-size", "1M"], 0),
        ]
        for (config, arguments, status) in table {
            let run = try CLIRun(["--profile", "small"] + arguments + ["-e", "octopus.Projects.all.count"],
                                 environment: environment, config: config)
            XCTAssertEqual(run.status, status, "\(config) \(arguments): \(run.errors)")
            if status == 5 { XCTAssertTrue(run.errors.contains("response too large"), run.errors) }
        }
    }
}
