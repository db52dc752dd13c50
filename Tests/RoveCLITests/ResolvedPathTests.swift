// The process host's side of the policy: real paths through links, so no link leads out of a root.

import RoveCore
import RoveHost
import RoveTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class ResolvedPathTests: XCTestCase {
    /// The real path of a fresh folder holding `allowed/` and `outside/`, with links between them.
    private var root = ""

    override func setUpWithError() throws {
        root = try temporaryFolder(prefix: "rove-policy", realPath: true)
        for folder in ["allowed", "allowed/sub", "outside"] { mkdir(root + "/" + folder, 0o755) }
        try write("allowed/file.txt", "inside")
        try write("allowed/sub/deep.txt", "deeper")
        try write("outside/secret.txt", "secret")
        let links: [(String, String)] = [
            ("allowed/escape", root + "/outside"),           // a folder link out of the root
            ("allowed/escape-file", "../outside/secret.txt"), // a relative file link out of it
            ("allowed/dangling", root + "/outside/new.txt"), // writing through it would create outside
            ("allowed/chain", "dangling"),                   // a link to a dangling link
            ("allowed/inner", "sub"),                        // a link that stays inside
            ("allowed/loop", "loop"),                        // a link to itself
            ("link-to-allowed", "allowed"),                  // the root spelt through a link
        ]
        for (link, target) in links { symlink(target, root + "/" + link) }
    }

    private func write(_ name: String, _ text: String) throws {
        try FileAccess.store(text, at: root + "/" + name)
    }

    private var policy: Policy {
        Policy(reads: .only([root + "/allowed"]), writes: .only([root + "/allowed"]), suggestsFlags: true)
    }

    func testLinksOutOfARootAreDenied() {
        let hostile: [(use: Policy.FileUse, path: String, leadsTo: String)] = [
            (.read, "allowed/escape/secret.txt", "outside/secret.txt"),
            (.read, "allowed/escape-file", "outside/secret.txt"),
            (.write, "allowed/escape/new.txt", "outside/new.txt"),
            (.write, "allowed/dangling", "outside/new.txt"),
            (.write, "allowed/chain", "outside/new.txt"),
            (.read, "allowed/missing/../../outside/secret.txt", "outside/secret.txt"),
            (.read, "allowed/../outside/secret.txt", "outside/secret.txt"),
            (.read, "link-to-allowed/../outside/secret.txt", "outside/secret.txt"),
        ]
        for (use, path, target) in hostile {
            XCTAssertThrowsError(try policy.check(use, path: root + "/" + path, resolve: FileAccess.resolvedPath), path) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .denied, path)
                XCTAssertTrue((error as? Diagnostic)?.message.contains("(\(self.root)/\(target))") ?? false,
                              "\(path): \(String(describing: error))")
            }
        }
    }

    func testPathsThatStayInsideAreAllowedAsTheirRealPath() throws {
        let table: [(path: String, opened: String)] = [
            ("allowed/file.txt", "allowed/file.txt"),
            ("allowed/inner/deep.txt", "allowed/sub/deep.txt"),
            ("allowed/escape/../allowed/file.txt", "allowed/file.txt"),  // the link's `..` is its target's parent
            ("allowed/new.txt", "allowed/new.txt"),                      // not there yet: its folder is
            ("allowed/sub/../new.txt", "allowed/new.txt"),
            ("link-to-allowed/file.txt", "allowed/file.txt"),
        ]
        for (path, opened) in table {
            XCTAssertEqual(try policy.check(.write, path: root + "/" + path, resolve: FileAccess.resolvedPath),
                           root + "/" + opened, path)
        }
        // A root spelt through a link holds what is below its target.
        let throughLink = Policy(reads: .only([root + "/link-to-allowed"]))
        XCTAssertEqual(try throughLink.check(.read, path: root + "/allowed/file.txt", resolve: FileAccess.resolvedPath),
                       root + "/allowed/file.txt")
    }

    func testResolution() {
        XCTAssertEqual(FileAccess.resolvedPath(root + "/allowed/loop"), root + "/allowed/loop", "a loop ends, unresolved")
        XCTAssertEqual(FileAccess.resolvedPath(root + "//allowed/./sub/"), root + "/allowed/sub")
        XCTAssertEqual(FileAccess.resolvedPath("/"), "/")
        XCTAssertEqual(FileAccess.resolvedPath("/nonexistent-rove/a/../b"), "/nonexistent-rove/b")
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil, let cwd = realpath(buffer, nil) else { return XCTFail("no cwd") }
        defer { free(cwd) }
        XCTAssertEqual(FileAccess.resolvedPath("no-such-file.txt"), String(cString: cwd) + "/no-such-file.txt")
    }

    /// The whole path through the process host: the script's `readFile` and `writeFile` are
    /// checked against the real paths, and what is allowed is read and written for real.
    func testAProcessHostScriptCannotFollowALinkOut() throws {
        let output = MemoryOutput()
        let interpreter = Interpreter(host: Host.process(output: output, errors: output, environment: [:], secretVariables: [],
                                                         arguments: [], shouldStop: { false }))
        interpreter.policy = policy
        let base = root
        XCTAssertEqual(try interpreter.run("readFile(\"\(base)/allowed/inner/deep.txt\")", file: "t"), "deeper")
        _ = try interpreter.run("writeFile(\"\(base)/allowed/out.txt\", \"written\")", file: "t")
        XCTAssertEqual(try FileAccess.contents(of: root + "/allowed/out.txt"), "written")
        for source in ["readFile(\"\(base)/allowed/escape-file\")", "writeFile(\"\(base)/allowed/dangling\", \"x\")"] {
            XCTAssertThrowsError(try interpreter.run(source, file: "t"), source) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .denied, source)
            }
        }
        XCTAssertEqual(access(root + "/outside/new.txt", F_OK), -1, "nothing was created through the dangling link")
        XCTAssertThrowsError(try interpreter.run("readFile(\"\(base)/allowed/loop\")", file: "t")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .io, "a loop inside the root fails to open, as the kernel says")
        }
    }
}
