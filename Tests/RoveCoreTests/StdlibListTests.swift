// Unit tables for the builtin list methods.

import XCTest
@testable import RoveCore

final class StdlibListTests: XCTestCase {
    let interpreter = Interpreter()
    let double = closure { args in
        guard case .int(let i) = args[0] else { throw Diagnostic(.type, "int expected") }
        return .int(i * 2)
    }
    let isEven = closure { args in
        guard case .int(let i) = args[0] else { throw Diagnostic(.type, "int expected") }
        return .bool(i % 2 == 0)
    }
    let add = closure { args in
        guard case .int(let a) = args[0], case .int(let b) = args[1] else { throw Diagnostic(.type, "ints expected") }
        return .int(a + b)
    }
    /// `{ $0.Env }`
    let environment = closure { args in
        guard case .object(let fields) = args[0] else { throw Diagnostic(.type, "object expected") }
        return fields["Env"] ?? .null
    }
    let pairUp = closure { args in [args[0], args[0]] }
    let identity = closure { args in args[0] }

    func testMethods() throws {
        let deployments: Value = [
            .object(["Env": "Prod", "N": 1]), .object(["Env": "Dev", "N": 2]), .object(["Env": "Prod", "N": 3]),
        ]
        let cases: [(Value, String, [Value], Value)] = [
            ([1, 2, 3], "count", [], 3),
            ([1, 2, 3, 4], "count", [isEven], 2),
            ([], "isEmpty", [], true),
            ([], "first", [], nil),
            ([], "last", [], nil),
            ([1, 2, 3], "first", [], 1),
            ([1, 2, 3], "last", [], 3),
            ([1, 2, 3, 4], "first", [isEven], 2),
            ([1, 2, 3, 4], "last", [isEven], 4),
            ([1, 3], "first", [isEven], nil),
            ([1, 2, 3], "sum", [], 6),
            ([1, 2.5], "sum", [], 3.5),
            ([], "sum", [], 0),
            ([1, 2], "sum", [double], 6),
            ([3, 1.5, 2], "min", [], 1.5),
            ([3, 1, 2], "max", [], 3),
            ([], "min", [], nil),
            (["b", "a", "c"], "max", [], "c"),
            (deployments, "min", [environment], .object(["Env": "Dev", "N": 2])),
            (deployments, "max", [environment], .object(["Env": "Prod", "N": 1])),
            ([3, 1, 2.5], "sort", [], [1, 2.5, 3]),
            (["b", "C", "a"], "sort", [], ["C", "a", "b"]),
            ([[2, "a"], [1, "b"], [1, "a"]], "sort", [], [[1, "a"], [1, "b"], [2, "a"]]),
            ([], "sort", [], []),
            (deployments, "sortBy", [environment], [
                .object(["Env": "Dev", "N": 2]), .object(["Env": "Prod", "N": 1]), .object(["Env": "Prod", "N": 3]),
            ]),
            ([1, 2, 3], "reverse", [], [3, 2, 1]),
            ([1, "a", 1.0, "a", [1], [1], nil, nil], "unique", [], [1, "a", [1], nil]),
            (deployments, "groupBy", [environment], .object([
                "Prod": [.object(["Env": "Prod", "N": 1]), .object(["Env": "Prod", "N": 3])],
                "Dev": [.object(["Env": "Dev", "N": 2])],
            ])),
            ([1, 2, 3], "take", [2], [1, 2]),
            ([1, 2, 3], "take", [10], [1, 2, 3]),
            ([1, 2, 3], "drop", [2], [3]),
            ([1, 2, 3], "drop", [10], []),
            ([1, 2, 3, 4], "where", [isEven], [2, 4]),
            ([1, 2, 3, 4], "filter", [isEven], [2, 4]),
            ([1, 2, 3, 4], "find", [isEven], 2),
            ([1, 2, 3], "map", [double], [2, 4, 6]),
            ([], "map", [double], []),
            ([1, 2, 3], "reduce", [10, add], 16),
            ([], "reduce", [10, add], 10),
            ([1, 2], "flatMap", [pairUp], [1, 1, 2, 2]),
            ([1, 2], "flatMap", [identity], [1, 2]),
            ([1, 3], "any", [isEven], false),
            ([1, 2], "any", [isEven], true),
            ([nil, false], "any", [], false),
            ([2, 4], "all", [isEven], true),
            ([], "all", [isEven], true),
            (["a", "b"], "enumerated", [], [[0, "a"], [1, "b"]]),
            ([1, 2, 3], "zip", [["a", "b"]], [[1, "a"], [2, "b"]]),
            (["a", "b", "c"], "join", [", "], "a, b, c"),
            ([1, "b", nil], "join", ["-"], "1-b-nil"),
            (["a", "b"], "join", [], "ab"),
            ([1, [2], "x"], "contains", [[2]], true),
            ([1, 2], "contains", [2.0], true),
            ([1, 2], "contains", ["2"], false),
            (["a", "b"], "indexOf", ["b"], 1),
            (["a", "b"], "indexOf", ["z"], nil),
            (["a", "b", "c"], "at", [0], "a"),
            (["a", "b", "c"], "at", [2], "c"),
            (["a", "b", "c"], "at", [-1], "c"),
            (["a", "b", "c"], "at", [-3], "a"),
            (["a", "b", "c"], "at", [3], nil),
            (["a", "b", "c"], "at", [-4], nil),
            (["a", "b", "c"], "at", [.int(.max)], nil),
            (["a", "b", "c"], "at", [.int(.min)], nil),
            ([], "at", [0], nil),
            ([], "at", [-1], nil),
        ]
        for (receiver, name, arguments, expected) in cases {
            XCTAssertEqual(try interpreter.callMethod(name, on: receiver, arguments), expected,
                           "\(interpreter.repr(receiver)).\(name)(\(arguments.map(interpreter.repr)))")
        }
    }

