// The REPL through a real pseudo-terminal: the built `rove` binary, typed at like a person would.

import RoveTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Each test starts `rove` on a new terminal with HOME in a fresh folder, types, and waits for
/// text to appear. Waits poll with a generous deadline; no test measures or depends on time.
/// A prompt counts only after a newline ("\nrove> "): libedit redraws the line it edits, prompt
/// included, as keys arrive.
///
/// Keys are typed only once the REPL shows its prompt, as a person would: a Ctrl-C typed ahead
/// makes the terminal throw away the unread line before it.
final class REPLTerminalTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        guard let made = makeTemporaryFolder(prefix: "rove-repl-tests") else { throw XCTSkip("no temporary folder") }
        home = made
    }

    override func tearDown() {
        // Only the file and folders the REPL makes under the temporary home.
        unlink(home + "/.local/state/rove/history")
        for folder in ["/.local/state/rove", "/.local/state", "/.local", ""] { rmdir(home + folder) }
    }

    private func startREPL(adding variables: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> TerminalSession {
        try TerminalSession.startREPL(home: home, adding: variables, file: file, line: line)
    }

    func testPrintsEachValueAndExitsOnCtrlD() throws {
        let repl = try startREPL()
        repl.type("1 + 1\r")
        XCTAssertTrue(repl.waitFor("\n2\nrove> "), repl.screen)
        repl.type("let greeting = \"hi\"\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("greeting.upper()\r")
        XCTAssertTrue(repl.waitFor("\nHI\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testContinuesUnfinishedInputWithContinuationPrompt() throws {
        let repl = try startREPL()
        repl.type("[1,\r")
        XCTAssertTrue(repl.waitFor("\n...   "), repl.screen)
        repl.type("2]\r")
        XCTAssertTrue(repl.waitFor("[1, 2]\nrove> "), repl.screen)
        repl.type("fn twice(x) {\r")
        XCTAssertTrue(repl.waitFor("\n...   "), repl.screen)
        repl.type("return x * 2\r")
        XCTAssertTrue(repl.waitFor("\n...   "), repl.screen)
        repl.type("}\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("twice(21)\r")
        XCTAssertTrue(repl.waitFor("\n42\n"), repl.screen)
    }

    func testTabCompletesAVariableName() throws {
        let repl = try startREPL()
        repl.type("let deploymentCount = 42\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("deploymentC\t")
        XCTAssertTrue(repl.waitFor("ount"), repl.screen)
        repl.type("\r")
        XCTAssertTrue(repl.waitFor("\n42\nrove> "), repl.screen)
    }

    func testTabCompletesAFieldAfterADot() throws {
        let repl = try startREPL()
        repl.type("let project = {Name: \"Web\", Id: \"Projects-1\"}\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("project.Na\t")
        XCTAssertTrue(repl.waitFor("me"), repl.screen)
        repl.type("\r")
        XCTAssertTrue(repl.waitFor("\nWeb\nrove> "), repl.screen)
    }

    func testCtrlCInterruptsAnInfiniteLoopAndTheSessionGoesOn() throws {
        let repl = try startREPL()
        repl.type("while true {}\r")
        XCTAssertTrue(repl.waitFor("while true {}\n"), repl.screen)
        // A Ctrl-C between reading the line and starting it is spent on the finished line;
        // press until the loop reports the interrupt.
        var interrupted = false
        for _ in 0..<60 where !interrupted {
            repl.type("\u{03}")
            interrupted = repl.waitFor("error: interrupted", deadline: 1)
        }
        XCTAssertTrue(interrupted, repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("1 + 1\r")
        XCTAssertTrue(repl.waitFor("\n2\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
    }

    func testCtrlCAtThePromptAbandonsTheLine() throws {
        let repl = try startREPL()
        repl.type("let unfinished = (")
        XCTAssertTrue(repl.waitFor("let unfinished = ("), repl.screen)
        repl.type("\u{03}")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("3 * 3\r")
        XCTAssertTrue(repl.waitFor("\n9\n"), repl.screen)
        XCTAssertFalse(repl.screen.contains("error"), repl.screen)
    }

    func testErrorsAreReportedAndTheSessionGoesOn() throws {
        let repl = try startREPL()
        repl.type("nope\r")
        XCTAssertTrue(repl.waitFor("undefined name 'nope'"), repl.screen)
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("[1, 2].count\r")
        XCTAssertTrue(repl.waitFor("\n2\n"), repl.screen)
    }

    func testHistoryFileIsPrivateAndLeavesOutSecrets() throws {
        let repl = try startREPL(adding: ["OCTOPUS_API_KEY": "API-HISTORYKEY"])
        // However the secret is spelt, aliased or reached, and whether the entry runs, fails or
        // only defines a function, the entry is left out; plain entries around them are kept.
        let entries = [
            "let region = \"eu\"",
            "secret (\"spaced-away\")",
            "let f = secret",
            "let k = f(\"aliased-away\")",
            "let token = env(\"OCTOPUS_API_KEY\")",
            "fn mk() { return secret(\"uncalled-away\") }",
            "secret(\"failed-away\") + 1",
            "region.upper()",
        ]
        for entry in entries {
            repl.type(entry + "\r")
            XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        }
        repl.type("print(secret\r")
        XCTAssertTrue(repl.waitFor("\n...   "), repl.screen)
        repl.type("(\"split-away\"))\r")
        XCTAssertTrue(repl.waitFor("\nrove> "), repl.screen)
        repl.type("print(env(\"OCTOPUS_API_KEY\"))\r")
        XCTAssertTrue(repl.waitFor("\n•••\nrove> "), repl.screen)
        repl.type("\u{04}")
        XCTAssertEqual(repl.waitForExit(), 0, repl.screen)
        XCTAssertFalse(repl.screen.contains("API-HISTORYKEY"), repl.screen)

        let path = home + "/.local/state/rove/history"
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0, "no history file at \(path)")
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // libedit writes entries vis(3)-encoded (a space as \040), so whole entries are not matched.
        XCTAssertTrue(text.contains("region"), text)
        XCTAssertTrue(text.contains("upper()"), text)
        for hidden in ["away", "secret", "OCTOPUS_API_KEY", "API-HISTORYKEY"] {
            XCTAssertFalse(text.contains(hidden), "\(hidden) in the history: \(text)")
        }
    }

    func testTerminalModeIsRestoredAfterCtrlD() throws {
        let shell = try TerminalSession(
            executable: "/bin/sh",
            arguments: ["-c", "\"$0\"; stty -a", try TerminalSession.roveExecutable()],
            environment: TerminalSession.replEnvironment(home: home)
        )
        XCTAssertTrue(shell.waitFor("\nrove> "), shell.screen)
        shell.type("\u{04}")
        XCTAssertEqual(shell.waitForExit(), 0, shell.screen)
        XCTAssertTrue(shell.screen.contains(" icanon "), shell.screen)
        XCTAssertTrue(shell.screen.contains(" echo "), shell.screen)
    }

    func testHistoryIsRecalledInTheNextSession() throws {
        let first = try startREPL()
        first.type("40 + 2\r")
        XCTAssertTrue(first.waitFor("\n42\nrove> "), first.screen)
        first.type("\u{04}")
        XCTAssertEqual(first.waitForExit(), 0, first.screen)

        let second = try startREPL()
        second.type("\u{1B}[A\r")  // Up arrow, then Enter.
        XCTAssertTrue(second.waitFor("\n42\n"), second.screen)
    }
}
