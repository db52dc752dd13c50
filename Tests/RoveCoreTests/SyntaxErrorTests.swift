// Syntax errors as a table: where each is reported, what it says, and that a file's errors all
// come out of one run without cascades.

@testable import RoveCore
import XCTest

final class SyntaxErrorTests: XCTestCase {
    /// The errors `source` reports, one line each as `line:column message`, with notes after
    /// their error as `  note line:column message` (or `  note message` without a place).
    private func reported(_ source: String) -> (lines: [String], incomplete: Bool)? {
        do {
            try Interpreter().check(source, file: "t")
            return nil
        } catch let diagnostic as Diagnostic {
            var lines: [String] = []
            for error in diagnostic.allErrors {
                lines.append(Self.place(error.location) + error.message)
                for note in error.notes { lines.append("  note " + Self.place(note.location) + note.message) }
            }
            return (lines, diagnostic.isUnexpectedEnd)
        } catch {
            XCTFail("not a diagnostic: \(error)")
            return nil
        }
    }

    private static func place(_ location: SourceLocation?) -> String {
        location.map { "\($0.line):\($0.column) " } ?? ""
    }

    func testUnclosedConstructsAreReportedAtTheirOpening() {
        // (source, errors, whether a REPL would read another line)
        let cases: [(String, [String], Bool)] = [
            ("let x = (1 + 2", ["1:9 '(' was never closed", "  note 1:15 expected ')' after expression"], true),
            // Not at the empty line after it.
            ("let x = (1 + 2\n\n", ["1:9 '(' was never closed", "  note 1:15 expected ')' after expression"], true),
            ("let xs = [1, 2\n", ["1:10 '[' was never closed", "  note 1:15 expected ',' or ']' in list"], true),
            ("let o = {a: 1,\n  b: 2\n", ["1:9 '{' was never closed", "  note 2:7 expected ',' or '}' in object"], true),
            ("if ok {\n  print(1)\n", ["1:7 '{' was never closed", "  note 2:11 expected '}'"], true),
            ("xs.map { x in\n  x * 2\n", ["1:8 '{' was never closed", "  note 2:8 expected '}'"], true),
            ("print(xs[0\n", ["1:9 '[' was never closed", "  note 1:11 expected ']' after index",
                              "  note 1:6 '(' is not closed either"], true),
            // The error is certain before the end: reported at once, still at the bracket.
            ("let x = (1 + 2\nprint(x)\n", ["1:9 '(' was never closed", "  note 2:1 expected ')' after expression"], false),
            ("foo(1 2", ["1:4 '(' was never closed", "  note 1:7 expected ',' or ')' after argument"], false),
            ("print(xs[0)\n", ["1:9 '[' was never closed", "  note 1:11 expected ']' after index"], false),
            // Nested: the innermost, and the ones around it as notes.
            ("f([1, {a: 2", ["1:7 '{' was never closed", "  note 1:12 expected ',' or '}' in object",
                             "  note 1:3 '[' is not closed either", "  note 1:2 '(' is not closed either"], true),
            ("fn f() {\n  if x {\n    g(\n", ["3:6 '(' was never closed", "  note 3:7 expected an expression, found end of input",
                                           "  note 2:8 '{' is not closed either", "  note 1:8 '{' is not closed either"], true),
            // Strings, at their opening quote.
            ("let s = \"abc", ["1:9 unterminated string"], true),
            ("\"", ["1:1 unterminated string"], true),
            ("let s = \"abc\\", ["1:9 unterminated string"], true),
            ("let s = \"abc\nprint(s)\n", ["1:9 unterminated string; use \"\"\" for text over several lines"], false),
            ("let s = \"\"\"\n  text\n", ["1:9 unterminated multi-line string"], true),
            // Interpolations, at their `\(`.
            ("\"\\(", ["1:2 unterminated interpolation '\\('"], true),
            ("let s = \"a \\(b + 1", ["1:12 unterminated interpolation '\\('"], true),
            ("let s = \"a \\(b\"", ["1:12 unterminated interpolation '\\('; expected ')'"], true),
            ("let s = \"a \\(b\"\n", ["1:12 unterminated interpolation '\\('; expected ')'"], false),
            ("let s = \"a \\(b\nprint(s)\n", ["1:12 unterminated interpolation '\\('"], false),
            ("let s = \"\\([1, 2)\"", ["1:12 '[' was never closed", "  note 1:17 expected ',' or ']' in list"], false),
            // The end of an interpolation is its `)`, not the end of the input: no waiting for more.
            ("\"\\(1 +)\"", ["1:7 expected an expression, found ')'"], false),
            // Outside any bracket, an early end reads as before.
            ("let total = 1 +\n", ["1:16 unexpected end of input: expected an expression, found end of input"], true),
        ]
        for (source, expected, incomplete) in cases {
            guard let result = reported(source) else {
                XCTFail("no error for \(source.debugDescription)")
                continue
            }
            XCTAssertEqual(result.lines, expected, source.debugDescription)
            XCTAssertEqual(result.incomplete, incomplete, source.debugDescription)
        }
    }

