// Unit table for the lexer: where statements end, and how literals are read.

@testable import RoveCore
import XCTest

final class LexerTests: XCTestCase {
    /// Tokens as short strings: `id`, `int`, `float`, `str`, `nl`, or the punctuation itself.
    private func kinds(_ source: String) throws -> [String] {
        var lexer = Lexer(file: SourceFile(name: "t", text: source))
        return lexer.tokenize().dropLast().map { token in
            switch token.kind {
            case .identifier: return "id"
            case .integer: return "int"
            case .float: return "float"
            case .string: return "str"
            case .newline: return "nl"
            case .keyword(let keyword): return keyword.rawValue
            default: return String(decoding: SourceFile(name: "t", text: source).bytes[token.start..<token.end], as: UTF8.self)
            }
        }
    }

    func testStatementBreaks() throws {
        let cases: [(String, [String])] = [
            ("a\nb", ["id", "nl", "id"]),
            ("a\n\n\nb", ["id", "nl", "id"]),                        // blank lines collapse
            ("a # note\nb", ["id", "nl", "id"]),
            ("f(a,\n  b)", ["id", "(", "id", ",", "id", ")"]),         // open bracket
            ("[1,\n2]", ["[", "int", ",", "int", "]"]),
            ("a +\nb", ["id", "+", "id"]),                             // trailing operator
            ("a ??\nb", ["id", "??", "id"]),
            ("a\n  .b\n  .c", ["id", ".", "id", ".", "id"]),           // leading dot
            ("a\n  # comment\n  .b", ["id", ".", "id"]),
            ("a\n?.b", ["id", "?.", "id"]),
            ("a\n..<b", ["id", "nl", "..<", "id"]),                    // a range is not a member
            ("{\na\n}", ["{", "id", "nl", "}"]),                       // braces hold statements
            ("a \\\n+ b", ["id", "+", "id"]),                          // explicit continuation
            ("x = 1; y = 2", ["id", "=", "int", ";", "id", "=", "int"]),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try kinds(source), expected, source.debugDescription)
        }
    }

    func testNumbers() throws {
        let cases: [(String, Value)] = [
            ("42", .int(42)), ("1_000", .int(1000)), ("0xFF", .int(255)), ("1.5", .float(1.5)),
            ("2e3", .float(2000)), ("1.5e-3", .float(0.0015)),
        ]
        for (source, expected) in cases {
            var lexer = Lexer(file: SourceFile(name: "t", text: source))
            XCTAssertEqual(lexer.tokenize()[0].number, expected, source)
        }
        XCTAssertEqual(try kinds("1..<5"), ["int", "..<", "int"])
        XCTAssertEqual(try kinds("xs.0"), ["id", ".", "int"])
    }

    func testMalformedInputIsLocated() {
        let cases: [(String, String, Int)] = [
            ("a & b", "unexpected character '&'", 3),
            ("12abc", "malformed number '12abc'", 1),
            ("99999999999999999999", "integer literal '99999999999999999999' is too large", 1),
            ("\"abc\ndef", "unterminated string; use \"\"\" for text over several lines", 1),
            ("\"\\q\"", "invalid escape '\\q' in string", 2),
            ("\"\\u{110000}\"", "invalid unicode escape; write '\\u{1F600}'", 2),
            ("x = `", "unexpected character '`'", 5),
            ("$", "expected a digit after '$'", 1),
        ]
        for (source, message, column) in cases {
            var lexer = Lexer(file: SourceFile(name: "t", text: source))
            _ = lexer.tokenize()
            XCTAssertEqual(lexer.diagnostics.count, 1, source)
            XCTAssertEqual(lexer.diagnostics.first?.message, message, source)
            XCTAssertEqual(lexer.diagnostics.first?.location?.column, column, source)
        }
    }

    func testUnterminatedInputIsIncomplete() {
        for source in ["\"abc", "\"\"\"\nabc", "\"a \\(b"] {
            var lexer = Lexer(file: SourceFile(name: "t", text: source))
            _ = lexer.tokenize()
            XCTAssertEqual(lexer.diagnostics.map(\.kind), [.unexpectedEnd], source)
        }
    }

    /// `SourceFile.names`: what hosts screen an entry by without running it.
    func testNamesAreReadFromCodeAndInterpolationsOnly() {
        let cases: [(String, Set<String>)] = [
            ("secret (\"a\")", ["secret"]),
            ("print(secret\n(\"a\"))", ["print", "secret"]),
            ("let f = secret; f(\"a\")", ["f", "secret"]),
            ("fn mk() { return x.secret }", ["mk", "x", "secret"]),
            ("\"key: \\(secret(\"a\"))\"", ["secret"]),
            ("\"a \\(\"b \\(inner)\")\"", ["inner"]),
            ("\"secret(a)\" # secret(b)", []),
            ("let secretive = nil", ["secretive"]),
            // Text the lexer cannot read is stepped over, so the names around it still count.
            ("secret(\"a\") & 1", ["secret"]),
            ("12abc secret", ["abc", "secret"]),
            ("\"\\q\" + secret", ["q", "secret"]),
            ("\"unterminated secret", ["unterminated", "secret"]),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(SourceFile(name: "t", text: source).names, expected, source.debugDescription)
        }
        // Reading names reports nothing, so no number of mistakes stops it at the error cap.
        let text = String(repeating: "\"\\q\\q\" ", count: 2 * Parser.maxErrors) + "secret"
        var lexer = Lexer(file: SourceFile(name: "t", text: text))
        lexer.skipsErrors = true
        let tokens = lexer.tokenize()
        XCTAssertEqual(lexer.diagnostics.count, 0)
        XCTAssertEqual(tokens.dropLast().last?.end, text.utf8.count)
    }
}
