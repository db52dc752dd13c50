// `--sandbox`, the `--allow-*` flags and a profile's sandbox keys as one table: arguments and stdin in, stdout, stderr and exit status out.

import RoveCLI
import RoveCore
import RoveHost
import RoveTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of the CLI in a folder of files (`$DIR`), and what it must produce.
private struct Case {
    let name: String
    let arguments: [String]
    var input = ""
    var environment: [String: String] = [:]
    /// Standard output, exactly.
    var output = ""
    /// Text standard error must contain; nil means standard error must be empty.
    var error: String?
    var status: Int32 = 0
}

/// The files of `$DIR`. A name ending in `@` is a link to the text.
private let files: [String: String] = [
    "job/main.rove": "import \"lib/helpers.rove\"\nprint(greet(\"sandbox\"))\n",
    "job/lib/helpers.rove": "fn greet(name) { return \"hello \\(name)\" }\n",
    "job/escape.rove": "import \"../outside/lib.rove\"\nprint(stolen)\n",
    "data/in.txt": "inside\n",
    "data/link@": "../outside/secret.txt",
    "outside/secret.txt": "secret\n",
    "outside/lib.rove": "let stolen = \"from outside\"\n",
    "config/rove/config.toml": """
        [profiles.ci]
        sandbox = true
        allow_env = ["STAGE"]
        allow_read = ["../../data"]   # relative to this file's folder, config/rove

        [profiles.careful]
        read_only = true
        max_requests = 0
        max_time = "0.3"

        [profiles.counted]
        max_steps = 100

        [profiles.loose]
        allow_net = ["http://127.0.0.1:9"]
        """,
    "bad/rove/config.toml": "[profiles.ci]\nallow_net = [\"evil.example\"]\n",
]

private let stage = ["STAGE": "test", "HOME": "/home/me"]
private let profiles = ["STAGE": "test", "HOME": "/home/me", "XDG_CONFIG_HOME": "$DIR/config"]

