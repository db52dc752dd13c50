// `[String: Any]` and JSONSerialization's objects as values and back, booleans kept apart from numbers.

import Foundation
import RoveCore
import RoveFoundation
import XCTest

final class FoundationBridgeTests: XCTestCase {
    private func converted(_ any: Any) -> String {
        do {
            return try Value(jsonObject: any).debugDescription
        } catch let diagnostic as Diagnostic {
            return "\(diagnostic.kind): \(diagnostic.message)"
        } catch {
            return "not a diagnostic: \(error)"
        }
    }

    private func parsed(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }

    /// Foundation's NSNumber casts to Bool and Int alike (on Linux `NSNumber(1) as? Bool` is
    /// true); the bridge reads what each number is.
    func testJSONSerializationBooleansStayBooleans() throws {
        let cases: [(json: String, expected: String)] = [
            ("true", "true"),
            ("false", "false"),
            ("1", "1"),
            ("0", "0"),
            ("1.5", "1.5"),
            ("-7", "-7"),
            ("null", "nil"),
            (#""s""#, #""s""#),
            ("[1, true, 0, false, 2.5]", "[1, true, 0, false, 2.5]"),
            (#"{"t": true, "one": 1, "zero": 0, "f": false, "n": null}"#, "{f: false, n: nil, one: 1, t: true, zero: 0}"),
            (#"{"odd key": {"list": [[true]]}}"#, #"{"odd key": {list: [[true]]}}"#),
            ("9223372036854775807", "9223372036854775807"),
            ("18446744073709551615", "value: 18446744073709551615 does not fit in an integer (at most 9223372036854775807)"),
            (#"{"sizes": [1, 18446744073709551615]}"#,
             "value: sizes[1]: 18446744073709551615 does not fit in an integer (at most 9223372036854775807)"),
        ]
        for (json, expected) in cases {
            XCTAssertEqual(converted(try parsed(json)), expected, json)
        }
    }

    func testSwiftAndFoundationScalars() {
        let nothing: Int? = nil
        let something: Int? = 4
        let cases: [(any: Any, expected: String)] = [
            (true, "true"),
            (1, "1"),
            (Int8(1), "1"),
            (UInt32(7), "7"),
            (2.5, "2.5"),
            (Float(0.5), "0.5"),
            (Double.nan, "nan"),
            (-Double.infinity, "-inf"),
            ("text", #""text""#),
            ("abc".dropFirst(), #""bc""#),
            (nothing as Any, "nil"),
            (something as Any, "4"),
            (NSNull(), "nil"),
            (NSNumber(value: true), "true"),
            (NSNumber(value: false), "false"),
            (NSNumber(value: 1), "1"),
            (NSNumber(value: Int8(1)), "1"),
            (NSNumber(value: UInt8(0)), "0"),
            (NSNumber(value: 2.5), "2.5"),
            (NSNumber(value: Float(0.25)), "0.25"),
            (NSNumber(value: UInt64(Int.max)), "9223372036854775807"),
            (UInt64.max, "value: 18446744073709551615 does not fit in an integer (at most 9223372036854775807)"),
            (Value.list([.int(1)]), "[1]"),
            (Date(timeIntervalSince1970: 0), "value: cannot convert a value of type 'Date'"),
        ]
        for (index, row) in cases.enumerated() {
            XCTAssertEqual(converted(row.any), row.expected, "case \(index)")
        }
    }

    func testDictionariesAndLists() {
        let build: [String: Any] = ["name": "web", "count": 2, "on": true, "ratio": 0.5,
                                    "tags": ["a", "b"], "owner": ["team": "ops", "size": NSNumber(value: 3)]]
        let cases: [(any: Any, expected: String)] = [
            (build, #"{count: 2, name: "web", on: true, owner: {size: 3, team: "ops"}, ratio: 0.5, tags: ["a", "b"]}"#),
            ([1, 2] as [Int], "[1, 2]"),
            (["x": [true, false]] as [String: [Bool]], "{x: [true, false]}"),
            ([1: "one"] as [Int: String], "value: object keys must be strings, got a key of type Int"),
            (["outer": [["ok": 1], [2: "two"]]] as [String: Any],
             "value: outer[1]: object keys must be strings, got a key of type Int"),
            (["odd key": [Date()]] as [String: Any], #"value: ["odd key"][0]: cannot convert a value of type 'Date'"#),
        ]
        for (index, row) in cases.enumerated() {
            XCTAssertEqual(converted(row.any), row.expected, "case \(index)")
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        var deep: Any = 1
        for _ in 0..<10_000 { deep = [deep] }
        XCTAssertEqual(converted(deep), "value: nesting deeper than 512 levels")

        var value = Value.int(1)
        for _ in 0..<10_000 { value = .list([value]) }
        XCTAssertThrowsError(try value.jsonObject()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "nesting deeper than 512 levels")
        }
    }

    /// Out again: Swift Bool, Int, Double, String, [Any], [String: Any] and NSNull, which
    /// JSONSerialization writes as the JSON a script's `json()` would.
    func testAValueBecomesJSONSerializationsData() throws {
        let interpreter = Interpreter()
        let value = try interpreter.run(#"{on: true, off: false, one: 1, zero: 0, ratio: 0.5, none: nil, list: [1, "a"], "odd key": {}}"#,
                                        file: "t") ?? .null
        let object = try value.jsonObject()
        let dictionary = try XCTUnwrap(object as? [String: Any])
        XCTAssertTrue(dictionary["on"] is Bool)
        XCTAssertTrue(type(of: dictionary["one"]!) == Int.self)
        XCTAssertTrue(dictionary["none"] is NSNull)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        XCTAssertEqual(String(decoding: data, as: UTF8.self),
                       #"{"list":[1,"a"],"none":null,"odd key":{},"off":false,"on":true,"one":1,"ratio":0.5,"zero":0}"#)
        // And back: the same value, fields aside in sorted order.
        XCTAssertEqual(try Value(jsonObject: try parsed(String(decoding: data, as: UTF8.self))), value)
    }

    func testValuesWithoutAJSONFormAreErrors() throws {
        let interpreter = Interpreter()
        let withFunction = try interpreter.run("{check: len}", file: "t") ?? .null
        XCTAssertThrowsError(try withFunction.jsonObject()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "check: cannot convert function 'len' to JSON-like data")
        }
        let withRange = try interpreter.run("[0..<3]", file: "t") ?? .null
        XCTAssertThrowsError(try withRange.jsonObject()) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "[0]: cannot convert a value of type 'range' without an interpreter (jsonObject(in:))")
        }
        // Given the interpreter, a host object converts through its data form, as `json()` writes it.
        let data = try JSONSerialization.data(withJSONObject: try withRange.jsonObject(in: interpreter))
        XCTAssertEqual(String(decoding: data, as: UTF8.self), try interpreter.run("json([0..<3])", file: "t")?.description)
    }
}
