// Codable across the bridge: Swift values into scripts with ValueEncoder, results out with ValueDecoder.

import Foundation
import RoveCore
import XCTest

private struct Ticket: Codable, Equatable {
    var id: String
    var points: Int
    var tags: [String]
    var owner: Owner?
    var ratio: Double
    var urgent: Bool
}

private struct Owner: Codable, Equatable {
    var name: String
    var team: String?
}

private enum Stage: String, Codable { case test, production }

private enum Shape: Codable, Equatable {
    case circle(radius: Double)
    case square(Int)
}

private struct Sized: Codable { var size: UInt64 }
private struct Carrier: Codable { var payload: Value }
private struct Empty: Codable {}
private struct Small: Codable, Equatable { var level: UInt8 }

private class Base: Codable {
    var a = 1
}

private final class Derived: Base {
    var b = 2
    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: BridgeKeys.self)
        try container.encode(b, forKey: .b)
        try super.encode(to: container.superEncoder())
    }
    private enum BridgeKeys: CodingKey { case b }
}

/// A Swift type nested as deep as it is built: a hostile value for the depth limit.
private final class Chain: Codable {
    var next: Chain?
    init(next: Chain?) { self.next = next }
    static func of(length: Int) -> Chain { (1..<length).reduce(Chain(next: nil)) { chain, _ in Chain(next: chain) } }
}

private indirect enum Tree: Decodable, Equatable {
    case leaf(Int)
    case node([Tree])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let leaf = try? container.decode(Int.self) { self = .leaf(leaf); return }
        self = .node(try container.decode([Tree].self))
    }
}

/// Decodes three numbers from a list, to show the path of an item that is not there.
private struct Triple: Decodable {
    var numbers: [Int] = []
    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        for _ in 0..<3 { numbers.append(try container.decode(Int.self)) }
    }
}

private struct Refuses: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: BridgeKeys.self)
        try container.encode(Owner(name: "a"), forKey: .when)
        throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath + [BridgeKeys.when], debugDescription: "no time zone"))
    }
    private enum BridgeKeys: CodingKey { case when }
}

/// A host object with a data form, like a resource.
private final class Record: HostObject {
    var typeName: String { "Record" }
    func data(in interpreter: Interpreter) throws -> Value? { .object(["name": "ann", "team": "ops"]) }
}

final class CodableBridgeTests: XCTestCase {
    private let ticket = Ticket(id: "CHG-1", points: 3, tags: ["db", "web"], owner: Owner(name: "ann"), ratio: 0.5, urgent: true)

    /// The value a script writes as `source`.
    private func value(_ source: String) throws -> Value {
        try Interpreter().run(source, file: "t") ?? .null
    }

    private func message(of body: () throws -> Any) -> String {
        do {
            return "no error: \(try body())"
        } catch let diagnostic as Diagnostic {
            return "\(diagnostic.kind): \(diagnostic.message)"
        } catch {
            return "not a diagnostic: \(error)"
        }
    }

