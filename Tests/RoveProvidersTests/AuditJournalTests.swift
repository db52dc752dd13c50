// `--audit`: one JSON line per write and one per run, against rove-sim, however the run ends, never a secret.

import Foundation
import RoveCLI
import RoveHTTP
import RoveTestSupport
import XCTest

final class AuditJournalTests: XCTestCase {
    private var folder = ""
    private let canaryKey = "API-CANARYKEY5555555555"
    private let canarySecret = "canary-secret-value-2718"

    override func setUpWithError() throws {
        folder = try temporaryFolder(prefix: "rove-audit")
    }

    private func lines(of journal: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        XCTAssertFalse(text.contains(canaryKey) || text.contains("CANARYKEY"), "the API key is in the journal")
        XCTAssertFalse(text.contains(canarySecret), "a secret is in the journal")
        return try text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
        }
    }

    /// A write that succeeds, one the server refuses, a script that throws and one stopped by
    /// --max-steps: a line per write with every field, and a run line with each exit code.
    func testEachWriteAndEachRunIsJournaledHoweverTheRunEnds() throws {
        let simulator = try SimulatorProcess(arguments: ["--octopus-api-key", canaryKey])
        defer { _ = simulator.stop() }
        let journal = folder + "/journal.jsonl"
        let script = folder + "/job.rove"
        try """
            let made = octopus.Environments.create({Name: "Perf", Description: secret("\(canarySecret)")})
            print(made.Id)
            octopus.Environments.create({Name: "Perf"})
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let first = try CLIRun(["--audit", journal, script, canarySecret], environment: simulator.environment)
        XCTAssertEqual(first.status, 4, first.errors)
        let steps = try CLIRun(["--audit", journal, "--max-steps", "100", "-e",
                                "octopus.post(\"/api/Spaces-1/environments\", {Name: \"Load\"})\nwhile true {}"],
                               environment: simulator.environment)
        XCTAssertEqual(steps.status, 7, steps.errors)
        let thrown = try CLIRun(["--audit", journal, "-e", "throw \"stop\""], environment: simulator.environment)
        XCTAssertEqual(thrown.status, 1)

        let entries = try lines(of: journal)
        XCTAssertEqual(entries.map { $0["type"] as? String }, ["write", "write", "run", "write", "run", "run"])
        let created = entries[0]
        XCTAssertEqual(created["connection"] as? String, "octopus")
        XCTAssertEqual(created["method"] as? String, "POST")
        XCTAssertEqual(created["url"] as? String, simulator.octopusURL + "/api/Spaces-1/environments")
        XCTAssertEqual(created["status"] as? Int, 201)
        XCTAssertEqual(created["created"] as? String, first.output.trimmingCharacters(in: .newlines))
        XCTAssertEqual(created["location"] as? String, script + ":1")
        let body = "{\"Name\":\"Perf\",\"Description\":\"•••\"}"
        XCTAssertEqual(created["bodyBytes"] as? Int, ("{\"Name\":\"Perf\",\"Description\":\"\(canarySecret)\"}").utf8.count)
        XCTAssertEqual(created["bodySHA256"] as? String, sha256Hex(Array(body.utf8)), "the digest is of the masked body")
        XCTAssertNotNil(created["durationMs"] as? Int)
        XCTAssertNotNil((created["time"] as? String)?.hasSuffix("Z"))
        let refused = entries[1]
        XCTAssertEqual(refused["status"] as? Int, 409)
        XCTAssertEqual(refused["location"] as? String, script + ":3")
        XCTAssertTrue((refused["error"] as? String)?.contains("409") ?? false)
        XCTAssertTrue(refused["created"] is NSNull)
        XCTAssertEqual(entries[2]["script"] as? String, script)
        XCTAssertEqual(entries[2]["arguments"] as? [String], ["•••"], "an argument that is a secret is masked")
        XCTAssertEqual(entries[2]["exitCode"] as? Int, 4)
        XCTAssertEqual(entries[3]["status"] as? Int, 201)
        XCTAssertEqual(entries[3]["location"] as? String, "<-e>:1")
        XCTAssertEqual(entries[4]["exitCode"] as? Int, 7)
        XCTAssertEqual(entries[5]["exitCode"] as? Int, 1)
    }

    /// Ctrl-C: the write already made is in the journal, and the run line says 130.
    func testAnInterruptedRunStillEndsItsJournal() throws {
        let simulator = try SimulatorProcess(arguments: ["--octopus-api-key", canaryKey])
        defer { _ = simulator.stop() }
        guard let executable = BuiltProducts.executable(named: "rove", environment: ProcessInfo.processInfo.environment) else {
            throw XCTSkip("no rove binary")
        }
        let journal = folder + "/journal.jsonl"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--audit", journal, "-e", "octopus.Environments.create({Name: \"Soak\"})\nsleep(60)"]
        process.environment = simulator.environment.merging(["HOME": folder, "PATH": "/usr/bin:/bin"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while (try? String(contentsOfFile: journal, encoding: .utf8))?.contains("\"write\"") != true, Date() < deadline {
            usleep(20_000)
        }
        process.interrupt()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let entries = try lines(of: journal)
        XCTAssertEqual(entries.map { $0["type"] as? String }, ["write", "run"])
        XCTAssertEqual(entries.last?["exitCode"] as? Int, 130)
    }

    /// Known SHA-256 vectors (FIPS 180-4 examples), across the padding boundaries.
    func testTheDigestIsSHA256() {
        let cases: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        for (text, digest) in cases { XCTAssertEqual(sha256Hex(Array(text.utf8)), digest, String(text.prefix(20))) }
    }
}