    func testEveryErrorOfAFileIsReportedOnce() {
        let cases: [(String, [String])] = [
            ("let a = 1 @ 2\nlet b = )\nprint(1 2)\nlet c = [1,, 2]\n",
             ["1:11 unexpected character '@'", "2:9 expected an expression, found ')'",
              "3:9 expected ',' or ')' after argument", "4:12 expected an expression, found ','"]),
            // Inside blocks: each statement on its own, and the block goes on after a bad one.
            ("fn f() {\n  let = 1\n  print(2)\n  let y = ]\n}\nf(\n",
             ["2:7 expected a name after 'let'", "4:11 expected an expression, found ']'",
              "6:2 '(' was never closed", "  note 6:3 expected an expression, found end of input"]),
            // Statements after `;` recover on their own too.
            ("let a = ); let b = 2; let c = *\n",
             ["1:9 expected an expression, found ')'", "1:31 expected an expression, found '*'"]),
            // A bad string is one error, and the code after it is read as code.
            ("let s = \"a \\q b\" + 1 @ 2\nlet t = \"\\u{zz}\"\n",
             ["1:12 invalid escape '\\q' in string", "1:22 unexpected character '@'",
              "2:10 invalid unicode escape; write '\\u{1F600}'"]),
            // A string written over lines in plain quotes is one error, and its last quote
            // closes it rather than opening another.
            ("let s = \"abc\ndef\"\nlet = 1\n", ["1:9 unterminated string; use \"\"\" for text over several lines",
                                                  "3:5 expected a name after 'let'"]),
            ("print(\"one\ntwo\nthree\") + 1 @ 2\n", ["1:7 unterminated string; use \"\"\" for text over several lines",
                                                   "3:13 unexpected character '@'"]),
            ("let s = \"\"\"one line\"\"\"\nprint(s)\n", ["1:12 a multi-line string starts on the line after '\"\"\"'"]),
            // The trailing-closure hint survives recovery.
            ("for x in xs.where { $0 > 1 } {\n  print(x)\n}\nlet = 2\n",
             ["1:19 a trailing closure cannot follow the head of 'for'; write where({ ... })",
              "4:5 expected a name after 'let'"]),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(reported(source)?.lines, expected, source.debugDescription)
        }
    }

    func testNoCascadesFromOneMistake() {
        let cases: [(String, [String])] = [
            // An unclosed call swallows what follows; one error, not one per line.
            ("let x = foo(1,\nlet y = 2\nlet z = 3\nprint(z)\nlet w = [\n",
             ["1:12 '(' was never closed", "  note 2:1 expected an expression, found 'let'"]),
            // A bracket closed by the wrong kind: the bracket inside it is the one left open.
            ("if ok {\n  print(1\n}\nprint(2)\n",
             ["2:8 '(' was never closed", "  note 3:1 expected ',' or ')' after argument"]),
            // A string that stops at the end of its line takes that line, nothing more.
            ("print(\"abc)\nprint(2)\nprint(3)\n", ["1:7 unterminated string; use \"\"\" for text over several lines"]),
            // A mistake deep in a closure skips the closure, not the lines after it.
            ("xs.map { x in foo(x,, 1) }\nprint(1)\nlet = 3\n",
             ["1:21 expected an expression, found ','", "3:5 expected a name after 'let'"]),
            // Characters the lexer rejects are reported by it alone.
            ("let a = 1 @ 2 @ 3\n", ["1:11 unexpected character '@'", "1:15 unexpected character '@'"]),
            ("x = `\n", ["1:5 unexpected character '`'"]),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(reported(source)?.lines, expected, source.debugDescription)
        }
    }

