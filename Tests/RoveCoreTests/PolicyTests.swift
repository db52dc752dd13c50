// The policy as tables: hostile paths and names first, then what a root or a name lets through.

import XCTest
@testable import RoveCore

final class PolicyTests: XCTestCase {
    /// Lexical checks (a host without a file system): spellings that climb out of a root are
    /// refused, whatever they look like.
    func testPathsThatLeaveARootAreDenied() {
        let policy = Policy(reads: .only(["/srv/jobs", "data"]))
        let hostile = [
            "/srv/jobs/../secrets.txt", "/srv/jobs/./../../etc/passwd", "/srv/jobs/a/../../x",
            "/srv/jobsx/file", "/srv/job", "/srv", "/", "/etc/passwd", "//etc/passwd",
            "data/../x", "../data/x", "./../data", "datax/y", "/data/x", "", ".",
        ]
        for path in hostile {
            XCTAssertThrowsError(try policy.check(.read, path: path, resolve: Policy.normalized), path) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .denied, path)
                XCTAssertEqual((error as? Diagnostic)?.fields["path"], .string(path), path)
            }
        }
    }

    func testPathsInsideARootAreAllowedAndComeBackNormalised() throws {
        let policy = Policy(reads: .only(["/srv/jobs/", "data", "/srv/one.txt"]))
        let table: [(path: String, opened: String)] = [
            ("/srv/jobs", "/srv/jobs"), ("/srv/jobs/", "/srv/jobs"), ("/srv/jobs/a/b.json", "/srv/jobs/a/b.json"),
            ("/srv/jobs//a/./b/../c", "/srv/jobs/a/c"), ("/srv/x/../jobs/a", "/srv/jobs/a"),
            ("data/x.csv", "data/x.csv"), ("./data/x.csv", "data/x.csv"), ("data/a/../b", "data/b"),
            ("/srv/one.txt", "/srv/one.txt"),
        ]
        for (path, opened) in table {
            XCTAssertEqual(try policy.check(.read, path: path, resolve: Policy.normalized), opened, path)
        }
        // The root `/` holds every absolute path, `.` every relative one that stays below it.
        XCTAssertEqual(try Policy(reads: .only(["/"])).check(.read, path: "/etc/../x", resolve: Policy.normalized), "/x")
        XCTAssertEqual(try Policy(reads: .only(["."])).check(.read, path: "a/b", resolve: Policy.normalized), "a/b")
        XCTAssertThrowsError(try Policy(reads: .only(["."])).check(.read, path: "../a", resolve: Policy.normalized))
    }

    /// A path is checked in the form the host resolves it to, and that form is what is opened:
    /// a link inside a root that leads out of it is denied, naming both.
    func testTheResolvedPathIsWhatIsCheckedAndOpened() throws {
        let links = ["/srv/jobs/passwd": "/etc/passwd", "/srv/jobs/mirror": "/srv/jobs/real"]
        let resolve = { (path: String) in links[Policy.normalized(path)] ?? Policy.normalized(path) }
        let policy = Policy(reads: .only(["/srv/jobs"]), suggestsFlags: true)
        XCTAssertEqual(try policy.check(.read, path: "/srv/jobs/mirror", resolve: resolve), "/srv/jobs/real")
        XCTAssertThrowsError(try policy.check(.read, path: "/srv/jobs/passwd", resolve: resolve)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "reading '/srv/jobs/passwd' (/etc/passwd) is not allowed: rove --allow-read /etc/passwd")
        }
    }

    /// Each use has its own roots: reading a folder does not allow writing it, and importing
    /// from one does not allow reading its data.
    func testReadsWritesAndImportsAreSeparate() throws {
        let policy = Policy(reads: .only(["/data"]), writes: .only(["/out"]), imports: .only(["/jobs"]))
        let table: [(use: Policy.FileUse, path: String, allowed: Bool)] = [
            (.read, "/data/a", true), (.write, "/data/a", false), (.import, "/data/a.rove", false),
            (.read, "/out/a", false), (.write, "/out/a", true), (.import, "/out/a.rove", false),
            (.read, "/jobs/a.rove", false), (.write, "/jobs/a.rove", false), (.import, "/jobs/lib/a.rove", true),
        ]
        for (use, path, allowed) in table {
            let result = Result { try policy.check(use, path: path, resolve: Policy.normalized) }
            XCTAssertEqual((try? result.get()) != nil, allowed, "\(use) \(path)")
        }
    }

    func testAGrantOfAllResolvesNothing() throws {
        var resolved = 0
        let path = try Policy.unrestricted.check(.write, path: "a/../b", resolve: { resolved += 1; return $0 })
        XCTAssertEqual(path, "a/../b", "an unrestricted use opens the path as the script wrote it")
        XCTAssertEqual(resolved, 0)
    }

    func testEnvironmentNamesMatchExactly() {
        let policy = Policy(environment: .only(["STAGE", "DEPLOY_TOKEN"]))
        for name in ["STAGE", "DEPLOY_TOKEN"] {
            XCTAssertNoThrow(try policy.checkEnvironment(name), name)
        }
        for name in ["stage", "STAGE ", "DEPLOY", "DEPLOY_TOKEN2", "", "HOME", "STAGE,HOME"] {
            XCTAssertThrowsError(try policy.checkEnvironment(name), name) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .denied)
                XCTAssertEqual((error as? Diagnostic)?.fields["variable"], .string(name))
            }
        }
        XCTAssertNoThrow(try Policy.unrestricted.checkEnvironment("HOME"))
    }

    /// The message says what was refused; the CLI's policies add the command that allows it,
    /// quoted for a shell.
    func testDenialMessages() {
        let table: [(policy: Policy, check: (Policy) throws -> Void, message: String)] = [
            (.sandboxed, { try $0.checkEnvironment("HOME") }, "reading the environment variable 'HOME' is not allowed"),
            (Policy(suggestsFlags: true), { try $0.checkEnvironment("HOME") },
             "reading the environment variable 'HOME' is not allowed: rove --allow-env HOME"),
            (Policy(suggestsFlags: true), { _ = try $0.check(.read, path: "/etc/passwd", resolve: Policy.normalized) },
             "reading '/etc/passwd' is not allowed: rove --allow-read /etc/passwd"),
            (Policy(suggestsFlags: true), { _ = try $0.check(.write, path: "/tmp/my out/x's", resolve: Policy.normalized) },
             "writing '/tmp/my out/x's' is not allowed: rove --allow-write '/tmp/my out/x'\\''s'"),
            (Policy(suggestsFlags: true), { _ = try $0.check(.import, path: "lib/../x.rove", resolve: Policy.normalized) },
             "importing 'lib/../x.rove' (x.rove) is not allowed: rove --allow-read x.rove"),
        ]
        for (policy, check, message) in table {
            XCTAssertThrowsError(try check(policy)) { error in
                XCTAssertEqual((error as? Diagnostic)?.message, message)
            }
        }
    }

    func testNormalised() {
        let table: [(String, String)] = [
            ("/a/./b/../c", "/a/c"), ("/..", "/"), ("/../../x", "/x"), ("a/../../b", "../b"), ("", "."),
            ("./", "."), ("a//b///", "a/b"), ("/", "/"), ("..", ".."), ("a/..", "."), ("/a/b/..", "/a"),
        ]
        for (path, expected) in table {
            XCTAssertEqual(Policy.normalized(path), expected, path)
        }
    }

    // MARK: The interpreter

    /// A host that says nothing gets a sandboxed interpreter: a script reaches no file, no
    /// variable and no import even when the host's capabilities could, and it can catch the
    /// refusal; a bundled library still imports.
    func testAHostsInterpreterIsDeniedByDefault() throws {
        var touched: [String] = []
        let host = Host(environment: ["HOME": "/root"],
                        readFile: { touched.append("read " + $0); return "let x = 1" },
                        writeFile: { path, _ in touched.append("write " + path) })
        let interpreter = Interpreter(host: host)
        XCTAssertEqual(interpreter.policy, .sandboxed)
        let hostile = ["readFile(\"/etc/passwd\")", "writeFile(\"/tmp/x\", \"y\")", "env(\"HOME\")",
                       "import \"lib.rove\"", "import \"/etc/passwd\""]
        for source in hostile {
            XCTAssertThrowsError(try interpreter.run(source, file: "job.rove"), source) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .denied, source)
                XCTAssertNotNil((error as? Diagnostic)?.location, source)
            }
        }
        XCTAssertEqual(touched, [], "the host's capabilities were never called")
        XCTAssertEqual(try interpreter.run("var kind = nil; try { env(\"HOME\") } catch e { kind = e.kind }; kind",
                                           file: "job.rove"), "denied")
        interpreter.bundle(library: "gate.rove", source: "fn approve() { return \"ok\" }")
        XCTAssertEqual(try interpreter.run("import \"std/gate.rove\"; approve()", file: "job.rove"), "ok")
    }

    /// A host opens what its scripts need, per interpreter.
    func testAHostOpensWhatItGives() throws {
        var written: [String: String] = [:]
        let host = Host(environment: ["STAGE": "test", "HOME": "/root"],
                        readFile: { path in path == "/jobs/lib.rove" ? "let shared = 41" : "data of \(path)" },
                        writeFile: { written[$0] = $1 })
        let interpreter = Interpreter(host: host)
        interpreter.policy = Policy(reads: .only(["/data"]), writes: .only(["/out"]), imports: .only(["/jobs"]),
                                    environment: .only(["STAGE"]))
        XCTAssertEqual(try interpreter.run("import \"lib.rove\"; shared + 1", file: "/jobs/main.rove"), 42)
        XCTAssertEqual(try interpreter.run("env(\"STAGE\")", file: "/jobs/main.rove"), "test")
        XCTAssertEqual(try interpreter.run("readFile(\"/data/./a.csv\")", file: "/jobs/main.rove"), "data of /data/a.csv")
        _ = try interpreter.run("writeFile(\"/out/r.txt\", \"ok\")", file: "/jobs/main.rove")
        XCTAssertEqual(written, ["/out/r.txt": "ok"])
        for source in ["env(\"HOME\")", "readFile(\"/jobs/lib.rove\")", "writeFile(\"/data/a.csv\", \"\")",
                       "import \"/data/a.csv\""] {
            XCTAssertThrowsError(try interpreter.run(source, file: "/jobs/main.rove"), source)
        }
        // A second interpreter of the same host keeps its own policy.
        XCTAssertThrowsError(try Interpreter(host: host).run("env(\"STAGE\")", file: "t"))
    }

    /// A denied import is reported as the denial, not as a failed read, and is not remembered
    /// as imported: once allowed, it runs.
    func testADeniedImportCanBeAllowedLater() throws {
        let interpreter = Interpreter(host: Host(readFile: { _ in "let y = 2" }))
        XCTAssertThrowsError(try interpreter.run("import \"lib.rove\"", file: "/jobs/main.rove")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "importing '/jobs/lib.rove' is not allowed")
            XCTAssertEqual((error as? Diagnostic)?.location?.line, 1)
        }
        interpreter.policy.imports = .only(["/jobs"])
        XCTAssertEqual(try interpreter.run("import \"lib.rove\"; y", file: "/jobs/main.rove"), 2)
    }
}
