// The built `rove` on a pseudo-terminal at its first prompt: how every REPL test starts.

import Foundation
import XCTest

extension TerminalSession {
    /// What a REPL test gives `rove`: `home` as HOME (nil: none, so no history file is kept), a
    /// plain xterm, no colours unless `colored`, a UTF-8 locale, and `variables` over those.
    public static func replEnvironment(home: String?, colored: Bool = false,
                                       adding variables: [String: String] = [:]) -> [String: String] {
        var environment = ["TERM": "xterm", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let home { environment["HOME"] = home }
        if !colored { environment["NO_COLOR"] = "1" }
        return environment.merging(variables) { _, given in given }
    }

    /// The built `rove`, or `$ROVE_BINARY`; a missing binary fails the test.
    public static func roveExecutable(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let rove = BuiltProducts.executable(named: "rove", environment: ProcessInfo.processInfo.environment) else {
            XCTFail("the rove executable was not found next to the tests; run `swift build` first", file: file, line: line)
            throw XCTSkip("no rove binary")
        }
        return rove
    }

    /// Starts the built `rove` (or `$ROVE_BINARY`) on a new terminal with `replEnvironment` and
    /// waits for its first prompt: a prompt counts only after a newline ("\nrove> "), since
    /// libedit redraws the line it edits as keys arrive.
    public static func startREPL(home: String?, colored: Bool = false, adding variables: [String: String] = [:],
                                 arguments: [String] = [], columns: Int = 80, rows: Int = 24,
                                 file: StaticString = #filePath, line: UInt = #line) throws -> TerminalSession {
        let session = try TerminalSession(executable: try roveExecutable(file: file, line: line), arguments: arguments,
                                          environment: replEnvironment(home: home, colored: colored, adding: variables),
                                          columns: columns, rows: rows)
        XCTAssertTrue(session.waitFor("\nrove> "), "no prompt; screen: \(session.screen)", file: file, line: line)
        return session
    }
}
