// A small JSON reader that keeps object keys in file order, for the URI template conformance suite.

/// A JSON value; objects keep their keys in the order written, and numbers their text.
///
/// The suite's expectations follow the key order in its files (`{keys}` -> `key1,…,key2,…`),
/// which `JSONSerialization` does not keep, and the HTTP tests build without the language's
/// own JSON reader.
enum OrderedJSON: Equatable {
    case null
    case bool(Bool)
    /// As written: `37.76`, `-122.427`, which is how a template expands it.
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    struct Malformed: Error { let offset: Int }

    static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)), (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        case (.null, _), (.bool, _), (.number, _), (.string, _), (.array, _), (.object, _): return false
        }
    }

    /// The value of the JSON document `text`.
    static func parse(_ text: String) throws -> OrderedJSON {
        var reader = Reader(bytes: Array(text.utf8))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw Malformed(offset: reader.index) }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func value() throws -> OrderedJSON {
            skipSpace()
            guard index < bytes.count else { throw Malformed(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: OrderedJSON)] = []
                while try !closes(UInt8(ascii: "}"), after: members.isEmpty) {
                    skipSpace()
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    members.append((key, try value()))
                }
                return .object(members)
            case UInt8(ascii: "["):
                index += 1
                var items: [OrderedJSON] = []
                while try !closes(UInt8(ascii: "]"), after: items.isEmpty) { items.append(try value()) }
                return .array(items)
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try word("true", .bool(true))
            case UInt8(ascii: "f"): return try word("false", .bool(false))
            case UInt8(ascii: "n"): return try word("null", .null)
            default:
                let start = index
                while index < bytes.count, "-+.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { throw Malformed(offset: index) }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }

        /// True at the closing `bracket`; otherwise consumes the `,` before every item but the first.
        mutating func closes(_ bracket: UInt8, after first: Bool) throws -> Bool {
            skipSpace()
            if index < bytes.count, bytes[index] == bracket {
                index += 1
                return true
            }
            if !first { try expect(UInt8(ascii: ",")) }
            return false
        }

        /// A string literal; the suite has no escapes beyond the simple ones handled here.
        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            var out: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    index += 1
                    switch bytes[index] {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case let byte: out.append(byte)   // \" \\ \/
                    }
                } else {
                    out.append(bytes[index])
                }
                index += 1
            }
            try expect(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }

        mutating func word(_ text: String, _ value: OrderedJSON) throws -> OrderedJSON {
            let word = Array(text.utf8)
            guard index + word.count <= bytes.count, Array(bytes[index..<index + word.count]) == word else {
                throw Malformed(offset: index)
            }
            index += word.count
            return value
        }

        mutating func expect(_ byte: UInt8) throws {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { throw Malformed(offset: index) }
            index += 1
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }
    }
}
