// The REPL's one table of commands: which lines are commands, with what argument, and which are Rove.

@testable import RoveCLI
import RoveCore
import XCTest

final class REPLCommandTests: XCTestCase {
    func testWhichLinesAreCommands() {
        let interpreter = Interpreter()
        let cases: [(line: String, command: String?, argument: String?)] = [
            ("help", "help", nil), ("  help\t", "help", nil), (":help", "help", nil),
            ("exit", "exit", nil), (":quit", "quit", nil),
            (":output json", "output", "json"), (":output", "output", nil), (" :output  table ", "output", "table"),
            // Not commands: Rove, or a command misspelt, so the parser says what is wrong.
            ("output json", nil, nil), (":output json csv", nil, nil), ("help me", nil, nil), (":exit now", nil, nil),
            ("help()", nil, nil), ("help(len)", nil, nil), (":nope", nil, nil), (":", nil, nil), ("", nil, nil),
            ("let help = 3", nil, nil), ("exit\nquit", nil, nil),
        ]
        for (line, command, argument) in cases {
            let found = REPLCommand.command(for: line, in: interpreter)
            XCTAssertEqual(found?.command.name, command, "\(line.debugDescription)")
            XCTAssertEqual(found?.argument, argument, "\(line.debugDescription)")
        }
    }

    func testABareWordTheScriptRedefinedIsRoveAgainButItsColonFormIsNot() throws {
        let interpreter = Interpreter()
        try interpreter.run("let help = 3\nlet exit = 4", file: "<repl>")
        XCTAssertNil(REPLCommand.command(for: "help", in: interpreter))
        XCTAssertNil(REPLCommand.command(for: "exit", in: interpreter))
        XCTAssertEqual(REPLCommand.command(for: ":help", in: interpreter)?.command.name, "help")
        XCTAssertEqual(REPLCommand.command(for: "quit", in: interpreter)?.command.name, "quit")
    }
}