    func testSortByIsStable() throws {
        let items: Value = .list((0..<100).map { .list([.int($0 % 3), .int($0)]) })
        let bucket = closure { args in
            guard case .list(let pair) = args[0] else { throw Diagnostic(.type, "list expected") }
            return pair[0]
        }
        guard case .list(let sorted) = try interpreter.callMethod("sortBy", on: items, [bucket]) else {
            return XCTFail("sortBy should return a list")
        }
        let order = sorted.compactMap { value -> Int? in
            guard case .list(let pair) = value, case .int(let i) = pair[1] else { return nil }
            return i
        }
        XCTAssertEqual(order, (0..<100).filter { $0 % 3 == 0 } + (0..<100).filter { $0 % 3 == 1 }
                        + (0..<100).filter { $0 % 3 == 2 })
    }

    func testMutatingMethods() throws {
        var list: Value = [1, 2]
        XCTAssertEqual(try interpreter.callMethod("append", on: &list, [3]), nil)
        XCTAssertEqual(list, [1, 2, 3])
        XCTAssertEqual(try interpreter.callMethod("insert", on: &list, [0, 0], labels: [nil, "at"]), nil)
        XCTAssertEqual(try interpreter.callMethod("insert", on: &list, [9, 4], labels: [nil, "at"]), nil)
        XCTAssertEqual(list, [0, 1, 2, 3, 9])
        XCTAssertEqual(try interpreter.callMethod("remove", on: &list, [1], labels: ["at"]), 1)
        XCTAssertEqual(try interpreter.callMethod("removeLast", on: &list, []), 9)
        XCTAssertEqual(list, [0, 2, 3])

        // Value semantics: a copy taken before the change is untouched.
        let before = list
        XCTAssertEqual(try interpreter.callMethod("append", on: &list, [4]), nil)
        XCTAssertEqual(before, [0, 2, 3])

        var empty: Value = []
        let cases: [(String, [Value], [String?], ErrorKind, String)] = [
            ("removeLast", [], [], .index, "cannot remove the last item of an empty list"),
            ("remove", [0], ["at"], .index, "index 0 out of range for list of 0 items"),
            ("insert", [1, 1], [nil, "at"], .index, "index 1 out of range for list of 0 items"),
            ("insert", [1, -1], [nil, "at"], .index, "index -1 out of range for list of 0 items"),
            ("insert", [1, 0], [], .argument, "bad argument #2 to 'insert' (label 'at:' expected)"),
            ("remove", [0], [], .argument, "bad argument #1 to 'remove' (label 'at:' expected)"),
            ("append", [], [], .argument, "bad argument #1 to 'append' (value expected)"),
        ]
        for (name, arguments, labels, kind, message) in cases {
            XCTAssertDiagnostic(try interpreter.callMethod(name, on: &empty, arguments, labels: labels), kind, message)
            XCTAssertEqual(empty, [], "a failed \(name) leaves the list alone")
        }
    }

    func testProperties() {
        let properties = ListMethods.table.filter(\.isProperty).map(\.name).sorted()
        XCTAssertEqual(properties, ["count", "first", "isEmpty", "last", "max", "min", "sum"])
    }

    func testBadArguments() {
        let cases: [(Value, String, [Value], ErrorKind, String)] = [
            ([1], "take", ["2"], .argument, "bad argument #1 to 'take' (integer expected, got string)"),
            ([1], "take", [-1], .argument, "bad argument #1 to 'take' (non-negative integer expected, got -1)"),
            ([1], "map", [1], .argument, "bad argument #1 to 'map' (function expected, got integer)"),
            ([1], "map", [], .argument, "bad argument #1 to 'map' (value expected)"),
            ([1], "reduce", [double], .argument, "bad argument #2 to 'reduce' (value expected)"),
            ([1], "zip", ["ab"], .argument, "bad argument #1 to 'zip' (list expected, got string)"),
            ([1], "join", [1], .argument, "bad argument #1 to 'join' (string expected, got integer)"),
            ([1], "at", ["0"], .argument, "bad argument #1 to 'at' (integer expected, got string)"),
            ([1], "at", [], .argument, "bad argument #1 to 'at' (value expected)"),
            ([1, "a"], "sort", [], .type, "cannot compare string and integer"),
            ([true, false], "sort", [], .type, "cannot compare boolean and boolean"),
            ([1, nil], "max", [], .type, "cannot compare nil and integer"),
            ([1, "a"], "sum", [], .type, "cannot sum item #2 (number expected, got string)"),
            ([.int(.max), 1], "sum", [], .value, "integer overflow in 'sum'"),
        ]
        for (receiver, name, arguments, kind, message) in cases {
            XCTAssertDiagnostic(try interpreter.callMethod(name, on: receiver, arguments), kind, message)
        }
    }
}
