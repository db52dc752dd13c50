// Hostile and borderline input for the JSON reader's fast paths: remembered object shapes,
// strings built without a copy or a validation pass, numbers parsed by hand.

import XCTest
@testable import RoveCore

final class JSONHostileDecodingTests: XCTestCase {
    let interpreter = Interpreter()

    /// Decodes `input` and writes it back compactly, so that key order and values are compared.
    private func roundTrip(_ input: String) throws -> String {
        try interpreter.encodeJSON(try interpreter.decodeJSON(input), pretty: false)
    }

    /// A remembered key is compared with the raw bytes of the next key. A decoded key holding a
    /// quote or a control character must not let the same bytes, unescaped, through.
    func testRawBytesNeverMatchAnEscapedKey() {
        XCTAssertDiagnostic(try interpreter.decodeJSON(#"[{"a\"b": 1}, {"a"b": 2}]"#), .value,
                            "invalid JSON at 1:19: expected ':' after the key")
        XCTAssertDiagnostic(try interpreter.decodeJSON("[{\"a\\nb\": 1}, {\"a\nb\": 2}]"), .value,
                            "invalid JSON at 1:18: control character in string (escape it as \\u000a)")
        XCTAssertDiagnostic(try interpreter.decodeJSON("[{\"a\\u0000\": 1}, {\"a\u{0}\": 2}]"), .value,
                            "invalid JSON at 1:21: control character in string (escape it as \\u0000)")
    }

    func testObjectsThatAlmostFollowTheShapeBeforeThem() throws {
        let prefix = String(repeating: "SharedPrefix", count: 5)
        let cases: [(String, String)] = [
            // Keys that differ only after a long shared prefix, in every word position.
            ("[{\"\(prefix)A\":1},{\"\(prefix)B\":2},{\"\(prefix)\":3},{\"\(prefix)AB\":4}]",
             "[{\"\(prefix)A\":1},{\"\(prefix)B\":2},{\"\(prefix)\":3},{\"\(prefix)AB\":4}]"),
            // A repeated key inside an object that followed the shape so far.
            (#"[{"a":1,"b":2},{"a":3,"b":4,"a":5}]"#, #"[{"a":1,"b":2},{"a":5,"b":4}]"#),
            (#"[{"a":1,"b":2},{"a":3,"b":4,"b":5}]"#, #"[{"a":1,"b":2},{"a":3,"b":5}]"#),
            (#"[{"a":1,"b":2},{"a":3,"b":4,"c":5},{"a":6,"b":7}]"#, #"[{"a":1,"b":2},{"a":3,"b":4,"c":5},{"a":6,"b":7}]"#),
            // Escaped spellings of the shape's keys are the same keys.
            (#"[{"ab":1},{"\u0061b":2},{"a\u0062":3}]"#, #"[{"ab":1},{"ab":2},{"ab":3}]"#),
            // Two shapes that alternate at one depth, with shapes of their own inside.
            (#"[{"x":{"a":1,"n":{"p":1}},"y":{"b":2,"n":[1]}},{"x":{"a":3,"n":{"p":2}},"y":{"b":4,"n":[2]}},{"x":{"b":5,"n":[3]},"y":{"a":6,"n":{"q":3}}}]"#,
             #"[{"x":{"a":1,"n":{"p":1}},"y":{"b":2,"n":[1]}},{"x":{"a":3,"n":{"p":2}},"y":{"b":4,"n":[2]}},{"x":{"b":5,"n":[3]},"y":{"a":6,"n":{"q":3}}}]"#),
            // Objects of one shape under keys that all differ, and in another order.
            (#"{"id1":{"k":1,"l":2},"id2":{"k":3,"l":4},"id3":{"l":5,"k":6},"id4":{"k":7}}"#,
             #"{"id1":{"k":1,"l":2},"id2":{"k":3,"l":4},"id3":{"l":5,"k":6},"id4":{"k":7}}"#),
            // Lists at a remembered place, of changing lengths and item shapes.
            (#"[{"a":[1,2,3]},{"a":[]},{"a":[{"x":1},{"x":2,"y":3},{"y":4,"x":5}]},{"a":"s"},{"a":[[],[[1]]]}]"#,
             #"[{"a":[1,2,3]},{"a":[]},{"a":[{"x":1},{"x":2,"y":3},{"y":4,"x":5}]},{"a":"s"},{"a":[[],[[1]]]}]"#),
            // A value of another kind where the shape had an object.
            (#"[{"a":{"b":1}},{"a":null},{"a":{"b":2}},{"a":{}}]"#, #"[{"a":{"b":1}},{"a":null},{"a":{"b":2}},{"a":{}}]"#),
            (#"[{"":1,"a":2},{"":3,"a":4}]"#, #"[{"":1,"a":2},{"":3,"a":4}]"#),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(try roundTrip(input), expected, input)
        }
    }

    func testErrorsInsideAnObjectThatFollowsAShape() {
        let cases: [(String, String)] = [
            (#"[{"a":1,"b":2},{"a":1,"b" 2}]"#, "invalid JSON at 1:27: expected ':' after the key"),
            (#"[{"a":1,"b":2},{"a":}]"#, "invalid JSON at 1:21: expected a value, found '}'"),
            (#"[{"a":1,"b":2},{"a":1 "b":2}]"#, "invalid JSON at 1:23: expected ',' or '}'"),
            (#"[{"a":1,"b":2},{"a":1,}]"#, "invalid JSON at 1:23: expected a string key"),
            (#"[{"a":1,"b":2},{"a":1,"b":2"#, "invalid JSON at 1:28: unexpected end of input"),
            (#"[{"a":1,"b":2},{"a":1,"b"#, "invalid JSON at 1:25: unexpected end of input in string"),
            (#"[{"abc":1},{"ab"#, "invalid JSON at 1:16: unexpected end of input in string"),
        ]
        for (input, message) in cases {
            XCTAssertDiagnostic(try interpreter.decodeJSON(input), .value, message)
        }
    }

    /// Every prefix of a document whose items share one shape fails cleanly with a location.
    func testEveryPrefixOfAShapedCollectionFailsCleanly() throws {
        let item = #"{"Id":"T-1","Name":"Deploy \"x\" → é","N":12,"F":-0.5e1,"L":{"Self":"/a","Web":"/b"},"A":[1,{"k":null}]}"#
        let document = "{\"Items\":[" + Array(repeating: item, count: 3).joined(separator: ",") + "]}"
        let bytes = Array(document.utf8)
        XCTAssertNoThrow(try interpreter.decodeJSON(bytes))
        for length in 0..<bytes.count {
            XCTAssertThrowsError(try interpreter.decodeJSON(Array(bytes[..<length]))) { error in
                guard let diagnostic = error as? Diagnostic else { return XCTFail("unexpected error \(error)") }
                XCTAssertTrue(diagnostic.message.hasPrefix("invalid JSON at 1:"), diagnostic.message)
            }
        }
    }

    /// Pretty-printed items repeat the bytes between their values, whitespace included; items
    /// that space, order or name their keys a little differently decode as themselves.
    func testItemsLaidOutALittleDifferently() throws {
        let items = [
            "{\n  \"a\": 1,\n  \"b\": \"x\"\n}",
            "{\n  \"a\": 2,\n  \"b\": \"y\"\n}",
            "{\n  \"a\" : 3,\n    \"b\":\"z\"}",
            "{\"a\":4,\"b\":\"w\"}",
            "{\n  \"a\": 5,\n  \"bb\": 6\n}",
            "{\n  \"a\": 7,\n  \"b\": 8,\n  \"c\": 9\n}",
            "{\n  \"a\": 10\n}",
            "{\n  \"a\": 11,\n  \"b\"\n: 12}",
            "{\n\t\"a\": 13,\n\t\"b\": 14\n}",
            "{\n  \"a\": 15,\n  \"b\": 16,\n  \"b\": 17\n}",
            "{\n  \"a\": 18,  \"b\": 19}",
            "{\n  \"b\": 20,\n  \"a\": 21\n}",
        ]
        let expected = #"[{"a":1,"b":"x"},{"a":2,"b":"y"},{"a":3,"b":"z"},{"a":4,"b":"w"},{"a":5,"bb":6},"#
            + #"{"a":7,"b":8,"c":9},{"a":10},{"a":11,"b":12},{"a":13,"b":14},{"a":15,"b":17},{"a":18,"b":19},{"b":20,"a":21}]"#
        XCTAssertEqual(try roundTrip("[" + items.joined(separator: ",\n") + "]"), expected)
        // The same items twice over, so that every layout follows one it differs from.
        let twice = "[" + (items + items.reversed()).joined(separator: ", ") + "]"
        let value = try interpreter.decodeJSON(twice)
        guard case .list(let list) = value else { return XCTFail("expected a list") }
        XCTAssertEqual(Array(list.prefix(items.count)), Array(list.suffix(items.count).reversed()))
        let bytes = Array(twice.utf8)
        for length in stride(from: 0, to: bytes.count, by: 3) {
            XCTAssertThrowsError(try interpreter.decodeJSON(Array(bytes[..<length])))
        }
    }

    /// Objects too wide to remember, and maps of thousands of keys, decode like any other.
    func testWideObjects() throws {
        for width in [127, 128, 129, 3000] {
            let keys = (0..<width).map { "key\($0)" }
            let object = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}"
            let value = try interpreter.decodeJSON("[\(object), \(object), {\"key0\": {}}]")
            guard case .list(let items) = value, items.count == 3, case .object(let first) = items[0] else {
                return XCTFail("expected three objects")
            }
            XCTAssertEqual(Array(first.keys), keys)
            XCTAssertEqual(items[0], items[1])
            XCTAssertEqual(items[2], .object(["key0": .object([:])]))
        }
    }

    /// Every prefix of a pretty-printed collection fails cleanly with a location.
    func testEveryPrefixOfAPrettyCollectionFailsCleanly() throws {
        let item = #"{"Id":"T-1","Name":"Deploy","N":12,"L":{"Self":"/a","Web":"/b"},"A":[1,{"k":null}]}"#
        let compact = try interpreter.decodeJSON("[" + Array(repeating: item, count: 3).joined(separator: ",") + "]")
        let pretty = try interpreter.encodeJSON(compact, pretty: true)
        let bytes = Array(pretty.utf8)
        XCTAssertEqual(try interpreter.decodeJSON(bytes), compact)
        for length in 0..<bytes.count {
            XCTAssertThrowsError(try interpreter.decodeJSON(Array(bytes[..<length]))) { error in
                guard let diagnostic = error as? Diagnostic else { return XCTFail("unexpected error \(error)") }
                XCTAssertTrue(diagnostic.message.hasPrefix("invalid JSON at "), diagnostic.message)
            }
        }
    }

    /// Strings around the length where Swift stores them inline (15 bytes), ASCII or not.
    func testStringsAroundTheInlineLength() throws {
        for length in 12...18 {
            let ascii = String(repeating: "x", count: length)
            let accented = String(repeating: "x", count: length - 2) + "é"
            for text in [ascii, accented] {
                XCTAssertEqual(try interpreter.decodeJSON("\"\(text)\""), .string(text))
                XCTAssertEqual(try interpreter.decodeJSON("[{\"\(text)\": \"\(text)\"}, {\"\(text)\": 1}]"),
                               [.object([text: .string(text)]), .object([text: 1])])
            }
        }
    }

    /// Malformed UTF-8 is refused wherever it sits: short strings, long ones, after an escape.
    func testInvalidUTF8() {
        let malformed: [[UInt8]] = [
            [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        ]
        for bytes in malformed {
            for padding in [0, 3, 7, 8, 14, 15, 16, 40] {
                let before = Array(repeating: UInt8(ascii: "a"), count: padding)
                for escape in [false, true] {
                    let escapeBytes: [UInt8] = escape ? Array(#"\t"#.utf8) : []
                    let document = [0x5B, 0x22] + escapeBytes + before + bytes + [0x22, 0x5D]
                    XCTAssertDiagnostic(try interpreter.decodeJSON(document), .value,
                                        "invalid JSON at 1:3: invalid UTF-8 in string")
                    let key = [0x7B, 0x22] + escapeBytes + before + bytes + Array(#"":1}"#.utf8)
                    XCTAssertDiagnostic(try interpreter.decodeJSON(key), .value,
                                        "invalid JSON at 1:3: invalid UTF-8 in string")
                }
            }
        }
    }

    /// Escapes of every kind next to runs of plain bytes of every length.
    func testEscapesBetweenRunsOfPlainBytes() throws {
        let escapes: [(String, String)] = [
            (#"\""#, "\""), (#"\\"#, "\\"), (#"\/"#, "/"), (#"\n"#, "\n"), (#"\u00e9"#, "é"),
            (#"\ud83d\ude80"#, "🚀"), (#"\u0000"#, "\u{0}"),
        ]
        for run in 0..<18 {
            let plain = String(repeating: "p", count: run)
            for (escaped, decoded) in escapes {
                let json = "\"\(plain)\(escaped)\(plain)\(escaped)→\(plain)\""
                XCTAssertEqual(try interpreter.decodeJSON(json), .string(plain + decoded + plain + decoded + "→" + plain), json)
            }
        }
    }

    func testNumbersAtTheEdges() throws {
        let cases: [(String, Value)] = [
            ("-0", 0), ("-0.0", .float(-0.0)), ("0e5", .float(0)), ("-0e-5", .float(-0.0)),
            ("1e400", .float(.infinity)), ("-1e400", .float(-.infinity)), ("1e-400", .float(0)),
            ("1e99999999999999999999", .float(.infinity)), ("1e-99999999999999999999", .float(0)),
            ("-9223372036854775809", .float(-9223372036854775809.0)),
            ("18446744073709551616", .float(18446744073709551616.0)),
            ("99999999999999999999", .float(1e20)),
            ("0.30000000000000004", .float(0.30000000000000004)),
            ("9007199254740993", .int(9007199254740993)), ("9007199254740993.0", .float(9007199254740992)),
            ("1234567890123456789e-10", .float(123456789.0123456789)),
            ("0.0000000000000000000000000001", .float(1e-28)),
            ("[1,-2,3.5,4e0]", [1, -2, 3.5, 4.0]),
        ]
        for (text, expected) in cases {
            let value = try interpreter.decodeJSON(text)
            XCTAssertEqual(value, expected, text)
            if case .float(let got) = value, case .float(let want) = expected {
                XCTAssertEqual(got.sign, want.sign, text)
            }
            XCTAssertEqual(value.typeName, expected.typeName, text)
        }
    }
}
