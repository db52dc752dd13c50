// Which REPL entries may be written to the history file, as a table of sessions.

import RoveCore
import RoveProviders
import RoveTestSupport
import XCTest
@testable import RoveCLI

/// Entries typed one after another in one session, and whether each may be kept.
private struct Case {
    let name: String
    let entries: [(entry: String, kept: Bool)]
}

private let cases: [Case] = [
    Case(name: "plain entries are kept", entries: [("let region = \"eu\"", true), ("region.upper()", true)]),
    Case(name: "a blank entry is not", entries: [("  \t", false)]),

    // However `secret` is spelt.
    Case(name: "a space before the parenthesis", entries: [("secret (\"a\")", false)]),
    Case(name: "a newline before the parenthesis", entries: [("print(secret\n(\"a\"))", false)]),
    Case(name: "inside an interpolation", entries: [("\"key: \\(secret(\"a\"))\"", false)]),
    Case(name: "an alias, and a call through it on a later line",
         entries: [("let f = secret", false), ("let k = f(\"b\")", false), ("k == nil", true)]),
    Case(name: "an alias reached through a list", entries: [("let makers = [secret]", false), ("makers[0](\"c\")", false)]),
    Case(name: "a function that would make one, not yet called",
         entries: [("fn mk() { return secret(\"d\") }", false)]),

    // Secrets the entry reads rather than writes.
    Case(name: "a credential variable", entries: [("let x = env(\"OCTOPUS_API_KEY\")", false), ("x == nil", true)]),
    Case(name: "a variable holding a configured key", entries: [("env(\"COPY_OF_KEY\")", false)]),
    Case(name: "a plain variable", entries: [("env(\"OCTOPUS_SPACE\")", true)]),

    // Entries that fail follow the same rule.
    Case(name: "an entry that fails after making one", entries: [("secret(\"e\") + 1", false)]),
    Case(name: "an entry that fails before making one", entries: [("nope; secret(\"f\")", false)]),
    Case(name: "a syntax error", entries: [("secret(\"g\"))", false)]),
    Case(name: "a character the lexer cannot read", entries: [("secret(\"h\") @ 1", false)]),
    Case(name: "a failing plain entry is kept", entries: [("nope", true)]),

    // Text that only looks like one.
    Case(name: "the word in a string or a comment", entries: [("\"secret(x)\" # secret(y)", true)]),
    Case(name: "a longer name", entries: [("let secretive = 1", true)]),

    // A key typed in the clear, known to the connection it made.
    Case(name: "a credential a connection knows",
         entries: [("let ops = connect(octopus: \"http://127.0.0.1:9\", apiKey: \"API-TYPED\")", false),
                   ("\"API-TYPED\".lower()", false)]),
]

final class HistoryRuleTests: XCTestCase {
    private let environment = [
        "OCTOPUS_API_KEY": "API-FROM-ENV", "COPY_OF_KEY": "API-FROM-ENV", "OCTOPUS_SPACE": "Ops",
    ]

    func testEntriesThatHandleSecretsAreNotRemembered() throws {
        for testCase in cases {
            let session = try makeSession()
            for (entry, kept) in testCase.entries {
                let secretsBefore = session.interpreter.secretsMade
                _ = try? session.interpreter.run(entry, file: "<repl>")
                XCTAssertEqual(HistoryFile.shouldRemember(entry, secretsBefore: secretsBefore, in: session), kept,
                               "\(testCase.name): \(entry)")
            }
        }
    }

    /// A session whose host marks secret variables and opens its policy the way the CLI does.
    private func makeSession() throws -> Session {
        let connections = try ConnectionSettings.resolve(environment: environment, profile: nil, files: ConfigFiles())
        let interpreter = Interpreter(host: Host(environment: environment,
                                                 secretVariables: connections.secretVariables))
        interpreter.policy = .unrestricted  // as `rove` without --sandbox
        return Session(interpreter: interpreter, providers: Providers(interpreter: interpreter),
                       output: MemoryOutput(), errors: MemoryOutput(), format: .json, terminal: .none,
                       environment: environment)
    }
}
