// The `expand(template, vars)` builtin as scripts see it, through a real interpreter.

import RoveCore
import RoveProviders
import XCTest

final class ExpandBuiltinTests: XCTestCase {
    /// Runs `source` with the providers installed, as every host with providers has `expand`,
    /// and returns what it printed.
    private func run(_ source: String) throws -> String {
        var output = ""
        let interpreter = Interpreter(host: Host(standardOutput: { output += $0 }))
        _ = Providers(interpreter: interpreter)
        try interpreter.run(source, file: "expand.rove")
        return output
    }

    func testExpandsScriptValues() throws {
        let cases: [(source: String, printed: String)] = [
            (#"print(expand("/api/Spaces-1/projects{/id}{?name,skip}", {id: "Projects-1", name: nil, skip: 0}))"#,
             "/api/Spaces-1/projects/Projects-1?skip=0\n"),
            (#"print(expand("/api/git{/ref}", {ref: "refs/heads/x"}))"#, "/api/git/refs%2Fheads%2Fx\n"),
            (#"print(expand("{?ids}", {ids: ["a", 1, true, 2.5, nil]}))"#, "?ids=a,1,true,2.5\n"),
            (#"print(expand("{?q*}", {q: {b: "x y", a: 2.0, c: nil}}))"#, "?b=x%20y&a=2.0\n"),
            (#"print(expand("{?q}", {q: {c: nil}}))"#, "\n"),
            (#"print(expand("/api/tasks?take=10", {}))"#, "/api/tasks?take=10\n"),
            (#"print(expand("{x}", {"x": "caf\u{e9}"}))"#, "caf%C3%A9\n"),
            (#"print(expand("/api/projects{/id}{?skip,take}", {id: "Projects-1", take: 10}))"#,
             "/api/projects/Projects-1?take=10\n"),
            (#"print(expand("/api/git{?ref}", {ref: "refs/heads/x"}))"#, "/api/git?ref=refs%2Fheads%2Fx\n"),
            (#"print(expand("/api/tasks", {}))"#, "/api/tasks\n"),
        ]
        for (source, printed) in cases {
            XCTAssertEqual(try run(source), printed, source)
        }
    }

    func testBadArgumentsAndTemplatesAreDiagnostics() {
        let cases: [(source: String, kind: ErrorKind, message: String)] = [
            (#"expand("{x}")"#, .argument, "bad argument #2 to 'expand' (value expected)"),
            (#"expand(1, {})"#, .argument, "bad argument #1 to 'expand' (string expected, got integer)"),
            (#"expand("{x}", [1])"#, .argument, "bad argument #2 to 'expand' (object expected, got list)"),
            (#"expand("{x}", {x: [[1]]})"#, .argument,
             "bad argument #2 to 'expand' (an item of 'x' is a list; expected a string, number or boolean)"),
            (#"expand("{x}", {x: {y: {}}})"#, .argument,
             "bad argument #2 to 'expand' (field 'y' of 'x' is an object; expected a string, number or boolean)"),
            (#"expand("{x}", {x: print})"#, .argument,
             "bad argument #2 to 'expand' (variable 'x' is a function; expected a string, number, boolean, list or object)"),
            (#"expand("/x{?a", {})"#, .value, "invalid URI template '/x{?a' at column 5: unclosed expression"),
            (#"expand("{k:2}", {k: ["a"]})"#, .value,
             "cannot expand URI template '{k:2}' at column 2: prefix ':2' applies only to strings, and 'k' is a list"),
        ]
        for (source, kind, message) in cases {
            XCTAssertThrowsError(try run(source), source) { error in
                let diagnostic = error as? Diagnostic
                XCTAssertEqual(diagnostic?.kind, kind, source)
                XCTAssertEqual(diagnostic?.message, message, source)
            }
        }
    }

    /// A secret in a URL would leak it into logs and history; the error names only its type.
    func testSecretsAreRefusedWithoutShowingThem() {
        XCTAssertThrowsError(try run(#"expand("{k}", {k: secret("hunter2")})"#)) { error in
            let message = (error as? Diagnostic)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("bad argument #2 to 'expand' (variable 'k' is a secret"), message)
            XCTAssertFalse(message.contains("hunter2"))
        }
    }
}
