// Unit tables for the builtin string methods.

import XCTest
@testable import RoveCore

final class StdlibStringTests: XCTestCase {
    let interpreter = Interpreter()

    func testMethods() throws {
        let cases: [(Value, String, [Value], [String?], Value)] = [
            ("héllo", "count", [], [], 5),
            ("👍🏽x", "count", [], [], 2),
            ("", "isEmpty", [], [], true),
            (" ", "isEmpty", [], [], false),
            ("añb", "chars", [], [], ["a", "ñ", "b"]),
            ("a\nb\r\nc\n", "lines", [], [], ["a", "b", "c"]),
            ("a\n\nb", "lines", [], [], ["a", "", "b"]),
            ("", "lines", [], [], []),
            ("a,b,,c", "split", [","], [], ["a", "b", "", "c"]),
            ("a::b", "split", ["::"], [], ["a", "b"]),
            ("  one two\tthree\n ", "split", [], [], ["one", "two", "three"]),
            ("", "split", [","], [], [""]),
            ("  x y \n", "trim", [], [], "x y"),
            ("   ", "trim", [], [], ""),
            ("ÉCOLE Straße", "lower", [], [], "école straße"),
            ("straße", "upper", [], [], "STRASSE"),
            ("deploy-web", "contains", ["web"], [], true),
            ("deploy-web", "contains", ["Web"], [], false),
            ("abc", "contains", [""], [], true),
            ("Projects-1", "startsWith", ["Projects-"], [], true),
            ("Projects-1", "endsWith", ["-2"], [], false),
            ("a.b.c", "replace", [".", "/"], [nil, "with"], "a/b/c"),
            ("aaa", "replace", ["aa", "b"], [nil, "with"], "ba"),
            ("héllo wörld", "indexOf", ["wö"], [], 6),
            ("abc", "indexOf", ["z"], [], nil),
            ("ab", "repeat", [3], [], "ababab"),
            ("ab", "repeat", [0], [], ""),
            ("ServerTasks-123", "take", [6], [], "Server"),
            ("ab", "take", [5], [], "ab"),
            ("🇫🇷abc", "drop", [1], [], "abc"),
        ]
        for (receiver, name, arguments, labels, expected) in cases {
            XCTAssertEqual(try interpreter.callMethod(name, on: receiver, arguments, labels: labels), expected,
                           "\(receiver).\(name)(\(arguments))")
        }
    }

    func testProperties() {
        let properties = StringMethods.table.filter(\.isProperty).map(\.name).sorted()
        XCTAssertEqual(properties, ["chars", "count", "isEmpty", "lines"])
    }

    func testBadArguments() {
        let cases: [(Value, String, [Value], [String?], ErrorKind, String)] = [
            ("a", "split", [1], [], .argument, "bad argument #1 to 'split' (string expected, got integer)"),
            ("a", "split", [""], [], .argument, "bad argument #1 to 'split' (non-empty string expected)"),
            ("a", "contains", [], [], .argument, "bad argument #1 to 'contains' (value expected)"),
            ("a", "replace", ["a", "b"], [], .argument, "bad argument #2 to 'replace' (label 'with:' expected)"),
            ("a", "replace", ["a", 1], [nil, "with"], .argument, "bad argument #2 to 'replace' (string expected, got integer)"),
            ("a", "replace", ["", "x"], [nil, "with"], .argument, "bad argument #1 to 'replace' (non-empty string expected)"),
            ("a", "repeat", [-1], [], .argument, "bad argument #1 to 'repeat' (non-negative integer expected, got -1)"),
            ("a", "take", ["2"], [], .argument, "bad argument #1 to 'take' (integer expected, got string)"),
            ("a", "lower", [1], [], .argument, "too many arguments to 'lower' (expected no arguments, got 1)"),
        ]
        for (receiver, name, arguments, labels, kind, message) in cases {
            XCTAssertDiagnostic(try interpreter.callMethod(name, on: receiver, arguments, labels: labels), kind, message)
        }
    }
}
