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

    /// The inline-string shortcuts (ShortStrings) against the standard library: the strings
    /// they make equal and hash as the ones it makes, and what they read is what it reads.
    func testShortStringsAgreeWithStandardLibrary() {
        ShortStrings.enableIfLayoutHolds()
        #if arch(x86_64) || arch(arm64)
        XCTAssertTrue(ShortStrings.layoutHolds, "the standard library's string layout changed")
        XCTAssertTrue(ShortStrings.isEnabled, "an interpreter turns the shortcuts on")
        #endif
        let samples = ["", "a", "item-1", "abcdefg", "abcdefgh", "abcdefghijklmn", "abcdefghijklmno",
                       "abcdefghijklmnop", "é", "e\u{301}", "\r\n", "a\r\nb", "🇫🇷🇩🇪", "ab\u{0}cd", "x\u{7F}y",
                       String(repeating: "z", count: 40), String(repeating: "\r\n", count: 8)]
        for sample in samples {
            let bytes = Array(sample.utf8)
            let made = bytes.withUnsafeBytes { String.fromValidUTF8($0) }
            XCTAssertEqual(made, sample, sample.debugDescription)
            XCTAssertEqual(made.hashValue, sample.hashValue, sample.debugDescription)
            XCTAssertEqual(Array(made.utf8), bytes, sample.debugDescription)
            XCTAssertEqual(sample.characterCount, sample.count, sample.debugDescription)
            XCTAssertEqual(made.characterCount, sample.count, sample.debugDescription)
            var copied = [UInt8](repeating: 0xFF, count: bytes.count + 16)
            let count = copied.withUnsafeMutableBytes { sample.copyUTF8(to: $0.baseAddress!) }
            XCTAssertEqual(Array(copied[..<count]), bytes, sample.debugDescription)
            // Loaded from a wider buffer whose bytes past the string are not zero.
            if bytes.count <= ShortStrings.capacity {
                let wide = bytes + Array(repeating: 0x41, count: 16)
                let loaded = wide.withUnsafeBytes { ShortStrings.ascii(wide: $0.baseAddress!, count: bytes.count) }
                let ascii = bytes.allSatisfy { $0 < 0x80 }
                XCTAssertEqual(loaded, ascii ? sample : nil, sample.debugDescription)
                XCTAssertEqual(loaded?.hashValue, ascii ? sample.hashValue : nil, sample.debugDescription)
            }
        }
    }

    func testSplitAtOneByteMatchesStandardLibrary() {
        let samples = ["", ",", ",,", "a,b", "item-1,item-2,item-3", "é,e\u{301},\r\n,🇫🇷🇩🇪,",
                       String(repeating: "abcdefghijklmnopq,", count: 5), ",x" + String(repeating: "é", count: 9)]
        for sample in samples {
            let expected = sample.split(separator: ",", omittingEmptySubsequences: false).map { Value.string(String($0)) }
            XCTAssertEqual(sample.pieces(splitAt: UInt8(ascii: ",")), expected, sample.debugDescription)
        }
    }
}