    /// Which bracket was left open is read from the indentation, as a person would: a closer
    /// alone on its line belongs to the bracket opened on a line indented like it.
    func testTheBracketLeftOpenIsTheOneTheIndentationShows() {
        let cases: [(String, [String])] = [
            ("fn deploy(version) {\n    let r = create({Version: version\n    print(r.Id)\n}\nlet = 2\n",
             ["2:20 '{' was never closed", "  note 3:5 expected ',' or '}' in object", "  note 2:19 '(' is not closed either",
              "5:5 expected a name after 'let'"]),
            ("foo(\n    bar(1,\n        2\n)\nlet = 3\n",
             ["2:8 '(' was never closed", "  note 4:1 expected ',' or ')' after argument", "5:5 expected a name after 'let'"]),
            ("if ok {\n    for x in xs {\n        print(x)\n}\nlet = 4\n",
             ["2:17 '{' was never closed", "  note 4:1 this '}' closes the '{' on line 1", "5:5 expected a name after 'let'"]),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(reported(source)?.lines, expected, source.debugDescription)
        }
        // Text whose brackets all pair up is read by nesting alone, however it is indented.
        XCTAssertNil(reported("fn f() {\nlet o = {\n  a: [1,\n      2]\n        }\n  return o\n    }\n"))
    }

    func testTheNumberOfErrorsIsCapped() throws {
        let source = String(repeating: "let = 1\n", count: 50)
        let lines = try XCTUnwrap(reported(source)).lines
        XCTAssertEqual(lines.filter { !$0.hasPrefix("  note") }.count, Parser.maxErrors)
        XCTAssertEqual(lines.last, "  note too many errors; stopped after \(Parser.maxErrors)")
        // The lexer's own errors count against the same cap.
        let stray = try XCTUnwrap(reported(String(repeating: "@\n", count: 50))).lines
        XCTAssertEqual(stray.filter { !$0.hasPrefix("  note") }.count, Parser.maxErrors)
    }

    /// Hostile input: no crash, and a bounded report however large the input.
    func testHostileInputGivesABoundedReport() {
        let cases: [(String, String)] = [
            (String(repeating: "(", count: 100_000), "1:101 code nested too deeply"),
            (String(repeating: "([{", count: 40_000), "1:101 code nested too deeply"),
            (String(repeating: ")", count: 100_000), "1:1 expected an expression, found ')'"),
            (String(repeating: "\"", count: 1), "1:1 unterminated string"),
            (String(repeating: "\"\\(", count: 100_000), "1:604 strings nested too deeply"),
            (String(repeating: "@", count: 100_000), "1:1 unexpected character '@'"),
            (String(repeating: "let = 1\n", count: 100_000), "1:5 expected a name after 'let'"),
            (String(repeating: "(", count: 80), "1:80 '(' was never closed"),
            (String(repeating: "f(", count: 60) + "\n" + String(repeating: "x = ) ", count: 10_000),
             "2:3 expected ',' or ')' after argument"),
        ]
        for (source, first) in cases {
            do {
                try Interpreter().check(source, file: "t")
                XCTFail("no error for \(source.prefix(12))")
            } catch let diagnostic as Diagnostic {
                XCTAssertEqual(Self.place(diagnostic.location) + diagnostic.message, first, String(source.prefix(12)))
                XCTAssertLessThanOrEqual(diagnostic.allErrors.count, Parser.maxErrors, String(source.prefix(12)))
                let rendered = DiagnosticRenderer.render(diagnostic)
                XCTAssertLessThan(rendered.utf8.count, 20_000, String(source.prefix(12)))
            } catch {
                XCTFail("not a diagnostic: \(error)")
            }
        }
    }

    /// Long lines show a window around the caret, marked where cut, with the caret still under
    /// the character it points at.
    func testLongLinesShowAWindowAroundTheCaret() throws {
        let source = String(repeating: "a + ", count: 100) + "@ " + String(repeating: "b + ", count: 100) + "c"
        var lexer = Lexer(file: SourceFile(name: "t", text: source))
        _ = lexer.tokenize()
        let diagnostic = try XCTUnwrap(lexer.diagnostics.first)
        let lines = DiagnosticRenderer.render(diagnostic).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "t:1:401: error: unexpected character '@'")
        let excerpt = lines[1].dropFirst(" 1 | ".count), caret = lines[2].dropFirst("   | ".count)
        XCTAssertTrue(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"), String(excerpt))
        XCTAssertEqual(excerpt.count, DiagnosticRenderer.excerptWidth + 2)
        XCTAssertEqual(Array(excerpt)[caret.count - 1], "@")
    }
}
