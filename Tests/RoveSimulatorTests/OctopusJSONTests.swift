// The ordered JSON value: parsing, encoding, key order and clear errors.

import XCTest
@testable import RoveSimulator

final class OctopusJSONTests: XCTestCase {
    func testObjectsKeepInsertionOrderThroughARoundTrip() throws {
        let text = #"{"Zeta":1,"Alpha":[true,false,null],"Mid":{"b":"x","a":2.5},"Neg":-12}"#
        XCTAssertEqual(try JSONValue.parse(text).jsonText, text)
    }

    func testStringsEscapeAndUnescape() throws {
        let value = try JSONValue.parse(#""quote \" slash \\ newline \n tab \t unicode \u00e9 \ud83d\ude00""#)
        XCTAssertEqual(value.stringValue, "quote \" slash \\ newline \n tab \t unicode é 😀")
        XCTAssertEqual(JSONValue.string("a\"b\\c\n\u{1}").jsonText, #""a\"b\\c\n\u0001""#)
    }

    func testNumbersKeepIntegersExact() throws {
        XCTAssertEqual(try JSONValue.parse("2147483647"), .int(2_147_483_647))
        XCTAssertEqual(try JSONValue.parse("1.5e3"), .double(1500))
        XCTAssertEqual(JSONValue.double(2).jsonText, "2")
    }

    func testErrorsSayWhatAndWhere() {
        for (text, message) in [("{\"a\":}", "unexpected character"), ("[1,2", "unterminated array"),
                                ("{\"a\" 1}", "expected ':'"), ("tru", "invalid literal"), ("{} x", "unexpected text"),
                                ("\"abc", "unterminated string"), ("", "unexpected end")] {
            XCTAssertThrowsError(try JSONValue.parse(text), text) { error in
                XCTAssertTrue("\(error)".contains(message), "\(text): \(error)")
            }
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertThrowsError(try JSONValue.parse(deep))
    }

    func testSetReplacesInPlaceAndAppendsNewKeys() {
        var value: JSONValue = .object([("A", 1), ("B", 2)])
        value.set("A", 3)
        value.set("C", 4)
        XCTAssertEqual(value.jsonText, #"{"A":3,"B":2,"C":4}"#)
    }
}
