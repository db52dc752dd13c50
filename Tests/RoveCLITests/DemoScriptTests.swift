// scripts/demo's fast path: it builds only when what the programs are built from is newer than
// them. Asked with ROVE_DEMO_CHECK=1, in a copy of the script over a made-up checkout whose file
// dates the test sets, so nothing is built and no answer depends on timing.

import Foundation
import RoveTestSupport
import XCTest

final class DemoScriptTests: XCTestCase {
    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/demo").path

    private var root = ""

    override func setUpWithError() throws {
        root = try temporaryFolder(prefix: "rove-demo-script")
    }

    /// Writes `path` under the fake checkout (executable, for the programs), dated `time`.
    private func file(_ path: String, at time: TimeInterval, executable: Bool = false) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: full))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: time),
                                               .posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: full)
    }

    /// Dates the source folders `time`: a folder changes when a file in it comes or goes, and
    /// the script counts that too (a deleted source needs a build as much as an edited one).
    private func dateFolders(at time: TimeInterval) throws {
        for folder in ["Sources", "Sources/RoveCore"] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: time)],
                                                  ofItemAtPath: root + "/" + folder)
        }
    }

    /// What the script says it would do.
    private func check() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root + "/scripts/demo"]
        process.environment = ["ROVE_DEMO_CHECK": "1", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    func testBuildsOnlyWhenASourceIsNewerThanThePrograms() throws {
        try FileManager.default.createDirectory(atPath: root + "/scripts", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.script, toPath: root + "/scripts/demo")
        let start: TimeInterval = 1_700_000_000

        XCTAssertEqual(try check(), ".build/debug/rove is not built")
        try file("Sources/RoveCore/Lexer.swift", at: start)
        try file("Sources/RoveCore/Parser.swift", at: start)
        try dateFolders(at: start)
        try file("Package.swift", at: start)
        try file(".build/debug/rove", at: start + 10, executable: true)
        XCTAssertEqual(try check(), ".build/debug/rove-sim is not built")
        try file(".build/debug/rove-sim", at: start + 10, executable: true)
        XCTAssertEqual(try check(), "up to date")

        try file("Sources/RoveCore/Lexer.swift", at: start + 20)
        XCTAssertEqual(try check(), "Sources/RoveCore/Lexer.swift is newer than .build/debug/rove")
        // A build the script made after that change counts, though `swift build` found nothing
        // to redo and left the programs' dates alone.
        try file(".build/demo-built", at: start + 30)
        XCTAssertEqual(try check(), "up to date")

        try file("Package.resolved", at: start + 40)
        XCTAssertEqual(try check(), "Package.resolved is newer than .build/debug/rove")
        try file(".build/debug/rove", at: start + 50, executable: true)
        try file(".build/debug/rove-sim", at: start + 50, executable: true)
        XCTAssertEqual(try check(), "up to date")

        try FileManager.default.removeItem(atPath: root + "/Sources/RoveCore/Parser.swift")
        try dateFolders(at: start + 60)
        XCTAssertEqual(try check(), "Sources is newer than .build/debug/rove")
    }
}