private let cases: [Case] = [
    // The hostile cases first: what the sandbox keeps closed, each refusal exit 8 and naming its flag.
    Case(name: "--sandbox closes the environment", arguments: ["--sandbox", "-e", "env(\"HOME\")"], environment: stage,
         error: "<-e>:1:4: error: reading the environment variable 'HOME' is not allowed: rove --allow-env HOME", status: 8),
    Case(name: "--sandbox closes files", arguments: ["--sandbox", "-e", "readFile(args[0])", "$DIR/data/in.txt"],
         error: "reading '$DIR/data/in.txt' is not allowed: rove --allow-read $DIR/data/in.txt", status: 8),
    Case(name: "--sandbox closes writes", arguments: ["--sandbox", "-e", "writeFile(args[0], \"x\")", "$DIR/out.txt"],
         error: "writing '$DIR/out.txt' is not allowed: rove --allow-write $DIR/out.txt", status: 8),
    Case(name: "a link inside an allowed folder cannot lead out of it",
         arguments: ["--allow-read", "$DIR/data", "-e", "readFile(args[0])", "$DIR/data/link"],
         error: "reading '$DIR/data/link' ($DIR/outside/secret.txt) is not allowed", status: 8),
    Case(name: "'..' cannot climb out of an allowed folder",
         arguments: ["--allow-read", "$DIR/data", "-e", "readFile(args[0])", "$DIR/data/../outside/secret.txt"],
         error: "($DIR/outside/secret.txt) is not allowed: rove --allow-read $DIR/outside/secret.txt", status: 8),
    Case(name: "a relative path is checked where it really is",
         arguments: ["--allow-read", "$DIR/data", "-e", "readFile(\"../../etc/passwd\")"],
         error: "reading '../../etc/passwd' (", status: 8),
    Case(name: "an import outside the script's folder is denied", arguments: ["--sandbox", "$DIR/job/escape.rove"],
         error: "escape.rove:1:1: error: importing '$DIR/outside/lib.rove' is not allowed: rove --allow-read", status: 8),
    Case(name: "-e has no folder of its own to import from", arguments: ["--sandbox", "-e", "import \"lib.rove\""],
         error: "importing 'lib.rove' (", status: 8),
    Case(name: "a program on stdin is sandboxed too", arguments: ["--sandbox"], input: "print(1)\nenv(\"HOME\")\n",
         environment: stage, output: "1\n", error: "<stdin>:2:4: error: reading the environment variable 'HOME'", status: 8),
    Case(name: "--sandbox closes new connections",
         arguments: ["--sandbox", "-e", "connect(octopus: \"https://octopus.example.com\", apiKey: \"k\")"],
         error: "connecting to https://octopus.example.com:443 is not allowed: rove --allow-net https://octopus.example.com:443",
         status: 8),
    Case(name: "userinfo does not pass for the allowed host",
         arguments: ["--allow-net", "https://octopus.example.com", "-e",
                     "connect(octopus: \"https://octopus.example.com@evil.example/\", apiKey: \"k\")"],
         error: "connecting to https://evil.example:443 is not allowed", status: 8),
    Case(name: "another port is another origin",
         arguments: ["--allow-net", "https://octopus.example.com", "-e",
                     "connect(octopus: \"https://octopus.example.com:8443\", apiKey: \"k\")"],
         error: "connecting to https://octopus.example.com:8443 is not allowed", status: 8),
    Case(name: "http is not https",
         arguments: ["--allow-net", "https://octopus.example.com", "-e",
                     "connect(octopus: \"http://octopus.example.com\", apiKey: \"k\")"],
         error: "connecting to http://octopus.example.com:80 is not allowed", status: 8),
    Case(name: "a DeployHQ connection is checked alike",
         arguments: ["--sandbox", "-e", "connect(deployhq: \"https://acme.deployhq.com\", email: \"a@b.c\", apiKey: \"k\")"],
         error: "connecting to https://acme.deployhq.com:443 is not allowed", status: 8),
    Case(name: "an --allow-* flag implies --sandbox", arguments: ["--allow-env", "STAGE", "-e", "env(\"HOME\")"],
         environment: stage, error: "reading the environment variable 'HOME' is not allowed", status: 8),

    // What the allow flags open.
    Case(name: "without --sandbox everything is open", arguments: ["-e", "print(env(\"HOME\"), readFile(args[0]))", "$DIR/data/link"],
         environment: stage, output: "/home/me secret\n\n"),
    Case(name: "--allow-env opens one variable", arguments: ["--allow-env", "STAGE", "--sandbox", "-e", "env(\"STAGE\")"],
         environment: stage, output: "\"test\"\n"),
    Case(name: "--allow-read opens a folder and what is below it",
         arguments: ["--allow-read", "$DIR/data", "-e", "print(readFile(args[0]))", "$DIR/data/./in.txt"], output: "inside\n\n"),
    Case(name: "--allow-read may be repeated",
         arguments: ["--allow-read", "$DIR/outside", "--allow-read=$DIR/data", "-e", "print(readFile(args[0]))", "$DIR/data/link"],
         output: "secret\n\n"),
    Case(name: "--allow-write opens writing, not reading back",
         arguments: ["--allow-write", "$DIR/data", "-e", "writeFile(args[0], \"new\"); readFile(args[0])", "$DIR/data/new.txt"],
         error: "reading '$DIR/data/new.txt' is not allowed", status: 8),
    Case(name: "the script and the imports below its folder run under --sandbox",
         arguments: ["--sandbox", "$DIR/job/main.rove"], output: "hello sandbox\n"),
    Case(name: "--allow-read opens imports too", arguments: ["--allow-read", "$DIR/outside", "$DIR/job/escape.rove"],
         output: "from outside\n"),
    Case(name: "--allow-net opens one origin, any spelling of it",
         arguments: ["--allow-net", "https://Octopus.Example.com:443/", "-e",
                     "type(connect(octopus: \"https://octopus.example.com/api\", apiKey: \"k\"))"],
         output: "\"Octopus\"\n"),
    Case(name: "a denial is an error a script can catch",
         arguments: ["--sandbox", "-e", "try { env(\"HOME\") } catch e { print(e.kind, e.variable) }"], environment: stage,
         output: "denied HOME\n"),

    // Profiles: the same settings; flags beat them key by key.
    Case(name: "a profile sandboxes and opens", arguments: ["--profile", "ci", "-e", "print(env(\"STAGE\"), readFile(args[0]))",
                                                          "$DIR/data/in.txt"],
         environment: profiles, output: "test inside\n\n"),
    Case(name: "a profile's sandbox keeps the rest closed", arguments: ["--profile", "ci", "-e", "env(\"HOME\")"],
         environment: profiles, error: "reading the environment variable 'HOME' is not allowed", status: 8),
    Case(name: "a flag replaces the profile's list", arguments: ["--profile", "ci", "--allow-env", "HOME", "-e", "env(\"STAGE\")"],
         environment: profiles, error: "reading the environment variable 'STAGE' is not allowed", status: 8),
    Case(name: "a profile's read_only refuses writes before they leave",
         arguments: ["--profile", "careful", "--max-requests", "5", "-e",
                     "connect(octopus: \"http://127.0.0.1:9\", apiKey: \"k\").post(\"/api/x\", {})"],
         environment: profiles, error: "denied: POST http://127.0.0.1:9/api/x: the run is read-only", status: 8),
    Case(name: "a profile's max_requests", arguments: ["--profile", "careful", "-e",
                                                       "connect(octopus: \"http://127.0.0.1:9\", apiKey: \"k\").get(\"/api\")"],
         environment: profiles, error: "request limit reached: 0 requests were allowed", status: 7),
    Case(name: "a profile's max_time", arguments: ["--profile", "careful", "-e", "while true {}"],
         environment: profiles, error: "time limit of 0.3 s reached", status: 7),
    Case(name: "a profile's max_steps", arguments: ["--profile", "counted", "-e", "while true {}"],
         environment: profiles, error: "step limit of 100 reached", status: 7),
    Case(name: "the flag beats the profile's max_steps", arguments: ["--profile", "counted", "--max-steps", "1000", "-e",
                                                                   "var n = 0; while n < 500 { n += 1 }; n"],
         environment: profiles, output: "500\n"),
    Case(name: "a profile's allow_net implies the sandbox", arguments: ["--profile", "loose", "-e", "env(\"HOME\")"],
         environment: profiles, error: "reading the environment variable 'HOME' is not allowed", status: 8),
    Case(name: "a profile's bad origin is a usage error with its place", arguments: ["-e", "1"],
         environment: ["XDG_CONFIG_HOME": "$DIR/bad", "ROVE_PROFILE": "ci"],
         error: "$DIR/bad/rove/config.toml:2:13: error: allow_net: option '--allow-net' needs an origin", status: 2),

    // Usage errors.
    Case(name: "--allow-net needs an origin", arguments: ["--allow-net", "octopus.example.com", "-e", "1"],
         error: "rove: option '--allow-net' needs an origin such as https://octopus.example.com", status: 2),
    Case(name: "--allow-net takes no path", arguments: ["--allow-net=https://octopus.example.com/api", "-e", "1"],
         error: "(got 'https://octopus.example.com/api')", status: 2),
    Case(name: "--allow-net takes no user", arguments: ["--allow-net", "https://me@octopus.example.com", "-e", "1"],
         error: "(got 'https://me@octopus.example.com')", status: 2),
    Case(name: "--allow-env takes one name", arguments: ["--allow-env", "A,B", "-e", "1"],
         error: "option '--allow-env' needs one variable's name (repeat the option for more; got 'A,B')", status: 2),
    Case(name: "--allow-read needs a path", arguments: ["--allow-read"], error: "option '--allow-read' needs a value", status: 2),
    Case(name: "--allow-write needs a path", arguments: ["--allow-write=", "-e", "1"],
         error: "option '--allow-write' needs a path", status: 2),
    Case(name: "--sandbox takes no value", arguments: ["--sandbox=yes"], error: "option '--sandbox' takes no value", status: 2),
]

