// The sandbox's side of the command line as tables: flags in, invocation and policy out; profiles merged under flags.

import RoveCore
@testable import RoveCLI
import XCTest

final class SandboxInvocationTests: XCTestCase {
    func testParses() throws {
        let table: [(arguments: [String], expected: Invocation)] = [
            (["--sandbox", "job.rove"], Invocation(program: .file("job.rove"), sandbox: true)),
            (["--allow-read", "/srv", "--allow-read=data", "--allow-write", "out"],
             Invocation(allowRead: ["/srv", "data"], allowWrite: ["out"])),
            (["--allow-env", "STAGE", "--allow-env=DEPLOY_TOKEN"], Invocation(allowEnv: ["STAGE", "DEPLOY_TOKEN"])),
            (["--allow-net", "https://Octopus.Example.com", "--allow-net=http://127.0.0.1:8080/"],
             Invocation(allowNet: ["https://octopus.example.com:443", "http://127.0.0.1:8080"])),
            (["--allow-net", "http://[::1]:9"], Invocation(allowNet: ["http://[::1]:9"])),
            (["job.rove", "--sandbox", "--allow-read", "x"],
             Invocation(program: .file("job.rove"), scriptArguments: ["--sandbox", "--allow-read", "x"])),
        ]
        for (arguments, expected) in table {
            XCTAssertEqual(try Invocation(parsing: arguments), expected, "\(arguments)")
        }
    }

    func testRejects() {
        let origin = "needs an origin such as https://octopus.example.com or http://localhost:8080"
        let table: [(arguments: [String], message: String)] = [
            (["--allow-net", "octopus.example.com"], "option '--allow-net' \(origin) (got 'octopus.example.com')"),
            (["--allow-net", "https://x.example/api"], "option '--allow-net' \(origin) (got 'https://x.example/api')"),
            (["--allow-net", "https://x.example?q"], "option '--allow-net' \(origin) (got 'https://x.example?q')"),
            (["--allow-net", "https://a@x.example"], "option '--allow-net' \(origin) (got 'https://a@x.example')"),
            (["--allow-net", "https://x.example:99999"], "option '--allow-net' \(origin) (got 'https://x.example:99999')"),
            (["--allow-net", "ftp://x.example"], "option '--allow-net' \(origin) (got 'ftp://x.example')"),
            (["--allow-net", "http://good\\@evil"], "option '--allow-net' \(origin) (got 'http://good\\@evil')"),
            (["--allow-env", ""], "option '--allow-env' needs one variable's name (repeat the option for more; got '')"),
            (["--allow-env", "A=B"], "option '--allow-env' needs one variable's name (repeat the option for more; got 'A=B')"),
            (["--allow-read="], "option '--allow-read' needs a path"),
            (["--allow-write"], "option '--allow-write' needs a value"),
            (["--sandbox=1"], "option '--sandbox' takes no value"),
        ]
        for (arguments, message) in table {
            XCTAssertThrowsError(try Invocation(parsing: arguments), "\(arguments)") { error in
                XCTAssertEqual((error as? UsageError)?.message, message)
            }
        }
    }

    func testPolicies() {
        let table: [(name: String, invocation: Invocation, policy: Policy)] = [
            ("open by default", Invocation(), Policy(reads: .all, writes: .all, imports: .all, environment: .all,
                                                     network: .all, suggestsFlags: true)),
            ("read-only alone", Invocation(readOnly: true),
             Policy(reads: .all, writes: .all, imports: .all, environment: .all, network: .all, methods: .readOnly,
                    suggestsFlags: true)),
            ("a file's folder is an import root", Invocation(program: .file("jobs/deploy.rove"), sandbox: true),
             Policy(imports: .only(["jobs"]), suggestsFlags: true)),
            ("a bare file name's folder is .", Invocation(program: .file("deploy.rove"), sandbox: true),
             Policy(imports: .only(["."]), suggestsFlags: true)),
            ("a file at the root", Invocation(program: .file("/deploy.rove"), sandbox: true),
             Policy(imports: .only(["/"]), suggestsFlags: true)),
            ("-e has none", Invocation(program: .source("1"), sandbox: true), Policy(suggestsFlags: true)),
            ("what --allow-read opens it may import",
             Invocation(program: .file("/jobs/a.rove"), allowRead: ["/data"], allowWrite: ["/out"], allowEnv: ["STAGE"],
                        allowNet: ["https://x.example:443"]),
             Policy(reads: .only(["/data"]), writes: .only(["/out"]), imports: .only(["/jobs", "/data"]),
                    environment: .only(["STAGE"]), network: .only(["https://x.example:443"]), suggestsFlags: true)),
        ]
        for (name, invocation, policy) in table {
            XCTAssertEqual(invocation.policy, policy, name)
        }
    }

