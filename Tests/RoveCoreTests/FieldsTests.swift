import OrderedCollections
import XCTest

@testable import RoveCore

/// `Fields` keeps its values by hand in one allocation; these hold it to `OrderedDictionary`,
/// the type it replaced, through the same operations, with copies taken along the way that
/// must never see a later change.
final class FieldsTests: XCTestCase {
    func testOperationsMatchAnOrderedDictionaryAndCopiesStayApart() {
        var random = SeededRandom(seed: 15)
        let keys = (0..<24).map { "k\($0)" }  // more than 15: the key set gets a hash table
        var fields = Fields()
        var model = OrderedDictionary<String, Value>()
        var copies: [(Fields, OrderedDictionary<String, Value>)] = []
        for step in 0..<4000 {
            let key = keys.randomElement(using: &random)!
            let value: Value = step % 7 == 0 ? .list([.int(step)]) : .string("v\(step)")
            switch Int.random(in: 0..<7, using: &random) {
            case 0: XCTAssertEqual(fields.updateValue(value, forKey: key), model.updateValue(value, forKey: key))
            case 1: XCTAssertEqual(fields.removeValue(forKey: key), model.removeValue(forKey: key))
            case 2: fields[key] = value; model[key] = value
            case 3: fields[key] = nil; model[key] = nil
            case 4: fields[key, default: .int(0)] = value; model[key, default: .int(0)] = value
            case 5: fields.reserveCapacity(Int.random(in: 0..<40, using: &random)); model.reserveCapacity(0)
            default: copies.append((fields, model))
            }
            XCTAssertEqual(Array(fields.keys), Array(model.keys), "step \(step)")
            XCTAssertEqual(fields.values, Array(model.values), "step \(step)")
            XCTAssertEqual(fields.dictionary, model, "step \(step)")
            XCTAssertEqual(fields[key], model[key], "step \(step)")
        }
        for (copy, expected) in copies {
            XCTAssertEqual(copy.dictionary, expected)
            XCTAssertEqual(copy, Fields(expected))
        }
    }

    func testObjectsOfOneLiteralShareTheirKeys() {
        let keys: OrderedSet<String> = ["Id", "Name"]
        var first = Fields(sharing: keys) { $0[0] = "a"; $0[1] = "b" }
        let second = Fields(sharing: keys) { $0[0] = "c"; $0[1] = "d" }
        XCTAssertEqual(first.dictionary, ["Id": "a", "Name": "b"])
        XCTAssertEqual(second.dictionary, ["Id": "c", "Name": "d"])
        first["Extra"] = 1
        XCTAssertEqual(Array(second.keys), ["Id", "Name"], "adding a key to one object leaves the other's alone")
        XCTAssertEqual(first.count, 3)
    }

    func testAFailingFillDropsTheObject() {
        struct Stop: Error {}
        XCTAssertThrowsError(try Fields(sharing: ["a", "b"]) { values in
            values[0] = .list([.string("kept until the object is dropped")])
            throw Stop()
        })
    }

    func testNestingCountsTheDeepestValue() {
        let fields = Fields(sharing: ["a", "b"]) { $0[0] = .list([.list([])]); $0[1] = 1 }
        XCTAssertEqual(fields.nesting, 3)
        var grown = fields
        grown["c"] = .object(Fields(["d": .list([.list([.list([])])])]))
        XCTAssertEqual(grown.nesting, 5)
        XCTAssertEqual(fields.nesting, 3)
    }
}
