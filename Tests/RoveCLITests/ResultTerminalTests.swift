// REPL results on a real pseudo-terminal: paging through a PAGER substitute, colours and
// NO_COLOR, and what the pager choice reads from the environment.

@testable import RoveCLI
import RoveTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class ResultTerminalTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder(prefix: "rove-result-tests")
    }

    /// A pager that keeps what it was given in `<script>.out`, counting its runs in `<script>.runs`:
    /// tests read the file instead of waiting on a real `less`.
    private func makePager() throws -> String {
        let script = folder + "/pager.sh"
        try "#!/bin/sh\ncat > \"$0.out\"\necho run >> \"$0.runs\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return script
    }

    /// Colours are left to `variables` (a test sets NO_COLOR itself when it wants none).
    private func startREPL(_ variables: [String: String], arguments: [String] = [], rows: Int = 24,
                           file: StaticString = #filePath, line: UInt = #line) throws -> TerminalSession {
        try TerminalSession.startREPL(home: folder, colored: true, adding: variables, arguments: arguments, rows: rows,
                                      file: file, line: line)
    }

    private func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    func testAResultTallerThanTheScreenGoesThroughThePager() throws {
        let pager = try makePager()
        let repl = try startREPL(["PAGER": pager, "NO_COLOR": "1"])
        repl.type("(0..<60).map { {n: $0, text: \"row \\($0)\"} }\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        let paged = contents(pager + ".out")
        XCTAssertTrue(paged.hasPrefix(" n  text\n 0  row 0\n"), paged)
        XCTAssertTrue(paged.contains("59  row 59\n"), paged)
        XCTAssertFalse(repl.recentScreen.contains("row 59"), repl.screen)
        // A short result is written straight out; the pager does not run again.
        repl.type("(0..<3).map { {n: $0} }\r")
        XCTAssertTrue(repl.waitFor("\n2\nrove> "), repl.screen)
        XCTAssertEqual(contents(pager + ".runs"), "run\n")
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testThePagerIsOffWithNoPagerOrAnEmptyVariable() throws {
        let pager = try makePager()
        for (variables, arguments) in [(["PAGER": pager], ["--no-pager"]), (["PAGER": pager, "ROVE_PAGER": ""], [])] {
            let repl = try startREPL(variables.merging(["NO_COLOR": "1"]) { $1 }, arguments: arguments)
            repl.type("(0..<60).map { {n: $0} }\r")
            XCTAssertTrue(repl.waitFor("59\nrove> "), repl.screen)
            repl.type("\u{04}")
            XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: pager + ".out"))
    }

    func testROVE_PAGERBeatsPAGERAndAMissingPagerLosesNothing() throws {
        let pager = try makePager()
        let repl = try startREPL(["PAGER": "/no/such/pager", "ROVE_PAGER": pager, "NO_COLOR": "1"])
        repl.type("(0..<60).map { {n: $0} }\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        XCTAssertTrue(contents(pager + ".out").contains("59\n"))
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)

        let missing = try startREPL(["PAGER": "/no/such/pager", "NO_COLOR": "1"])
        missing.type("(0..<60).map { {n: $0} }\r")
        XCTAssertTrue(missing.waitFor("59\nrove> "), missing.screen)
        missing.type("\u{04}")
        XCTAssertEqual(missing.waitForExit(), 0, missing.screen)
    }

    /// Piped or redirected, a REPL never pages: a pager would sit between rove and the pipe.
    func testNoPagingWhenNotATerminal() throws {
        let pager = try makePager()
        let long = "(0..<200).map { {n: $0} }\n"
        // (A terminal for input alone cannot be run in process: libedit would read the test's own stdin.)
        for terminal in [Terminal.none, Terminal(input: false, output: true, error: true, width: 80, height: 24)] {
            let run = CLI.runInMemory(["-i"], input: long, environment: ["PAGER": pager, "NO_COLOR": "1"], terminal: terminal)
            XCTAssertEqual(run.status, 0, run.standardError)
            XCTAssertTrue(run.standardOutput.contains("199"), run.standardOutput)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: pager + ".out"))
    }

    func testValuesAreColouredAtATerminalUnlessNO_COLOR() throws {
        let coloured = try startREPL([:])
        coloured.type("[42, \"text\", nil]\r")
        XCTAssertTrue(coloured.waitFor("\nrove> "), coloured.screen)
        XCTAssertTrue(coloured.rawScreen.contains("[\u{1B}[36m42\u{1B}[0m, \u{1B}[32m\"text\"\u{1B}[0m, \u{1B}[2mnil\u{1B}[0m]"),
                      coloured.rawScreen)
        coloured.type("nope\r")
        XCTAssertTrue(coloured.waitFor("\nrove> "), coloured.screen)
        XCTAssertTrue(coloured.rawScreen.contains("\u{1B}[1;31merror:"), coloured.rawScreen)
        coloured.type("\u{04}")
        XCTAssertEqual(coloured.waitForExit(), 0)

        let plain = try startREPL(["NO_COLOR": "1"])
        plain.type("[42, \"text\", nil]\r")
        XCTAssertTrue(plain.waitFor("[42, \"text\", nil]\nrove> "), plain.screen)
        plain.type("nope\r")
        XCTAssertTrue(plain.waitFor("\nrove> "), plain.screen)
        XCTAssertFalse(plain.rawScreen.contains("\u{1B}[36m") || plain.rawScreen.contains("\u{1B}[1;31m"), plain.rawScreen)
        plain.type("\u{04}")
        XCTAssertEqual(plain.waitForExit(), 0)
    }

    /// A hostile string never reaches the terminal as an escape sequence, in a table, a
    /// literal, a bare string or an error.
    func testEscapeSequencesInDataStayInert() throws {
        let repl = try startREPL(["NO_COLOR": "1"])
        let evil = #"\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m"#
        for entry in ["[{Name: \"\(evil)\"}]", "\"\(evil)\"", "[\"\(evil)\"]", "throw \"\(evil)\"",
                      "[{Name: \"a\"}].select(\"\(evil)\")"] {
            repl.type(entry + "\r")
            XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        }
        let raw = repl.rawScreen
        XCTAssertFalse(raw.contains("\u{1B}]0;pwned"), raw)
        XCTAssertFalse(raw.contains("\u{1B}[2J"), raw)
        XCTAssertFalse(raw.contains("\u{9B}"), raw)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0)
    }

    func testThePagerTheEnvironmentChooses() {
        let table: [([String: String], String?)] = [
            ([:], "less -FRX"), (["PAGER": "more"], "more"), (["PAGER": "more", "ROVE_PAGER": "less -S"], "less -S"),
            (["PAGER": ""], nil), (["PAGER": "  "], nil), (["PAGER": "cat"], nil), (["PAGER": "more", "ROVE_PAGER": ""], nil),
        ]
        for (environment, expected) in table {
            XCTAssertEqual(Pager.configured(environment: environment)?.command, expected, "\(environment)")
        }
    }

    func testWhatCountsAsTallerThanTheScreen() {
        let table: [(String, Int?, Int?, Bool)] = [
            ("a\nb\n", 24, 80, false), (String(repeating: "x\n", count: 23), 24, 80, false),
            (String(repeating: "x\n", count: 24), 24, 80, true), (String(repeating: "x", count: 800) + "\n", 10, 80, true),
            (String(repeating: "x", count: 800) + "\n", 11, 80, false), ("\u{1B}[36m" + String(repeating: "x", count: 80) + "\u{1B}[0m\n", 2, 80, false),
            (String(repeating: "x\n", count: 500), nil, 80, false), (String(repeating: "x\n", count: 500), 1, 80, false),
        ]
        for (text, height, width, expected) in table {
            XCTAssertEqual(Pager.isTaller(text, thanScreenOf: height, width: width), expected, "\(text.count) chars in \(height.map(String.init) ?? "nil") lines")
        }
    }
}