    /// Flags beat the profile setting by setting; a list from a flag replaces the profile's.
    func testFlagsBeatTheProfile() {
        let profile = RunSettings(sandbox: true, allowRead: ["/p"], allowEnv: ["P"], readOnly: true, maxTime: 5,
                                  maxSteps: 100, maxMemory: 1 << 20, maxRequests: 10, maxResponseBytes: 1024)
        let merged = Invocation(maxRequests: 3, maxSteps: 7, allowEnv: ["F"]).applying(profile)
        XCTAssertEqual(merged, Invocation(readOnly: true, maxRequests: 3, maxTime: 5, maxSteps: 7, maxMemory: 1 << 20,
                                          sandbox: true, allowRead: ["/p"], allowEnv: ["F"]))
        XCTAssertEqual(Invocation(readOnly: true).applying(RunSettings(readOnly: false)).readOnly, true,
                       "a profile cannot turn a flag off")
        XCTAssertEqual(Invocation().applying(RunSettings()), Invocation())
    }

    /// The project's file beats the user's key by key, as for connections; only the profile
    /// in use counts, and a profile may hold nothing but these keys.
    func testProfilesGiveRunSettings() throws {
        let user = ConfigSource(path: "/home/me/.config/rove/config.toml", text: """
            profile = "ci"
            [profiles.ci]
            sandbox = true
            allow_read = ["data", "/srv/shared"]
            allow_env = ["STAGE"]
            max_time = 30
            max_steps = 1_000_000
            max_memory = 512
            max_response_size = "1M"
            [profiles.other]
            read_only = true
            """)
        let project = ConfigSource(path: "/work/app/rove.toml", text: """
            [profiles.ci]
            allow_env = ["STAGE", "BUILD"]
            allow_net = ["https://octopus.example.com"]
            max_requests = 100
            max_memory = "1G"
            max_response_size = 2048
            read_only = false
            """)
        let resolved = try ConnectionSettings.resolve(environment: [:], profile: nil,
                                                      files: ConfigFiles(user: user, project: project))
        XCTAssertEqual(resolved.run, RunSettings(sandbox: true, allowRead: ["/home/me/.config/rove/data", "/srv/shared"],
                                                 allowEnv: ["STAGE", "BUILD"], allowNet: ["https://octopus.example.com:443"],
                                                 readOnly: false, maxTime: 30, maxSteps: 1_000_000, maxMemory: 1 << 30,
                                                 maxRequests: 100, maxResponseBytes: 2048))
        let other = try ConnectionSettings.resolve(environment: [:], profile: "other", files: ConfigFiles(user: user))
        XCTAssertEqual(other.run, RunSettings(readOnly: true))
        let none = try ConnectionSettings.resolve(environment: [:], profile: nil, files: ConfigFiles(project: project))
        XCTAssertEqual(none.run, RunSettings(), "no profile in use, no run settings")
    }

    func testRejectsBadRunSettings() {
        let table: [(text: String, error: String)] = [
            ("sandbox = \"yes\"", "config.toml:2:11: expected true or false for 'sandbox', found a string"),
            ("allow_read = \"/srv\"", "config.toml:2:14: expected an array of strings for 'allow_read', found a string"),
            ("allow_env = [1]", "config.toml:2:13: expected an array of strings for 'allow_env', found an integer in it"),
            ("allow_write = [\"\"]", "config.toml:2:15: 'allow_write' holds an empty string"),
            ("allow_env = [\"A,B\"]", "config.toml:2:13: allow_env: option '--allow-env' needs one variable's name"
                + " (repeat the option for more; got 'A,B')"),
            ("max_time = 0", "config.toml:2:12: max_time: option '--max-time' needs a number of seconds (got '0')"),
            ("max_time = \"soon\"", "config.toml:2:12: max_time: option '--max-time' needs a number of seconds (got 'soon')"),
            ("max_time = true", "config.toml:2:12: expected a number or text for 'max_time', found a boolean"),
            ("max_requests = -1", "config.toml:2:16: max_requests: option '--max-requests' needs a number of requests (got '-1')"),
            ("max_steps = 0", "config.toml:2:13: max_steps: option '--max-steps' needs a number of steps (got '0')"),
            ("max_memory = \"lots\"",
             "config.toml:2:14: max_memory: option '--max-memory' needs megabytes or a size such as 2G (got 'lots')"),
            ("max_response_size = \"lots\"",
             "config.toml:2:21: max_response_size: option '--max-response-size' needs a size such as 512M or 1G (got 'lots')"),
            ("allow_reads = []", "config.toml:2:1: unknown setting 'allow_reads' in profile 'ci' (expected octopus_*, "
                + "deployhq_*, sandbox, allow_read, allow_write, allow_env, allow_net, read_only, max_time, max_steps, "
                + "max_memory, max_requests or max_response_size); did you mean 'allow_read'?"),
        ]
        for (text, error) in table {
            let source = ConfigSource(path: "config.toml", text: "[profiles.ci]\n" + text)
            XCTAssertThrowsError(try ConnectionSettings.resolve(environment: [:], profile: "ci",
                                                                files: ConfigFiles(user: source)), text) { thrown in
                XCTAssertEqual(ConfigFileTests.located(thrown), error, text)
            }
        }
    }
}
