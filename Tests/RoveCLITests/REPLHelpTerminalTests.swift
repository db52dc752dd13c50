// help, exit, quit, `_` and Tab through a real pseudo-terminal, typed at as a person would.

import RoveTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Each test starts `rove` on a new terminal with HOME in a fresh folder (see REPLTerminalTests
/// for why prompts are waited for after a newline and keys typed only at a prompt).
final class REPLHelpTerminalTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        guard let made = makeTemporaryFolder(prefix: "rove-repl-help") else { throw XCTSkip("no temporary folder") }
        home = made
    }

    override func tearDown() {
        unlink(home + "/.local/state/rove/history")
        for folder in ["/.local/state/rove", "/.local/state", "/.local", ""] { rmdir(home + folder) }
    }

    private func startREPL(file: StaticString = #filePath, line: UInt = #line) throws -> TerminalSession {
        try TerminalSession.startREPL(home: home, file: file, line: line)
    }

    /// Types `entry` and Enter, and waits for the next prompt.
    private func enter(_ entry: String, in repl: TerminalSession, file: StaticString = #filePath, line: UInt = #line) {
        repl.type(entry + "\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen, file: file, line: line)
    }

    func testHelpOrientsAndDescribesABuiltin() throws {
        let repl = try startREPL()
        XCTAssertTrue(repl.screen.contains("Type help to find your way"), repl.screen)
        repl.type("help\r")
        XCTAssertTrue(repl.waitFor("Connections:\n  octopus   <octopus: not configured>\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("  help(x)        what x is and what it offers"), repl.screen)
        XCTAssertTrue(repl.waitFor("exit, quit or Ctrl-D ends the session.\n"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type(":help\r")
        XCTAssertTrue(repl.waitFor("Connections:"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("help(len)\r")
        XCTAssertTrue(repl.waitFor("len(x)\n  a string's characters, a list's items, an object's fields, a collection's size\nrove> "),
                      repl.screen)
        repl.type("help(nil)\r")
        XCTAssertTrue(repl.waitFor("nil\n  The absence of a value"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("help(help)\r")
        XCTAssertTrue(repl.waitFor("help(x)\n  what x is and what it offers"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("help(exit)\r")
        XCTAssertTrue(repl.waitFor("exit()\n  ends the session, as Ctrl-D does\nrove> "), repl.screen)
        repl.type("hlep(len)\r")
        XCTAssertTrue(repl.waitFor("undefined name 'hlep'; did you mean 'help'?"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("quit\r")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    /// Help fits the window as it is when asked: narrowed between two calls, the same
    /// description wraps under itself.
    func testHelpWrapsToTheWindowAsItIsNow() throws {
        let repl = try startREPL()
        repl.type("help(len)\r")
        XCTAssertTrue(repl.waitFor("len(x)\n  a string's characters, a list's items, an object's fields, a collection's size\nrove> "),
                      repl.screen)
        repl.resize(columns: 40, rows: 24)
        repl.type("help(len)\r")
        XCTAssertTrue(repl.waitFor("len(x)\n  a string's characters, a list's items,\n  an object's fields, a collection's\n  size\nrove> "),
                      repl.screen)
    }

    func testTheLastResultSurvivesErrorsAndNil() throws {
        let repl = try startREPL()
        repl.type("40 + 2\r")
        XCTAssertTrue(repl.waitFor("\n42\nrove> "), repl.screen)
        repl.type("_ * 2\r")
        XCTAssertTrue(repl.waitFor("\n84\nrove> "), repl.screen)
        repl.type("nosuch\r")
        XCTAssertTrue(repl.waitFor("undefined name 'nosuch'"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("_\r")
        XCTAssertTrue(repl.waitFor("\n84\nrove> "), repl.screen)
        enter("print(\"printed\")", in: repl)
        enter("let kept = 1", in: repl)
        repl.type("_ + 1\r")
        XCTAssertTrue(repl.waitFor("\n85\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testExitAndQuitEndTheSessionWhicheverWayTheyAreWritten() throws {
        for entry in ["exit", "quit", " exit ", ":quit", "exit()", "quit()", "if true { exit() }",
                      "try { quit() } catch e { print(\"caught\") }"] {
            let repl = try startREPL()
            repl.type(entry + "\r")
            XCTAssertEqual(repl.waitForExit(), 0, "\(entry): \(repl.screen)")
            XCTAssertFalse(repl.screen.contains("\ncaught\n"), "no try catches the end of the session: \(repl.screen)")
            XCTAssertFalse(repl.screen.contains("error"), "\(entry): \(repl.screen)")
        }
    }

    func testAWordTheScriptRedefinedIsNoLongerACommand() throws {
        let repl = try startREPL()
        enter("let help = \"mine\"", in: repl)
        repl.type("help\r")
        XCTAssertTrue(repl.waitFor("\nmine\nrove> "), repl.screen)
        enter("fn quit() { return 7 }", in: repl)
        repl.type("quit\r")
        XCTAssertTrue(repl.waitFor("<fn quit>\nrove> "), repl.screen)
        repl.type("quit()\r")
        XCTAssertTrue(repl.waitFor("\n7\nrove> "), repl.screen)
        repl.type("exit\r")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testOneTabListsTheCandidatesOfAnAmbiguousPrefix() throws {
        let repl = try startREPL()
        enter("let o = {Projects: 1, ProjectGroups: 2, Proxies: 3}", in: repl)
        repl.type("o.Pro\t")
        XCTAssertTrue(repl.waitFor("ProjectGroups"), repl.screen)
        XCTAssertTrue(repl.waitFor("Proxies"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> o.Pro"), "the line is drawn again under the list: \(repl.screen)")
        repl.type("j\t")
        XCTAssertTrue(repl.waitFor("o.Project"), repl.screen)
        repl.type("s\r")
        XCTAssertTrue(repl.waitFor("\n1\nrove> "), repl.screen)
    }

    func testANameThatIsNoIdentifierCompletesAsASubscript() throws {
        let repl = try startREPL()
        enter("let o = {\"Authenticate_Azure AD\": 1, \"Reporting/DeploymentsCountedByWeek\": 2, Other: 3}", in: repl)
        // libedit draws the change over the old text, so the screen's plain text keeps both;
        // the value the finished line gives shows what it became.
        repl.type("o.Auth\t")
        XCTAssertTrue(repl.waitFor("[\"Authenticate_Azure AD\"]"), repl.screen)
        repl.type("\r")
        XCTAssertTrue(repl.waitFor("\n1\nrove> "), repl.screen)
        repl.type("o.Rep\t")
        XCTAssertTrue(repl.waitFor("[\"Reporting/DeploymentsCountedByWeek\"]"), repl.screen)
        repl.type("\r")
        XCTAssertTrue(repl.waitFor("\n2\nrove> "), repl.screen)
        repl.type("o[\"Authenticate_Azure A\t")
        XCTAssertTrue(repl.waitFor("AD\"]"), repl.screen)
        repl.type("\r")
        XCTAssertTrue(repl.waitFor("\n1\nrove> "), repl.screen)
    }

    func testHostileKeysAreListedAndCompletedEscaped() throws {
        let repl = try startREPL()
        enter("let o = {\"esc\\u{1b}]0;pwned\\u{7}x\": 1, \"esc\\u{1b}[2Jy\": 2}", in: repl)
        repl.type("o.esc\t")
        XCTAssertTrue(repl.waitFor("[\"esc\\u{1b}]0;pwned\\u{7}x\"]"), repl.screen)
        XCTAssertTrue(repl.waitFor("[\"esc\\u{1b}[2Jy\"]"), repl.screen)
        // The shared start went in as an open subscript (`o["esc\u{1b}`); finish the key by hand.
        repl.type("[2Jy\"]\r")
        XCTAssertTrue(repl.waitFor("\n2\nrove> "), repl.screen)
        let raw = repl.rawOutput
        for payload in ["\u{1b}]0;pwned", "\u{1b}[2J"] {
            XCTAssertNil(find(Array(payload.utf8), in: raw), "\(payload.debugDescription) reached the terminal raw")
        }
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
