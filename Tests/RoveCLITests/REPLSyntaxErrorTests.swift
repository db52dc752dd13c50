// Syntax errors at the REPL, through a real pseudo-terminal: an entry that merely stops early
// goes on at the continuation prompt; one with a mistake is reported at once, at the mistake.

import RoveTestSupport
import XCTest

final class REPLSyntaxErrorTests: XCTestCase {
    /// No HOME: the REPL keeps no history file, so nothing is left behind.
    private func startREPL(file: StaticString = #filePath, line: UInt = #line) throws -> TerminalSession {
        try TerminalSession.startREPL(home: nil, file: file, line: line)
    }

    func testUnclosedConstructsContinueOnTheNextLine() throws {
        let repl = try startREPL()
        // (lines typed, each but the last answered by the continuation prompt; what the last shows)
        let entries: [([String], String)] = [
            (["let x = (1 + 2", "", ")"], "\nrove> "),
            (["x * [1,", "2][1]"], "\n6\nrove> "),
            (["let o = {a: 1,", "b: 2}", ], "\nrove> "),
            (["fn twice(n) {", "return n * 2", "}"], "\nrove> "),
            (["\"\"\"", "  text", "  \"\"\".count"], "\n4\nrove> "),
            (["print(\"abc\"", ")"], "\nabc\nrove> "),
        ]
        for (lines, shown) in entries {
            for line in lines.dropLast() {
                repl.type(line + "\r")
                XCTAssertTrue(repl.waitFor("\n...   "), "\(lines): \(repl.screen)")
            }
            repl.type(lines.last! + "\r")
            XCTAssertTrue(repl.waitFor(shown), "\(lines): \(repl.screen)")
            XCTAssertFalse(repl.recentScreen.contains("error"), "\(lines): \(repl.screen)")
        }
    }

    func testAMistakeEndsTheEntryAtOnce() throws {
        let repl = try startREPL()
        // A mistake no further line could mend: reported where it is, without waiting.
        repl.type("foo(1 2\r")
        XCTAssertTrue(repl.waitFor("<repl>:1:4: error: '(' was never closed\n 1 | foo(1 2\n   |    ^\n"
                                   + "<repl>:1:7: note: expected ',' or ')' after argument"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        // The `)` ends the interpolation, not the input.
        repl.type("\"\\(1 +)\"\r")
        XCTAssertTrue(repl.waitFor("<repl>:1:7: error: expected an expression, found ')'"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        // Inside an unfinished block: the mistake is reported, the unfinished block is not.
        repl.type("if true {\r")
        XCTAssertTrue(repl.waitFor("\n...   "), repl.screen)
        repl.type("let y = 1 @ 2\r")
        XCTAssertTrue(repl.waitFor("<repl>:2:11: error: unexpected character '@'"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        XCTAssertFalse(repl.recentScreen.contains("never closed"), repl.screen)
        // Several mistakes in one entry: all of them, once.
        repl.type("let a = ); let b = *\r")
        XCTAssertTrue(repl.waitFor("<repl>:1:9: error: expected an expression, found ')'"), repl.screen)
        XCTAssertTrue(repl.waitFor("<repl>:1:20: error: expected an expression, found '*'"), repl.screen)
        XCTAssertTrue(repl.waitFor("2 errors\nrove> "), repl.screen)
        // A string over two lines in plain quotes: one error, not one per quote.
        repl.type("print(\"one\r")
        XCTAssertTrue(repl.waitFor("\n...   "), repl.screen)
        repl.type("two\")\r")
        XCTAssertTrue(repl.waitFor("<repl>:1:7: error: unterminated string; use \"\"\" for text over several lines"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        XCTAssertFalse(repl.recentScreen.contains("errors"), repl.screen)
        // The session goes on.
        repl.type("1 + 1\r")
        XCTAssertTrue(repl.waitFor("\n2\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }
}
