// Default views on a real pseudo-terminal against rove-sim: the name column first at 80 and at
// 200 columns, and a window resized between two results laying the second out anew.

import Foundation
import RoveTestSupport
import XCTest

final class TableTerminalTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = try temporaryFolder(prefix: "rove-table-repl")
    }

    private func startREPL(_ simulator: SimulatorProcess, columns: Int,
                           file: StaticString = #filePath, line: UInt = #line) throws -> TerminalSession {
        try TerminalSession.startREPL(home: home, adding: simulator.environment, arguments: ["--no-pager"],
                                      columns: columns, rows: 50, file: file, line: line)
    }

    /// The lines `entry` printed: after its echo, up to the next prompt.
    private func show(_ entry: String, in repl: TerminalSession) -> [String] {
        repl.type(entry + "\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        var lines = repl.recentScreen.components(separatedBy: "\n")
        if let echo = lines.lastIndex(where: { $0.hasSuffix(entry) }) { lines.removeFirst(echo + 1) }
        return lines.filter { !$0.hasPrefix("rove> ") && !$0.isEmpty }
    }

    private func header(_ lines: [String]) -> [String] {
        lines.first?.split(separator: " ").map(String.init) ?? []
    }

    func testEachKindLeadsWithItsNameAt80And200Columns() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let table: [(entry: String, first: String, alsoAt200: [String])] = [
            ("octopus.Projects.take(5)", "Name", ["Description", "Id"]),
            ("octopus.Projects.find(name: \"Web\").Releases.take(5)", "Version", ["Assembled", "Id"]),
            ("octopus.Deployments.take(5)", "Name", ["Created", "Id"]),
            ("octopus.Tasks.take(5)", "Name", ["Description", "State", "StartTime", "Id"]),
            ("deployhq.projects", "name", ["last_deployed_at", "identifier"]),
            ("deployhq.projects.get(\"web\").servers", "name", ["hostname", "identifier"]),
            ("deployhq.projects.get(\"web\").deployments.take(5)", "status", ["timestamps.started_at", "deployer", "identifier"]),
        ]
        for columns in [80, 200] {
            let repl = try startREPL(simulator, columns: columns)
            for (entry, first, alsoAt200) in table {
                let lines = show(entry, in: repl)
                XCTAssertEqual(header(lines).first, first, "\(entry) at \(columns):\n\(lines.joined(separator: "\n"))")
                XCTAssertFalse(header(lines).contains("Links") || header(lines).contains("SpaceId"), entry)
                for line in lines { XCTAssertLessThanOrEqual(line.count, columns, "\(entry) wraps at \(columns): \(line)") }
                if columns == 200 {
                    for name in alsoAt200 { XCTAssertTrue(header(lines).contains(name), "\(entry) at 200 lacks \(name): \(lines)") }
                    XCTAssertEqual(header(lines).last == "Id" || header(lines).last == "identifier", alsoAt200.last == "Id" || alsoAt200.last == "identifier", entry)
                }
            }
            repl.type("\u{04}")
            XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
        }
    }

    /// The width is measured at each render: the same entry before and after the window grows
    /// is laid out for each size, with no restart.
    func testAResizeBetweenTwoRendersChangesTheLayout() throws {
        let simulator = try SimulatorProcess()
        defer { _ = simulator.stop() }
        let repl = try startREPL(simulator, columns: 80)
        let narrow = show("octopus.Tasks.take(3)", in: repl)
        repl.resize(columns: 200, rows: 50)
        let wide = show("octopus.Tasks.take(3)", in: repl)
        repl.resize(columns: 50, rows: 50)
        let narrower = show("octopus.Tasks.take(3)", in: repl)
        XCTAssertFalse(header(narrow).contains("CompletedTime"), narrow.joined(separator: "\n"))
        XCTAssertTrue(header(wide).contains("CompletedTime"), wide.joined(separator: "\n"))
        XCTAssertLessThan(header(narrower).count, header(narrow).count, narrower.joined(separator: "\n"))
        XCTAssertEqual(header(narrower).first, "Name")
        for line in narrower { XCTAssertLessThanOrEqual(line.count, 50, line) }
        // The hint under the narrow table fits, names the REPL's way, and is cut between words.
        let hint = try XCTUnwrap(narrow.last)
        XCTAssertTrue(hint.hasPrefix("(") && hint.hasSuffix(":output json)"), hint)
        XCTAssertFalse(hint.contains("--output"), hint)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }
}
