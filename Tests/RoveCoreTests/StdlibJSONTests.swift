// Unit tables for the JSON reader and writer: values, escapes, numbers, errors, hostile input.

import XCTest
@testable import RoveCore

final class StdlibJSONTests: XCTestCase {
    let interpreter = Interpreter()

    let sample = """
        {"ItemType": "Task", "TotalResults": 2, "ItemsPerPage": 30,
         "Items": [
          {"Id": "ServerTasks-1", "Name": "Deploy", "State": "Success", "Progress": 12.5,
           "ErrorMessage": "", "HasWarningsOrErrors": false, "QueueTimeExpiry": null,
           "Description": "café \\u00e9 \\ud83d\\ude80 \\"quoted\\"\\n\\t\\/",
           "Links": {"Self": "/api/tasks/ServerTasks-1", "Details": "/api/tasks/ServerTasks-1/details{?verbose,tail}"}},
          {"Id": "ServerTasks-2", "Name": "Health", "State": "Failed", "Progress": -1e-3,
           "Arguments": {"Ids": [1, 2, 3], "Nested": [[], {}, [[]]]}, "Links": {}}
         ],
         "Links": {"Self": "/api/tasks", "Page.Next": "/api/tasks?skip=30"}}
        """

    func testDecodesValues() throws {
        let cases: [(String, Value)] = [
            ("null", nil), ("true", true), (" false ", false),
            ("0", 0), ("-0", 0), ("42", 42), ("-17", -17),
            ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)),
            ("9223372036854775808", 9223372036854775808.0),
            ("123456789012345678901234567890", 1.2345678901234568e29),
            ("1.5", 1.5), ("-0.25", -0.25), ("1e3", 1000.0), ("1E+2", 100.0), ("2.5e-3", 0.0025),
            ("0.1", 0.1), ("3.141592653589793", 3.141592653589793), ("1.7976931348623157e308", 1.7976931348623157e308),
            ("5e-324", .float(.leastNonzeroMagnitude)), ("1e400", .float(.infinity)), ("0.000001", 0.000001),
            ("123456789.123456789", 123456789.123456789), ("1.0", 1.0),
            (#""""#, ""), (#""plain""#, "plain"), (#""a\"b\\c\/d""#, "a\"b\\c/d"),
            (#""\b\f\n\r\t""#, "\u{8}\u{c}\n\r\t"), (#""\u0041\u00e9\u4e2d""#, "Aé中"),
            (#""\ud83d\ude80""#, "🚀"), (#""\u0000""#, "\u{0}"), ("\"naïve 🇫🇷\"", "naïve 🇫🇷"),
            ("[]", []), ("[1, [2, []], {}]", [1, [2, []], .object([:])]),
            (#"{"b": 1, "a": 2}"#, .object(["b": 1, "a": 2])),
            (#"{"a": 1, "b": 2, "a": 3}"#, .object(["a": 3, "b": 2])),
            ("\u{FEFF}[1]", [1]), (" \n\t\r[ 1 , 2 ]\n", [1, 2]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try interpreter.decodeJSON(text), expected, text)
            XCTAssertEqual(try interpreter.decodeJSON(Array(text.utf8)), expected, text)
        }
        // Integers stay integers and integral floats stay floats.
        XCTAssertEqual(try interpreter.decodeJSON("[1, 1.0]").typeNames, ["integer", "float"])
    }

    /// Strings are scanned eight bytes at a time; put each kind of special byte at every
    /// position of a word to check that none is skipped.
    func testSpecialBytesAtEveryPosition() throws {
        for offset in 0..<20 {
            let padding = String(repeating: "a", count: offset)
            let tail = String(repeating: "b", count: 19 - offset)
            let cases: [(String, Value)] = [
                ("\"\(padding)\\n\(tail)\"", .string(padding + "\n" + tail)),
                ("\"\(padding)\"", .string(padding)),
                ("\"\(padding)é\(tail)\"", .string(padding + "é" + tail)),
                ("\"\(padding)\u{7F}\(tail)\"", .string(padding + "\u{7F}" + tail)),
                ("[\"\(padding)\", \"\(tail)\"]", [.string(padding), .string(tail)]),
            ]
            for (text, expected) in cases {
                XCTAssertEqual(try interpreter.decodeJSON(text), expected, text)
            }
            XCTAssertDiagnostic(try interpreter.decodeJSON("\"\(padding)\u{1F}\(tail)\""), .value,
                                "invalid JSON at 1:\(offset + 2): control character in string (escape it as \\u001f)")
            let invalid = Array("\"\(padding)".utf8) + [0xC3] + Array("\(tail)\"".utf8)
            XCTAssertDiagnostic(try interpreter.decodeJSON(invalid), .value, "invalid JSON at 1:2: invalid UTF-8 in string")
        }
    }

    func testKeepsKeyOrder() throws {
        let document = try interpreter.decodeJSON(sample)
        guard case .object(let fields) = document else { return XCTFail("expected an object") }
        XCTAssertEqual(Array(fields.keys), ["ItemType", "TotalResults", "ItemsPerPage", "Items", "Links"])
        // The repeated key keeps its first position.
        guard case .object(let repeated) = try interpreter.decodeJSON(#"{"a": 1, "b": 2, "a": 3}"#) else {
            return XCTFail("expected an object")
        }
        XCTAssertEqual(Array(repeated.keys), ["a", "b"])
    }

    func testRoundTrips() throws {
        let document = try interpreter.decodeJSON(sample)
        for pretty in [false, true] {
            let text = try interpreter.encodeJSON(document, pretty: pretty)
            XCTAssertEqual(try interpreter.decodeJSON(text), document)
            XCTAssertEqual(try interpreter.encodeJSON(try interpreter.decodeJSON(text), pretty: pretty), text,
                           "encoding is stable, keys in order")
        }
        let floats: [Double] = [0.1, 1.0 / 3, 1e-7, 123456.789, 2.0, -0.0, 1e21, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        for d in floats {
            let text = try interpreter.encodeJSON(.float(d), pretty: false)
            guard case .float(let back) = try interpreter.decodeJSON(text) else { return XCTFail(text) }
            XCTAssertEqual(back.bitPattern, d.bitPattern, text)
        }
    }

    func testEncodes() throws {
        let cases: [(Value, String, String)] = [
            (nil, "null", "null"), (true, "true", "true"), (-3, "-3", "-3"), (2.0, "2.0", "2.0"),
            (1e-5, "1e-05", "1e-05"),
            ("a\"b\\c\n\u{1}\u{1f}é🚀/", #""a\"b\\c\n\u0001\u001fé🚀/""#, #""a\"b\\c\n\u0001\u001fé🚀/""#),
            ([], "[]", "[]"), (.object([:]), "{}", "{}"),
            ([1, [], .object(["k": nil])], #"[1,[],{"k":null}]"#, "[\n  1,\n  [],\n  {\n    \"k\": null\n  }\n]"),
            (.object(["z": 1, "a": [true]]), #"{"z":1,"a":[true]}"#, "{\n  \"z\": 1,\n  \"a\": [\n    true\n  ]\n}"),
            (.host(Secret("key")), #""•••""#, #""•••""#),
        ]
        for (value, compact, pretty) in cases {
            XCTAssertEqual(try interpreter.encodeJSON(value, pretty: false), compact)
            XCTAssertEqual(try interpreter.encodeJSON(value, pretty: true), pretty)
        }
    }

    func testEncodingErrors() {
        let function = Value.function(Function(name: "deploy") { _ in nil })
        let cases: [(Value, ErrorKind, String)] = [
            (.float(.nan), .value, "cannot encode nan as JSON"),
            ([.float(-.infinity)], .value, "cannot encode -inf as JSON"),
            (.object(["f": function]), .type, "cannot encode function 'deploy' as JSON"),
            (.host(Numbers(count: 1)), .type, "cannot encode a value of type 'Numbers' as JSON"),
            (nested(600), .value, "cannot encode as JSON: nesting deeper than 512 levels"),
        ]
        for (value, kind, message) in cases {
            XCTAssertDiagnostic(try interpreter.encodeJSON(value, pretty: false), kind, message)
        }
    }

    func testMalformed() {
        let cases: [(String, String)] = [
            ("", "invalid JSON at 1:1: unexpected end of input"),
            ("   ", "invalid JSON at 1:4: unexpected end of input"),
            ("{", "invalid JSON at 1:2: unexpected end of input"),
            ("{\"a\"", "invalid JSON at 1:5: unexpected end of input"),
            ("{\"a\": 1", "invalid JSON at 1:8: unexpected end of input"),
            ("{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3}", "invalid JSON at 4:3: expected ',' or '}'"),
            ("{\"a\" 1}", "invalid JSON at 1:6: expected ':' after the key"),
            ("{a: 1}", "invalid JSON at 1:2: expected a string key"),
            ("{\"a\": 1,}", "invalid JSON at 1:9: expected a string key"),
            ("[1, 2", "invalid JSON at 1:6: unexpected end of input"),
            ("[1 2]", "invalid JSON at 1:4: expected ',' or ']'"),
            ("[1,]", "invalid JSON at 1:4: expected a value, found ']'"),
            ("[1] [2]", "invalid JSON at 1:5: unexpected '[' after the document"),
            ("tru", "invalid JSON at 1:4: unexpected end of input"),
            ("trUe", "invalid JSON at 1:3: expected a value, found 'U'"),
            ("nul", "invalid JSON at 1:4: unexpected end of input"),
            ("'a'", "invalid JSON at 1:1: expected a value, found '''"),
            ("\"abc", "invalid JSON at 1:5: unexpected end of input in string"),
            ("\"a\\", "invalid JSON at 1:4: unexpected end of input in string"),
            ("\"a\\x\"", "invalid JSON at 1:3: invalid escape '\\x' in string"),
            ("\"\\u12\"", "invalid JSON at 1:2: invalid escape '\\u' needs four hex digits"),
            ("\"\\u12", "invalid JSON at 1:6: unexpected end of input in string"),
            ("\"\\ud800\"", "invalid JSON at 1:2: unpaired surrogate '\\ud800'"),
            ("\"\\ud800\\u0041\"", "invalid JSON at 1:2: unpaired surrogate '\\ud800'"),
            ("\"\\udc00\"", "invalid JSON at 1:2: unpaired surrogate '\\udc00'"),
            ("\"a\nb\"", "invalid JSON at 1:3: control character in string (escape it as \\u000a)"),
            ("01", "invalid JSON at 1:2: leading zeros are not allowed in numbers"),
            ("-", "invalid JSON at 1:2: unexpected end of input"),
            ("-a", "invalid JSON at 1:2: expected a digit after '-'"),
            ("1.", "invalid JSON at 1:3: unexpected end of input"),
            ("1.e5", "invalid JSON at 1:3: expected a digit after '.'"),
            ("1e", "invalid JSON at 1:3: unexpected end of input"),
            ("1e+x", "invalid JSON at 1:4: expected a digit in the exponent"),
            ("+1", "invalid JSON at 1:1: expected a value, found '+'"),
            ("NaN", "invalid JSON at 1:1: expected a value, found 'N'"),
            ("[\"é\", x]", "invalid JSON at 1:7: expected a value, found 'x'"),
        ]
        for (text, message) in cases {
            XCTAssertDiagnostic(try interpreter.decodeJSON(text), .value, message)
        }
        XCTAssertDiagnostic(try interpreter.decodeJSON([0x22, 0xFF, 0x22]), .value,
                            "invalid JSON at 1:2: invalid UTF-8 in string")
        XCTAssertDiagnostic(try interpreter.decodeJSON([0x22, 0x5C, 0x6E, 0xC3, 0x22]), .value,
                            "invalid JSON at 1:2: invalid UTF-8 in string")
    }

    func testNestingLimit() throws {
        let fine = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try interpreter.decodeJSON(fine))
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        XCTAssertDiagnostic(try interpreter.decodeJSON(deep), .value,
                            "invalid JSON at 1:513: nesting deeper than 512 levels")
        // Hostile input far past the limit fails the same way, without touching the stack.
        let hostile = String(repeating: "{\"a\":[", count: 100_000)
        XCTAssertDiagnostic(try interpreter.decodeJSON(hostile), .value,
                            "invalid JSON at 1:1537: nesting deeper than 512 levels")
    }

    /// A cheap stand-in for a fuzzer: every prefix of a real document either decodes or fails
    /// with a located error, never a crash.
    func testEveryPrefixFailsCleanly() {
        let bytes = Array(sample.utf8)
        for length in 0..<bytes.count {
            do {
                _ = try interpreter.decodeJSON(Array(bytes[..<length]))
            } catch let diagnostic as Diagnostic {
                XCTAssertEqual(diagnostic.kind, .value)
                XCTAssertTrue(diagnostic.message.hasPrefix("invalid JSON at "), diagnostic.message)
            } catch {
                XCTFail("unexpected error \(error)")
            }
        }
        // Single-byte corruptions too.
        for index in stride(from: 0, to: bytes.count, by: 7) {
            for replacement: UInt8 in [0x00, 0x22, 0x5C, 0x7B, 0x5D, 0xFF] {
                var corrupt = bytes
                corrupt[index] = replacement
                _ = try? interpreter.decodeJSON(corrupt)
            }
        }
    }

    private func nested(_ depth: Int) -> Value {
        var value: Value = []
        for _ in 0..<depth { value = [value] }
        return value
    }
}

private extension Value {
    var typeNames: [String] {
        if case .list(let items) = self { return items.map(\.typeName) }
        return [typeName]
    }
}

/// Objects that follow, or break from, the shape of the object before them at the same depth.
final class JSONShapeTests: XCTestCase {
    func testSiblingsOfChangingShapeDecodeExactly() throws {
        let cases: [(String, String)] = [
            (#"[{"a":1,"b":2},{"a":3,"b":4}]"#, #"[{"a":1,"b":2},{"a":3,"b":4}]"#),
            (#"[{"a":1,"b":2},{"a":3}]"#, #"[{"a":1,"b":2},{"a":3}]"#),
            (#"[{"a":1},{"a":2,"b":3}]"#, #"[{"a":1},{"a":2,"b":3}]"#),
            (#"[{"a":1,"b":2},{"b":3,"a":4}]"#, #"[{"a":1,"b":2},{"b":3,"a":4}]"#),
            (#"[{"a":1,"b":2},{"a":3,"a":4}]"#, #"[{"a":1,"b":2},{"a":4}]"#),
            (#"[{"a\\n":1},{"a\n":2}]"#, #"[{"a\\n":1},{"a\n":2}]"#),
            (#"[{"ab":1},{"a":2},{"abc":3}]"#, #"[{"ab":1},{"a":2},{"abc":3}]"#),
            (#"[{"a":{"x":1}},{"a":{"y":2}},{"a":{"x":3}}]"#, #"[{"a":{"x":1}},{"a":{"y":2}},{"a":{"x":3}}]"#),
            (#"[{"é":1},{"é":2}]"#, #"[{"é":1},{"é":2}]"#),
            (#"[{"a":1,"b":2},{}]"#, #"[{"a":1,"b":2},{}]"#),
        ]
        let interpreter = Interpreter()
        for (input, expected) in cases {
            let value = try interpreter.decodeJSON(input)
            XCTAssertEqual(try interpreter.encodeJSON(value, pretty: false), expected, input)
        }
    }
}
