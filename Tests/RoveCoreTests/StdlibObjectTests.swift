// Unit tables for the builtin object methods.

import XCTest
@testable import RoveCore

final class StdlibObjectTests: XCTestCase {
    let interpreter = Interpreter()
    let project: Value = .object(["Id": "Projects-1", "Name": "Web", "Odd key": nil])

    func testMethods() throws {
        let cases: [(Value, String, [Value], Value)] = [
            (project, "count", [], 3),
            (project, "isEmpty", [], false),
            (.object([:]), "isEmpty", [], true),
            (project, "keys", [], ["Id", "Name", "Odd key"]),
            (project, "values", [], ["Projects-1", "Web", nil]),
            (project, "contains", ["Odd key"], true),
            (project, "contains", ["Missing"], false),
            (project, "merge", [.object(["Name": "Api", "New": 1])],
             .object(["Id": "Projects-1", "Name": "Api", "Odd key": nil, "New": 1])),
        ]
        for (receiver, name, arguments, expected) in cases {
            XCTAssertEqual(try interpreter.callMethod(name, on: receiver, arguments), expected, "\(name)(\(arguments))")
        }
        // merge keeps the receiver's key order and appends new keys.
        let merged = try interpreter.callMethod("merge", on: project, [.object(["New": 1, "Id": "x"])])
        XCTAssertEqual(try interpreter.callMethod("keys", on: merged, []), ["Id", "Name", "Odd key", "New"])
    }

    func testRemoveValue() throws {
        var object = project
        XCTAssertEqual(try interpreter.callMethod("removeValue", on: &object, ["Name"], labels: ["forKey"]), "Web")
        XCTAssertEqual(object, .object(["Id": "Projects-1", "Odd key": nil]))
        XCTAssertEqual(try interpreter.callMethod("removeValue", on: &object, ["Name"], labels: ["forKey"]), nil)
        XCTAssertDiagnostic(try interpreter.callMethod("removeValue", on: &object, ["Id"]),
                            .argument, "bad argument #1 to 'removeValue' (label 'forKey:' expected)")
    }

    func testNoProperties() {
        // `o.name` reads a field, so object methods must be called with parentheses.
        XCTAssertEqual(ObjectMethods.table.filter(\.isProperty).map(\.name), [])
    }

    func testBadArguments() {
        XCTAssertDiagnostic(try interpreter.callMethod("merge", on: project, [[1]]),
                            .argument, "bad argument #1 to 'merge' (object expected, got list)")
        XCTAssertDiagnostic(try interpreter.callMethod("contains", on: project, [1]),
                            .argument, "bad argument #1 to 'contains' (string expected, got integer)")
    }
}
