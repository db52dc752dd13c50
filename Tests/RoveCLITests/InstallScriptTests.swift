// scripts/install's answers to a command line it will not build for: bad arguments, and a PREFIX
// it could not write. All of them come before the build, so these take milliseconds; the install
// itself, and the installed rove, are checked by scripts/install-check (run by scripts/test).

import Foundation
import RoveTestSupport
import XCTest

final class InstallScriptTests: XCTestCase {
    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/install").path
    private static let usage = "usage: scripts/install [PREFIX]    (default PREFIX: ~/.local)\n"

    private var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder(prefix: "rove-install-script")
    }

    func testAnswersBadArgumentsWithTheUsage() throws {
        let table: [(arguments: [String], status: Int32, output: String, error: String)] = [
            (["-h"], 0, Self.usage, ""),
            (["--help"], 0, Self.usage, ""),
            (["--prefix=/tmp"], 2, "", "install: unknown option '--prefix=/tmp'\n" + Self.usage),
            (["a", "b"], 2, "", "install: one PREFIX at most, got 2: a b\n" + Self.usage),
            ([""], 2, "", "install: PREFIX is empty\n" + Self.usage),
        ]
        for row in table {
            let result = try install(row.arguments)
            XCTAssertEqual(result.status, row.status, "\(row.arguments)")
            XCTAssertEqual(result.output, row.output, "\(row.arguments)")
            XCTAssertEqual(result.error, row.error, "\(row.arguments)")
        }
    }

    func testRefusesAPrefixThatIsAFile() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/file", contents: nil))
        let result = try install([folder + "/file"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "install: '\(folder)/file' is not a folder; choose another PREFIX\n")
    }

    func testRefusesAPrefixWhoseBinIsAFile() throws {
        try FileManager.default.createDirectory(atPath: folder + "/prefix", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/prefix/bin", contents: nil))
        let result = try install([folder + "/prefix/"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "install: '\(folder)/prefix/bin' is not a folder; choose another PREFIX\n")
    }

    /// A PREFIX below a file can never be made, whoever runs the script (root included).
    func testRefusesAPrefixItCannotMake() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/file", contents: nil))
        let result = try install([folder + "/file/prefix"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "install: cannot write to '\(folder)/file/prefix' ('\(folder)/file' is not a"
                       + " folder you can write); choose a PREFIX you own, such as ~/.local, or run as root for /usr/local\n")
    }

    /// A relative PREFIX is taken from the current folder, and messages show it whole.
    func testNamesARelativePrefixInFull() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/here", contents: nil))
        let result = try install(["here"], in: folder)
        XCTAssertEqual(result.error, "install: '\(folder)/here' is not a folder; choose another PREFIX\n")
    }

    /// Runs scripts/install without Swift on PATH: were a refusal missed, the build would fail at
    /// once instead of running for minutes.
    private func install(_ arguments: [String], in directory: String? = nil) throws
        -> (status: Int32, output: String, error: String)
    {
        try runToEnd("/bin/bash", [Self.script] + arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": folder],
                     in: directory ?? folder)
    }
}
