import XCTest

@testable import RoveCore

/// `SortKeys` must put keys in exactly the order a stable sort comparing `Value`s gives.
final class SortKeysTests: XCTestCase {
    private func valueOrder(_ keys: [Value]) throws -> [Int] {
        try keys.indices.sorted { a, b in
            let order = try ValueOrdering.compare(keys[a], keys[b])
            return order != 0 ? order < 0 : a < b
        }
    }

    func testShortASCIIStringsSortAsStringsDo() throws {
        ShortStrings.enableIfLayoutHolds()
        var random = SeededRandom(seed: 42)
        // Keys share long beginnings (two stems, cut anywhere, the last byte then changed), so
        // every byte position, ties, prefixes and NUL bytes decide some comparisons.
        let alphabet: [Character] = ["\u{0}", "a", "b", "Z", "~", "0"]
        let stems = ["task-0123456789", "task-012345678a"]
        for round in 0..<200 {
            let keys: [Value] = (0..<40).map { _ in
                var key = String(stems.randomElement(using: &random)!.prefix(Int.random(in: 0...15, using: &random)))
                if !key.isEmpty, Bool.random(using: &random) {
                    key.removeLast()
                    key.append(alphabet.randomElement(using: &random)!)
                }
                return .string(key)
            }
            let order = try XCTUnwrap(SortKeys.stableOrder(of: keys), "round \(round)")
            XCTAssertEqual(order, try valueOrder(keys), "round \(round): \(keys)")
        }
    }

    func testKeysThatDifferLateOrOnlyInLength() throws {
        ShortStrings.enableIfLayoutHolds()
        let table: [[String]] = [
            ["task-012345678b", "task-012345678a"],   // the fifteenth byte decides
            ["task-012345678", "task-0123456789", "task-01234567"],
            ["abcdefgh\u{0}", "abcdefgh", "abcdefg"],  // NUL sorts after the end of the text
            ["b", "a\u{0}", "a", ""],
            ["same", "same", "same"],
        ]
        for strings in table {
            let keys = strings.map(Value.string)
            XCTAssertEqual(SortKeys.stableOrder(of: keys), try valueOrder(keys), "\(strings)")
        }
    }

    func testIntegersSortStablyAcrossTheirWholeRange() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<100 {
            let keys: [Value] = (0..<50).map { _ in
                switch Int.random(in: 0..<4, using: &random) {
                case 0: return .int(.min)
                case 1: return .int(.max)
                default: return .int(Int.random(in: -3...3, using: &random))
                }
            }
            XCTAssertEqual(SortKeys.stableOrder(of: keys), try valueOrder(keys))
        }
    }

    func testOtherKeysAreLeftToValueComparison() {
        let cases: [[Value]] = [
            [.string("sixteen bytes!!!"), .string("a")],   // too long to be inline
            [.string("é"), .string("e")],                  // not ASCII
            [.int(1), .string("a")],                       // mixed kinds: ValueOrdering reports them
            [.float(1.5), .int(1)],
            [.int(1), .null],
        ]
        for keys in cases { XCTAssertNil(SortKeys.stableOrder(of: keys), "\(keys)") }
        XCTAssertEqual(SortKeys.stableOrder(of: []), [])
    }
}
