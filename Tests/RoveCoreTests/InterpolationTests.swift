// Interpolated strings built by the interpreter against Swift's own interpolation.

import XCTest
@testable import RoveCore

final class InterpolationTests: XCTestCase {
    let interpreter = Interpreter()

    /// Digits are written two at a time and lengths found by comparison: every border between
    /// digit counts, both signs, and the extremes.
    func testIntegersAgreeWithSwift() throws {
        var numbers: [Int] = [0, Int.max, Int.min, Int.min + 1]
        var power = 1
        for _ in 0..<19 {
            numbers += [power - 1, power, power + 1, -(power - 1), -power, -(power + 1)]
            power = power &* 10
        }
        for number in numbers {
            XCTAssertEqual(Interpreter.decimalLength(number), "\(number)".utf8.count, "\(number)")
            let value = CodeBox { _ in .int(number) }
            let shapes: [([InterpolationPiece], String)] = [
                ([.code(value)], "\(number)"),
                ([.text("n="), .code(value), .text("!")], "n=\(number)!"),
                ([.code(value), .text("é"), .code(value)], "\(number)é\(number)"),
                ([.text(String(repeating: "x", count: 250)), .code(value)], String(repeating: "x", count: 250) + "\(number)"),
            ]
            for (pieces, expected) in shapes {
                XCTAssertEqual(try Interpolation.code(pieces)(interpreter), .string(expected), expected)
            }
        }
    }

    /// Text around one value: empty, non-ASCII, at the 15-byte border and past the stack buffer.
    func testTextAroundOneValue() throws {
        let cases: [(String, Value, String)] = [
            ("", "", ""), ("abcdefghijklmn", "o", ""), ("abcdefghijklmn", "op", ""), ("é", "abcdefghijklm", ""),
            ("a", "e\u{301}", "b"), ("<", .string(String(repeating: "y", count: 300)), ">"),
            ("[", .list(List([1, "a"])), "]"), ("", .null, ""), ("v", .float(1.5), ""), ("", .bool(false), "?"),
        ]
        for (before, value, after) in cases {
            let code = Interpolation.code([.text(before), .code(CodeBox { _ in value }), .text(after)])
            let expected = before + interpreter.describe(value) + after
            let made = try code(interpreter)
            XCTAssertEqual(made, .string(expected), expected)
            guard case .string(let text) = made else { continue }
            XCTAssertEqual(Array(text.utf8), Array(expected.utf8), expected)
            XCTAssertEqual(text.hashValue, expected.hashValue, expected)
        }
    }
}
