// `output()`, `--ci`, error annotations and `rove test` as one table: arguments in, stdout, stderr, files and exit status out.

import RoveCLI
import RoveCore
import RoveHost
import RoveTestSupport
import XCTest

/// One run of the CLI in a folder of files (`$DIR`), and what it must produce.
private struct Case {
    let name: String
    let arguments: [String]
    var environment: [String: String] = [:]
    /// Standard output, exactly.
    var output = ""
    /// Text standard error must contain, in order; empty means standard error must be empty.
    var errors: [String] = []
    /// A file of `$DIR` and text it must contain afterwards (the CI system's output files).
    var file: (name: String, contains: String)?
    var status: Int32 = 0
}

private let files: [String: String] = [
    "fail.rove": "fn check(x) {\n  if x > 1 { throw \"too big: \\(x)\" }\n}\ncheck(5)\n",
    "outputs.rove": "output(\"version\", \"1.2.3\")\noutput(\"notes\", \"line 1\\nline 2\")\n",
    "hostile.rove": "output(\"ok\", \"1\")\noutput(\"x]\\nother\", \"2\")\n",
    "tests/pass_test.rove": """
        # The top level runs again for each test: both see runs == 1.
        var runs = 0
        fn test_one() {
          runs += 1
          assertEqual(runs, 1)
        }
        fn test_two() {
          runs += 1
          assert(runs == 1, "top level shared between tests")
        }

        """,
    "tests/mixed_test.rove": """
        fn double(x) { return x * 2 }
        fn test_passes() {
          print("printed by a test")
          assertEqual(double(2), 4)
        }
        fn test_fails() {
          print("printed before failing")
          assertEqual(double(2), 5)
        }
        fn test_errors() {
          let project = nil
          project.Name
        }
        fn helper_is_not_a_test() { assert(false) }
        let test_closure = fn() { assert(false) }

        """,
    "tests/deep/syntax_test.rove": "fn test_never_runs() {\n  let = 1\n}\n",
    "tests/notes.rove": "fn test_not_in_a_test_file() { assert(false) }\n",
    "tests/.hidden/skipped_test.rove": "fn test_hidden() { assert(false) }\n",
    "sandboxed/env_test.rove": "fn test_reads_env() { assertEqual(env(\"STAGE\"), nil) }\n",
    "ci/fail_test.rove": "fn test_fails() { assertEqual(1, 2) }\n",
    "evil/a\nok   forged_test.rove": "fn test_x() { assert(false) }\n",
    "empty/readme.txt": "no tests here\n",
    "notests/none_test.rove": "let x = 1\n",
    // A test file with its recording beside it: replayed, so no server is configured or reached
    // (port 9 is discard: a request that got through would fail, not pass).
    "replayed/project_test.rove": """
        fn test_reads_the_recorded_project() { assertEqual(octopus.get("/api/projects/Projects-1").Name, "Web") }
        fn test_again_the_second_answer() { assertEqual(octopus.get("/api/projects/Projects-1").Name, "Web 2") }

        """,
    "replayed/project_test.recording.json": recording(["Web", "Web 2"]),
    // A script changed since it was recorded: the request it makes now is not in the recording.
    "changed/project_test.rove": """
        fn test_asks_for_another_project() { octopus.get("/api/projects/Projects-2") }
        fn test_swallows_the_miss() { try { octopus.get("/api/projects/Projects-3") } catch e { } }

        """,
    "changed/project_test.recording.json": recording(["Web"]),
    "corrupt/project_test.rove": "fn test_x() { }\n",
    "corrupt/project_test.recording.json": recording(["Web", "Web 2"]).replacingOccurrences(of: #""occurrence":1"#, with: #""occurrence":0"#),
]

/// A recording of `names.count` reads of the same project, answered with each name in turn.
private func recording(_ names: [String]) -> String {
    let exchanges = names.enumerated().map { occurrence, name in
        #"{"method":"GET","url":"http://127.0.0.1:9/api/projects/Projects-1","occurrence":\#(occurrence),"status":200,"#
            + #""headers":{"content-type":"application/json"},"body":"{\"Id\":\"Projects-1\",\"Name\":\"\#(name)\"}"}"#
    }
    return #"{"format":"rove-cassette","version":1,"connections":{"octopus":{"root":"yes","url":"http://127.0.0.1:9"}},"#
        + #""exchanges":[\#(exchanges.joined(separator: ","))]}"#
}

private let credentials = ["OCTOPUS_API_KEY": "API-CLEARTEXT"]

private let cases: [Case] = [
    // Outputs without a CI system: name=value on stdout.
    Case(name: "outputs without CI are name=value lines", arguments: ["-e", "output(\"version\", \"1.2.3\"); output(\"n\", 3)"],
         output: "version=1.2.3\nn=3\n"),
    Case(name: "a line break cannot inject a name=value line", arguments: ["-e", "output(\"v\", \"ok\\nadmin=true\")"],
         errors: ["output 'v' holds a line break"], status: 1),
    Case(name: "a hostile name is refused before anything is written", arguments: ["$DIR/hostile.rove"],
         output: "ok=1\n", errors: ["bad argument #1 to 'output' (an output name is letters"], status: 1),

    // GitHub Actions: $GITHUB_OUTPUT in its delimiter form, ::error on stdout.
    Case(name: "github outputs go to GITHUB_OUTPUT with delimiters", arguments: ["$DIR/outputs.rove"],
         environment: ["GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": "$DIR/github_output"],
         file: ("github_output", "\nline 1\nline 2\nghadelimiter_")),
    Case(name: "github without GITHUB_OUTPUT is an io error", arguments: ["--ci", "github", "$DIR/outputs.rove"],
         output: "::error file=$DIR/outputs.rove,line=1,col=7::cannot set output 'version': GITHUB_OUTPUT is not set (GitHub Actions sets it in every step)\n",
         errors: ["error: cannot set output 'version'"], status: 1),
    Case(name: "github annotates an uncaught error with file and line", arguments: ["$DIR/fail.rove"],
         environment: ["GITHUB_ACTIONS": "true"],
         output: "::error file=$DIR/fail.rove,line=2,col=14::too big: 5\n",
         errors: ["fail.rove:2:14: error: too big: 5", "at check ($DIR/fail.rove:2)"], status: 1),
    Case(name: "github annotation of -e has no file", arguments: ["--ci=github", "-e", "nope"],
         output: "::error::undefined name 'nope'\n", errors: ["<-e>:1:1: error: undefined name 'nope'"], status: 1),
    Case(name: "an annotation never holds a credential", arguments: ["--ci", "github", "-e", "throw \"key \\(env(\"OCTOPUS_API_KEY\"))\""],
         environment: credentials, output: "::error::key •••\n", errors: ["error: key •••"], status: 1),
    Case(name: "--ci none turns detection off", arguments: ["--ci", "none", "$DIR/fail.rove"],
         environment: ["GITHUB_ACTIONS": "true"], errors: ["error: too big: 5"], status: 1),

    // GitLab: a dotenv file the job names with ROVE_DOTENV; single-line values only.
    Case(name: "gitlab writes the dotenv file and refuses a multi-line value", arguments: ["$DIR/outputs.rove"],
         environment: ["GITLAB_CI": "true", "ROVE_DOTENV": "$DIR/build.env"],
         errors: ["output 'notes' holds a line break"], file: ("build.env", "version=1.2.3\n"), status: 1),
    Case(name: "gitlab without ROVE_DOTENV says how to set it", arguments: ["--ci", "gitlab", "-e", "output(\"v\", 1)"],
         errors: ["set ROVE_DOTENV to the file the job names in 'artifacts:reports:dotenv'"], status: 1),
    Case(name: "gitlab has no annotation of its own", arguments: ["$DIR/fail.rove"], environment: ["GITLAB_CI": "true"],
         errors: ["error: too big: 5"], status: 1),

    // Azure Pipelines, TeamCity, Octopus: service messages on stdout.
    Case(name: "azure outputs escape line breaks", arguments: ["$DIR/outputs.rove"], environment: ["TF_BUILD": "True"],
         output: "##vso[task.setvariable variable=version;isOutput=true]1.2.3\n##vso[task.setvariable variable=notes;isOutput=true]line 1%0Aline 2\n"),
    Case(name: "azure annotates with logissue", arguments: ["--ci", "azure", "$DIR/fail.rove"],
         output: "##vso[task.logissue type=error;sourcepath=$DIR/fail.rove;linenumber=2;columnnumber=14]too big: 5\n",
         errors: ["error: too big: 5"], status: 1),
    Case(name: "teamcity outputs escape with |", arguments: ["$DIR/outputs.rove"], environment: ["TEAMCITY_VERSION": "2024.12"],
         output: "##teamcity[setParameter name='version' value='1.2.3']\n##teamcity[setParameter name='notes' value='line 1|nline 2']\n"),
    Case(name: "teamcity annotates with buildProblem", arguments: ["--ci", "teamcity", "-e", "throw \"it's [bad]\""],
         output: "##teamcity[buildProblem description='it|'s |[bad|]']\n", errors: ["error: it's [bad]"], status: 1),
    Case(name: "octopus outputs are base64 service messages", arguments: ["$DIR/outputs.rove"],
         environment: ["OctopusCalamariWorkingDirectory": "/work"],
         output: "##octopus[setVariable name='dmVyc2lvbg==' value='MS4yLjM=']\n##octopus[setVariable name='bm90ZXM=' value='bGluZSAxCmxpbmUgMg==']\n"),
    Case(name: "--ci names a known system", arguments: ["--ci", "jenkins", "-e", "1"],
         errors: ["option '--ci' needs one of github, gitlab, azure, teamcity, octopus, none (got 'jenkins')"], status: 2),

    // rove test
    Case(name: "rove test: passing tests, exit 0", arguments: ["test", "$DIR/tests/pass_test.rove"],
         output: "ok   $DIR/tests/pass_test.rove test_one\nok   $DIR/tests/pass_test.rove test_two\n2 passed, 0 failed\n"),
    Case(name: "rove test: a folder, failing and erroring tests, a syntax error, exit 1", arguments: ["test", "$DIR/tests"],
         output: """
            FAIL $DIR/tests/deep/syntax_test.rove
            ok   $DIR/tests/mixed_test.rove test_passes
            FAIL $DIR/tests/mixed_test.rove test_fails
            printed before failing
            FAIL $DIR/tests/mixed_test.rove test_errors
            ok   $DIR/tests/pass_test.rove test_one
            ok   $DIR/tests/pass_test.rove test_two
            3 passed, 3 failed

            """,
         errors: ["syntax_test.rove:2:7: error: expected a name after 'let'",
                  "mixed_test.rove:8:14: error: assertEqual failed: expected 5, got 4", " 8 |   assertEqual(double(2), 5)",
                  "mixed_test.rove:12:11: error: cannot read member 'Name' of nil"],
         status: 1),
    Case(name: "rove test: without options a test reads the environment", arguments: ["test", "$DIR/sandboxed"],
         output: "ok   $DIR/sandboxed/env_test.rove test_reads_env\n1 passed, 0 failed\n"),
    Case(name: "rove test: options after test apply to each test", arguments: ["test", "--sandbox", "$DIR/sandboxed"],
         output: "FAIL $DIR/sandboxed/env_test.rove test_reads_env\n0 passed, 1 failed\n",
         errors: ["error: reading the environment variable 'STAGE' is not allowed"], status: 1),
    Case(name: "rove test: a failing test is annotated in CI", arguments: ["test", "--ci", "github", "$DIR/ci/fail_test.rove"],
         output: "FAIL $DIR/ci/fail_test.rove test_fails\n::error file=$DIR/ci/fail_test.rove,line=1,col=30::assertEqual failed: expected 2, got 1\n0 passed, 1 failed\n",
         errors: ["error: assertEqual failed: expected 2, got 1"], status: 1),
    Case(name: "rove test: a line break in a file name cannot forge a result line", arguments: ["test", "$DIR/evil"],
         output: "FAIL $DIR/evil/a ok   forged_test.rove test_x\n0 passed, 1 failed\n", errors: ["error: assertion failed"], status: 1),
    Case(name: "rove test: no test files is a usage error", arguments: ["test", "$DIR/empty"],
         errors: ["rove: no test files (*_test.rove) in $DIR/empty"], status: 2),
    Case(name: "rove test: test files without tests is a usage error", arguments: ["test", "$DIR/notests"],
         errors: ["rove: no tests in $DIR/notests/none_test.rove: a test is a top-level 'fn test_name()'"], status: 2),
    Case(name: "rove test: a missing path is a usage error", arguments: ["test", "$DIR/missing"],
         errors: ["rove: cannot read '$DIR/missing': no such file or folder"], status: 2),
    Case(name: "rove test: -e is a usage error", arguments: ["test", "-e", "1"],
         errors: ["'-e' cannot be used with 'rove test'"], status: 2),

    // rove test and recordings: a file's recording beside it is replayed, in the tests' order.
    Case(name: "rove test: a recording beside a test file is replayed, with no server configured",
         arguments: ["test", "$DIR/replayed"],
         output: """
            ok   $DIR/replayed/project_test.rove test_reads_the_recorded_project
            ok   $DIR/replayed/project_test.rove test_again_the_second_answer
            2 passed, 0 failed

            """),
    Case(name: "rove test: a request not in the recording fails the test, caught or not", arguments: ["test", "$DIR/changed"],
         output: """
            FAIL $DIR/changed/project_test.rove test_asks_for_another_project
            FAIL $DIR/changed/project_test.rove test_swallows_the_miss
            0 passed, 2 failed

            """,
         errors: ["GET http://127.0.0.1:9/api/projects/Projects-2", "not in the recording",
                  "nearest recorded: GET http://127.0.0.1:9/api/projects/Projects-1",
                  "the replay met a request not in $DIR/changed/project_test.recording.json: GET http://127.0.0.1:9/api/projects/Projects-3"],
         status: 1),
    Case(name: "rove test: a recording that cannot be read fails its file", arguments: ["test", "$DIR/corrupt"],
         output: "FAIL $DIR/corrupt/project_test.rove\n0 passed, 1 failed\n",
         errors: ["cannot replay '$DIR/corrupt/project_test.recording.json': exchange 2 repeats GET http://127.0.0.1:9/api/projects/Projects-1 (occurrence 0)"], status: 1),
    Case(name: "--update-recordings is for rove test", arguments: ["--update-recordings", "-e", "1"],
         errors: ["'--update-recordings' is for 'rove test'"], status: 2),
    Case(name: "--update-recordings writes each file's own recording", arguments: ["test", "--update-recordings", "--replay", "x.json"],
         errors: ["leave out '--record' and '--replay'"], status: 2),
]

final class PipelineCaseTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder(prefix: "rove-pipeline", realPath: true)
        for (name, text) in files {
            let path = folder + "/" + name
            let parent = String(path[..<path.lastIndex(of: "/")!])
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileAccess.store(text, at: path)
        }
    }

    func testCases() throws {
        for testCase in cases {
            let expand = { (text: String) in text.split(separator: "$DIR", omittingEmptySubsequences: false).joined(separator: self.folder) }
            let run = CLI.runInMemory(testCase.arguments.map(expand), environment: testCase.environment.mapValues(expand))
            let name = testCase.name
            XCTAssertEqual(run.status, testCase.status, "\(name): status; stderr: \(run.standardError)")
            XCTAssertEqual(run.standardOutput, expand(testCase.output), "\(name): stdout")
            if testCase.errors.isEmpty {
                XCTAssertEqual(run.standardError, "", "\(name): stderr")
            }
            var rest = Substring(run.standardError)
            for part in testCase.errors.map(expand) {
                guard let found = rest.range(of: part) else {
                    XCTFail("\(name): stderr lacks \(part) (in order); it was \(run.standardError)")
                    break
                }
                rest = rest[found.upperBound...]
            }
            if let (file, part) = testCase.file {
                let text = (try? FileAccess.contents(of: folder + "/" + file)) ?? "<missing>"
                XCTAssertTrue(text.contains(part), "\(name): \(file) was \(text)")
            }
            XCTAssertFalse((run.standardOutput + run.standardError).contains("CLEARTEXT"), "\(name): a credential was shown")
        }
    }

    /// The GitHub output file holds exactly the heredoc form, one delimiter per output, never in the value.
    func testGitHubOutputFileForm() throws {
        let path = folder + "/gh"
        let run = CLI.runInMemory(["-e", "output(\"a\", \"x\"); output(\"b\", \"1\\n2\")"],
                                  environment: ["GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": path])
        XCTAssertEqual(run.status, 0, run.standardError)
        let lines = try FileAccess.contents(of: path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, 8, "\(lines)")
        guard lines.count == 8 else { return }
        XCTAssertTrue(lines[0].hasPrefix("a<<ghadelimiter_"))
        XCTAssertEqual(lines[1], "x")
        XCTAssertEqual(lines[2], String(lines[0].dropFirst(3)))
        XCTAssertTrue(lines[3].hasPrefix("b<<ghadelimiter_"))
        XCTAssertEqual(Array(lines[4...5]), ["1", "2"])
        XCTAssertEqual(lines[6], String(lines[3].dropFirst(3)))
        XCTAssertEqual(lines[7], "")
    }
}