    func testEncodingGivesTheValueAScriptWouldWrite() throws {
        let chainOf3 = Chain.of(length: 3)
        let cases: [(encoded: () throws -> Value, expected: String)] = [
            ({ try Value(encoding: self.ticket) },
             #"{id: "CHG-1", points: 3, tags: ["db", "web"], owner: {name: "ann"}, ratio: 0.5, urgent: true}"#),
            ({ try Value(encoding: [1, 2, 3]) }, "[1, 2, 3]"),
            ({ try Value(encoding: ["web": 1]) }, "{web: 1}"),
            ({ try Value(encoding: [7: "seven"]) }, #"{"7": "seven"}"#),
            // Keys that are neither strings nor integers encode as Swift does: key, value, key...
            ({ try Value(encoding: [true: "yes"]) }, #"[true, "yes"]"#),
            ({ try Value(encoding: Int?.none) }, "nil"),
            ({ try Value(encoding: Stage.production) }, #""production""#),
            ({ try Value(encoding: Shape.circle(radius: 2)) }, "{circle: {radius: 2.0}}"),
            ({ try Value(encoding: Shape.square(3)) }, "{square: {_0: 3}}"),
            ({ try Value(encoding: Double.nan) }, "nan"),
            ({ try Value(encoding: [Double.infinity, -Double.infinity]) }, "[inf, -inf]"),
            ({ try Value(encoding: Float(1.5)) }, "1.5"),
            ({ try Value(encoding: Int8(-5)) }, "-5"),
            ({ try Value(encoding: UInt64(Int.max)) }, "9223372036854775807"),
            ({ try Value(encoding: Carrier(payload: .list([.null, "x"]))) }, #"{payload: [nil, "x"]}"#),
            ({ try Value(encoding: Derived()) }, "{b: 2, super: {a: 1}}"),
            ({ try Value(encoding: Empty()) }, "{}"),
            ({ try Value(encoding: chainOf3) }, "{next: {next: {}}}"),
        ]
        for (index, row) in cases.enumerated() {
            XCTAssertEqual(try row.encoded().debugDescription, row.expected, "case \(index)")
        }
    }

    /// A function or host object inside a `Value` field reaches the script as itself.
    func testAValueFieldPassesThroughUntouched() throws {
        let interpreter = Interpreter()
        let record = Record()
        let encoded = try Value(encoding: Carrier(payload: .host(record)))
        guard case .object(let fields) = encoded, case .host(let object)? = fields["payload"] else {
            return XCTFail("\(encoded)")
        }
        XCTAssertTrue(object === record)
        XCTAssertEqual(try ValueDecoder().decode(Carrier.self, from: encoded).payload, .host(record))
        interpreter.define("carrier", as: encoded)
        XCTAssertEqual(try interpreter.run("type(carrier.payload)", file: "t"), .string("Record"))
    }

    func testEncodingErrorsNameThePath() {
        let cases: [(encoded: () throws -> Value, expected: String)] = [
            ({ try Value(encoding: UInt64.max) },
             "value: 18446744073709551615 does not fit in an integer (at most 9223372036854775807)"),
            ({ try Value(encoding: Sized(size: UInt64.max)) },
             "value: size: 18446744073709551615 does not fit in an integer (at most 9223372036854775807)"),
            ({ try Value(encoding: [0, UInt.max]) },
             "value: [1]: 18446744073709551615 does not fit in an integer (at most 9223372036854775807)"),
            ({ try Value(encoding: ["odd key": [UInt64.max]]) },
             #"value: ["odd key"][0]: 18446744073709551615 does not fit in an integer (at most 9223372036854775807)"#),
            ({ try Value(encoding: Refuses()) }, "value: when: no time zone"),
            ({ try Value(encoding: Chain.of(length: 5000)) }, "value: nesting deeper than 512 levels"),
        ]
        for (index, row) in cases.enumerated() {
            XCTAssertEqual(message(of: row.encoded), row.expected, "case \(index)")
        }
    }

    func testDecodingReadsWhatAScriptReturns() throws {
        let decoder = ValueDecoder()
        let cases: [(source: String, decoded: (Value) throws -> Bool)] = [
            (#"{id: "CHG-1", points: 3, tags: ["db", "web"], owner: {name: "ann"}, ratio: 0.5, urgent: true, extra: 1}"#,
             { try decoder.decode(Ticket.self, from: $0) == self.ticket }),
            // An integer decodes a Double; a missing optional and an explicit nil are both nil.
            (#"{id: "x", points: 0, tags: [], owner: nil, ratio: 1, urgent: false}"#,
             { try decoder.decode(Ticket.self, from: $0) == Ticket(id: "x", points: 0, tags: [], owner: nil, ratio: 1, urgent: false) }),
            ("[1, 2.0, -3]", { try decoder.decode([Int].self, from: $0) == [1, 2, -3] }),
            (#"{a: 1, "odd key": 2}"#, { try decoder.decode([String: Int].self, from: $0) == ["a": 1, "odd key": 2] }),
            (#"{"7": "seven"}"#, { try decoder.decode([Int: String].self, from: $0) == [7: "seven"] }),
            ("[1, nil]", { try decoder.decode([Int?].self, from: $0) == [1, nil] }),
            (#""production""#, { try decoder.decode(Stage.self, from: $0) == .production }),
            ("{circle: {radius: 2}}", { try decoder.decode(Shape.self, from: $0) == .circle(radius: 2) }),
            (#"float("nan")"#, { try decoder.decode(Double.self, from: $0).isNaN }),
            (#"float("-inf")"#, { try decoder.decode(Float.self, from: $0) == -.infinity }),
            ("255", { try decoder.decode(UInt8.self, from: $0) == 255 }),
            ("[[1], [[2]]]", { try decoder.decode(Tree.self, from: $0) == .node([.node([.leaf(1)]), .node([.node([.leaf(2)])])]) }),
            ("{level: 7}", { try decoder.decode(Small.self, from: $0) == Small(level: 7) }),
        ]
        for (source, decoded) in cases {
            XCTAssertTrue(try decoded(value(source)), source)
        }
    }

    func testDecodingErrorsNameThePath() throws {
        let decoder = ValueDecoder()
        let nested = "var x = 1\nfor i in 0..<1000 { x = [x] }\nx"
        let cases: [(source: String, decode: (Value) throws -> Any, expected: String)] = [
            (#"{id: 1, points: 3, tags: [], ratio: 1.0, urgent: true}"#, { try decoder.decode(Ticket.self, from: $0) },
             "type: id: string expected, got integer"),
            (#"{id: "x", tags: [], ratio: 1.0, urgent: true}"#, { try decoder.decode(Ticket.self, from: $0) },
             "value: missing field 'points'"),
            (#"{id: "x", points: 1, tags: ["a", 2], ratio: 1.0, urgent: true}"#, { try decoder.decode(Ticket.self, from: $0) },
             "type: tags[1]: string expected, got integer"),
            (#"{id: "x", points: 1, tags: [], owner: {team: "ops"}, ratio: 1.0, urgent: true}"#,
             { try decoder.decode(Ticket.self, from: $0) }, "value: missing field 'owner.name'"),
            (#"{id: "x", points: 1, tags: [], ratio: 1.0, urgent: 1}"#, { try decoder.decode(Ticket.self, from: $0) },
             "type: urgent: boolean expected, got integer"),
            ("[1, 2]", { try decoder.decode(Ticket.self, from: $0) }, "type: object expected, got list"),
            ("300", { try decoder.decode(UInt8.self, from: $0) }, "value: 300 does not fit in UInt8"),
            ("{level: -1}", { try decoder.decode(Small.self, from: $0) }, "value: level: -1 does not fit in UInt8"),
            ("1.5", { try decoder.decode(Int.self, from: $0) }, "type: integer expected, got float"),
            ("1e300", { try decoder.decode(Float.self, from: $0) }, "value: 1e+300 does not fit in Float"),
            ("1e19", { try decoder.decode(Int.self, from: $0) }, "value: 1e+19 does not fit in Int"),
            ("nil", { try decoder.decode(Int.self, from: $0) }, "type: integer expected, got nil"),
            ("[1, 2]", { try decoder.decode(Triple.self, from: $0) }, "value: [2]: missing item (the list has 2)"),
            (#"{"odd key": {x: "a"}}"#, { try decoder.decode([String: [String: Int]].self, from: $0) },
             #"type: ["odd key"].x: integer expected, got string"#),
            (#""staging""#, { try decoder.decode(Stage.self, from: $0) },
             "value: Cannot initialize Stage from invalid String value staging"),
            (nested, { try decoder.decode(Tree.self, from: $0) }, "value: nesting deeper than 512 levels"),
        ]
        for (source, decode, expected) in cases {
            let decoded = try value(source)
            XCTAssertEqual(message { try decode(decoded) }, expected, source)
        }
    }

    /// Host objects decode through their data form, given the interpreter that owns them.
    func testHostObjectsDecodeThroughTheirData() {
        let record = Value.host(Record())
        XCTAssertEqual(try ValueDecoder(interpreter: Interpreter()).decode(Owner.self, from: record), Owner(name: "ann", team: "ops"))
        XCTAssertEqual(message { try ValueDecoder().decode(Owner.self, from: record) },
                       "type: cannot decode a value of type 'Record' without an interpreter (ValueDecoder(interpreter:))")
    }

    /// A registered function decodes its argument in one call; a mismatch is its argument error.
    func testArgumentsDecodeWithTheCallsArgumentError() throws {
        let interpreter = Interpreter()
        interpreter.register("assign", arity: 1, doc: "assigns an owner") { args in
            let owner = try args.decode(Owner.self, 0)
            return .string("\(owner.name) of \(owner.team ?? "no team")")
        }
        XCTAssertEqual(try interpreter.run(#"assign({name: "ann", team: "ops"})"#, file: "t"), .string("ann of ops"))
        XCTAssertThrowsError(try interpreter.run("assign({name: 7})", file: "t")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .argument)
            XCTAssertEqual((error as? Diagnostic)?.message, "bad argument #1 to 'assign' (name: string expected, got integer)")
        }
    }

    /// A struct goes into a script, and the script's answer comes back out as another.
    func testAStructRoundTripsThroughAScript() throws {
        let interpreter = Interpreter()
        interpreter.define("ticket", as: try Value(encoding: ticket))
        let result = try interpreter.run("{name: ticket.owner.name, team: ticket.tags.join(\"+\")}", file: "t")
        XCTAssertEqual(try ValueDecoder().decode(Owner.self, from: result ?? .null), Owner(name: "ann", team: "db+web"))
    }

    /// `Value` is Codable itself, so JSONEncoder and JSONDecoder carry it (integers stay integers).
    func testAValueGoesThroughJSONEncoderAndBack() throws {
        let original = try value(#"{name: "web", count: 2, ratio: 0.25, on: true, none: nil, list: [1, "a", [false]]}"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(original), as: UTF8.self)
        XCTAssertEqual(text, #"{"count":2,"list":[1,"a",[false]],"name":"web","none":null,"on":true,"ratio":0.25}"#)
        XCTAssertEqual(try JSONDecoder().decode(Value.self, from: Data(text.utf8)), original)
        XCTAssertThrowsError(try encoder.encode(try value("len")))
    }
}
