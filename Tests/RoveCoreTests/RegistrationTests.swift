// A host's Swift function declared in one line, as the builtin tables declare theirs.

import RoveCore
import XCTest

final class RegistrationTests: XCTestCase {
    private func gate() -> Interpreter {
        let interpreter = Interpreter()
        interpreter.register("approve", arity: 1, doc: "approves the ticket with a reason") { args in
            .string("approved: \(try args.string(0))")
        }
        interpreter.register("window", arity: 0...2, doc: "the deployment window, optionally for a day and zone") { args in
            .int(args.count)
        }
        return interpreter
    }

    private func outcome(_ source: String, in interpreter: Interpreter) -> String {
        do {
            return try interpreter.run(source, file: "t").map { interpreter.repr($0) } ?? "nil"
        } catch let diagnostic as Diagnostic {
            return "\(diagnostic.kind): \(diagnostic.message)"
        } catch {
            return "\(error)"
        }
    }

    /// The wrong number of arguments is the `argument` error a builtin gives, before the body
    /// runs; the right number reaches the body.
    func testTheArityIsCheckedLikeABuiltins() {
        let cases: [(source: String, expected: String)] = [
            ("approve(\"tested\")", "\"approved: tested\""),
            ("approve()", "argument: bad argument #1 to 'approve' (value expected)"),
            ("approve(\"a\", \"b\")", "argument: too many arguments to 'approve' (expected at most 1 argument, got 2)"),
            ("approve(reason: \"a\")", "argument: bad argument #1 to 'approve' (unexpected label 'reason:')"),
            ("approve(1)", "argument: bad argument #1 to 'approve' (string expected, got integer)"),
            ("window()", "0"),
            ("window(\"mon\", \"UTC\")", "2"),
            ("window(1, 2, 3)", "argument: too many arguments to 'window' (expected at most 2 arguments, got 3)"),
            // The same words as a builtin of the core tables.
            ("len()", "argument: bad argument #1 to 'len' (value expected)"),
            ("len(1, 2)", "argument: too many arguments to 'len' (expected at most 1 argument, got 2)"),
        ]
        let interpreter = gate()
        for (source, expected) in cases {
            XCTAssertEqual(outcome(source, in: interpreter), expected, source)
        }
    }

    /// The error points at the script's call, and a catch sees it as any builtin's error.
    func testTheArityErrorIsLocatedAndCatchable() throws {
        let interpreter = gate()
        XCTAssertThrowsError(try interpreter.run("let x = 1\napprove()", file: "gate.rove")) { error in
            XCTAssertEqual((error as? Diagnostic)?.location?.line, 2)
        }
        XCTAssertEqual(try interpreter.run("var kind = nil\ntry { approve() } catch e { kind = e.kind }\nkind", file: "t"), .string("argument"))
    }

    /// Help reads the declaration; completion offers the name; a script may shadow it.
    func testHelpAndCompletionSeeTheDeclaration() throws {
        let interpreter = gate()
        let approve = try XCTUnwrap(interpreter.builtin(named: "approve"))
        XCTAssertEqual(approve.name, "approve")
        XCTAssertEqual(approve.arity, 1...1)
        XCTAssertEqual(approve.doc, "approves the ticket with a reason")
        XCTAssertEqual(interpreter.builtin(named: "window")?.arity, 0...2)
        XCTAssertTrue(interpreter.completions(for: "appr").contains("approve"))
        // The core builtins are the same declarations, checking their own arguments.
        XCTAssertEqual(interpreter.builtin(named: "print")?.name, "print")
        XCTAssertNil(interpreter.builtin(named: "print")?.arity)

        try interpreter.run("fn approve(x) { x }", file: "t")
        XCTAssertNil(interpreter.builtin(named: "approve"))
        XCTAssertNil(interpreter.builtin(named: "nothing"))
    }

    /// A table of declarations, as a module of builtins is written, registers entry by entry.
    func testADeclarationTableRegisters() throws {
        let table: [Builtin] = [
            Builtin("double", arity: 1, doc: "twice a number") { args in .int(try args.int(0) * 2) },
            Builtin("stage", arity: 0, doc: "the pipeline stage") { _ in "test" },
        ]
        let interpreter = Interpreter()
        for builtin in table { interpreter.register(builtin) }
        XCTAssertEqual(try interpreter.run("\"\\(stage()) \\(double(21))\"", file: "t"), .string("test 42"))
        XCTAssertEqual(outcome("double(1, 2)", in: interpreter),
                       "argument: too many arguments to 'double' (expected at most 1 argument, got 2)")
    }
}
