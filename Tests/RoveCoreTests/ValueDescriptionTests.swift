// A value's description, for Swift's print and debuggers: what the REPL and print show.

import RoveCore
import XCTest

final class ValueDescriptionTests: XCTestCase {
    /// `description` is what `print` (and `str`) shows, `debugDescription` what `repr` writes:
    /// the same text an interpreter gives, without needing one.
    func testDescriptionsMatchTheInterpretersText() throws {
        let cases: [(source: String, description: String, debugDescription: String)] = [
            ("nil", "nil", "nil"),
            ("true", "true", "true"),
            ("42", "42", "42"),
            ("2.0", "2.0", "2.0"),
            ("float(\"nan\")", "nan", "nan"),
            ("-float(\"inf\")", "-inf", "-inf"),
            ("\"web\"", "web", "\"web\""),
            ("\"a\\nb\\t\\\"c\\\"\"", "a\nb\t\"c\"", "\"a\\nb\\t\\\"c\\\"\""),
            ("[1, \"a\", nil, [true]]", "[1, \"a\", nil, [true]]", "[1, \"a\", nil, [true]]"),
            ("{id: 7, \"odd key\": 2.5, if: 1}", "{id: 7, \"odd key\": 2.5, \"if\": 1}", "{id: 7, \"odd key\": 2.5, \"if\": 1}"),
            ("{}", "{}", "{}"),
            ("len", "<fn len>", "<fn len>"),
            ("fn f() { }\nf", "<fn f>", "<fn f>"),
        ]
        let interpreter = Interpreter()
        for (source, description, debugDescription) in cases {
            let value = try XCTUnwrap(try interpreter.run(source, file: "t"), source)
            XCTAssertEqual(value.description, description, source)
            XCTAssertEqual(value.debugDescription, debugDescription, source)
            XCTAssertEqual(value.description, interpreter.describe(value), source)
            XCTAssertEqual(value.debugDescription, interpreter.repr(value), source)
            XCTAssertEqual("\(value)", description, source)
        }
    }

    /// A host object's own text needs its interpreter; without one it shows its type.
    func testHostObjectsShowTheirTypeWithoutAnInterpreter() throws {
        let interpreter = Interpreter()
        let range = try XCTUnwrap(try interpreter.run("[0..<3]", file: "t"))
        XCTAssertEqual(range.description, "[<range>]")
        XCTAssertEqual(interpreter.describe(range), "[0..<3]")
    }

    /// Deep values stop at 64 levels, as the REPL's do, instead of running out of stack.
    func testDeepValuesAreCutShort() {
        var value = Value.int(1)
        for _ in 0..<10_000 { value = .list([value]) }
        XCTAssertEqual(value.description, String(repeating: "[", count: 64) + "[...]" + String(repeating: "]", count: 64))
    }
}