final class SandboxCaseTests: XCTestCase {
    /// The real path of the folder, so that the messages' resolved paths can be compared.
    private var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder(prefix: "rove-sandbox", realPath: true)
        for (name, text) in files {
            let path = folder + "/" + name
            var parent = Substring(path)
            parent = parent[..<parent.lastIndex(of: "/")!]
            try FileManager.default.createDirectory(atPath: String(parent), withIntermediateDirectories: true)
            if path.hasSuffix("@") {
                symlink(text, String(path.dropLast()))
            } else {
                try FileAccess.store(text, at: path)
            }
        }
    }

    func testCases() {
        for testCase in cases {
            let expand = { (text: String) in text.split(separator: "$DIR", omittingEmptySubsequences: false).joined(separator: self.folder) }
            let run = CLI.runInMemory(testCase.arguments.map(expand), input: testCase.input,
                                      environment: testCase.environment.mapValues(expand))
            let name = testCase.name
            XCTAssertEqual(run.status, testCase.status, "\(name): status; stderr: \(run.standardError)")
            XCTAssertEqual(run.standardOutput, expand(testCase.output), "\(name): stdout")
            if let part = testCase.error {
                XCTAssertTrue(run.standardError.contains(expand(part)), "\(name): stderr was \(run.standardError)")
            } else {
                XCTAssertEqual(run.standardError, "", "\(name): stderr")
            }
        }
        XCTAssertEqual(access(folder + "/outside/new.txt", F_OK), -1)
    }

    func testHelpListsTheFlagsAndExitCode8() {
        let help = CLI.runInMemory(["--help"]).standardOutput
        for flag in ["--sandbox", "--allow-read PATH", "--allow-write PATH", "--allow-env NAME", "--allow-net ORIGIN", "8 denied"] {
            XCTAssertTrue(help.contains(flag), flag)
        }
    }
}
