// The JSON decoder: builds Rove values straight from UTF-8 bytes, by recursive descent.

import OrderedCollections

/// An object's fields while they are read; `Fields` takes them over, counting their nesting once.
private typealias Entries = OrderedDictionary<String, Value>

/// Reads one JSON document (RFC 8259) from UTF-8 bytes.
///
/// Hand-written over a raw pointer because API responses run to tens of megabytes and this is
/// the hottest loop of a script that lists deployments. Integers that fit `Int` stay integers,
/// object key order is kept, a repeated key keeps its first position and its last value, and
/// nesting is limited so that hostile input raises an error instead of overflowing the stack.
struct JSONReader {
    /// Deeper documents are refused: each level costs native stack, and no API nests this far.
    static let maxDepth = 512

    private let start: UnsafePointer<UInt8>
    private let end: UnsafePointer<UInt8>
    private var cursor: UnsafePointer<UInt8>
    private var depth = 0
    /// The size of the last object and array closed at each depth. Items of an API collection
    /// share one shape, so reserving that much up front spares regrowing and rehashing as
    /// fields arrive (about a fifth of the decoding time). Capped so that one huge value cannot
    /// make every later small one reserve a lot; kept for the shallow levels that matter.
    private var fieldCountHints = [Int](repeating: 0, count: hintedDepth)
    /// The keys of the last object closed at each depth. Items of a collection repeat one shape,
    /// so while an object's keys match these byte for byte it reuses them, hash table and all,
    /// and fills in only the values: no key is hashed or allocated again.
    private var shapes = [ObjectShape?](repeating: nil, count: hintedDepth)
    private var itemCountHints = [Int](repeating: 0, count: hintedDepth)
    private static let maxHint = 64
    private static let hintedDepth = 16

    /// A failure before it is given a line and column: where, and what was wrong.
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    /// Asked every `itemsPerCheck` items whether the run was interrupted: a 30 MB document takes
    /// longer to read than an interrupt may wait.
    private unowned(unsafe) let interpreter: Interpreter?
    private var itemsUntilCheck = Self.itemsPerCheck
    private static let itemsPerCheck = 4096

    private init(_ buffer: UnsafeBufferPointer<UInt8>, interpreter: Interpreter?) {
        self.interpreter = interpreter
        // An empty buffer may have no base address; any valid pointer with `end == start` will do.
        let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        start = base
        end = base + buffer.count
        cursor = base
    }

    /// Decodes the document in `buffer`.
    ///
    /// - Throws: a `value` diagnostic such as `invalid JSON at 3:14: expected ',' or '}'`.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, in interpreter: Interpreter? = nil) throws -> Value {
        var reader = JSONReader(buffer, interpreter: interpreter)
        do {
            return try reader.document()
        } catch let failure as Failure {
            let (line, column) = position(of: failure.offset, in: buffer)
            throw Diagnostic(.value, "invalid JSON at \(line):\(column): \(failure.message)")
        }
    }

    /// The 1-based line and column (counted in Unicode scalars) of byte `offset`.
    static func position(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in buffer.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    // MARK: Grammar

    /// document -> BOM? ws value ws
    private mutating func document() throws -> Value {
        if end - cursor >= 3, cursor[0] == 0xEF, cursor[1] == 0xBB, cursor[2] == 0xBF { cursor += 3 }
        let result = try value()
        skipWhitespace()
        guard cursor == end else { throw failure("unexpected \(describeCurrent()) after the document") }
        return result
    }

    /// Interrupts reach a long read through the interpreter's one checkpoint. Decoding is not
    /// counted as steps: a response's size is the server's doing, not the script's.
    @inline(__always)
    private mutating func countItem() throws {
        itemsUntilCheck &-= 1
        guard itemsUntilCheck == 0 else { return }
        itemsUntilCheck = Self.itemsPerCheck
        try interpreter?.checkpoint(walking: 0, at: nil)
    }

    /// value -> object | array | string | number | "true" | "false" | "null"
    private mutating func value() throws -> Value {
        skipWhitespace()
        guard cursor < end else { throw failure("unexpected end of input") }
        switch cursor.pointee {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: throw failure("expected a value, found \(describeCurrent())")
        }
    }

    /// object -> "{" ws ( string ws ":" value ws ( "," ws string ws ":" value ws )* )? "}"
    private mutating func object() throws -> Value {
        try enter()
        defer { depth -= 1 }
        cursor += 1
        let hinted = depth < Self.hintedDepth
        let shape = hinted ? shapes[depth] : nil
        // Values of keys that matched `shape` so far; `fields` takes over at the first mismatch.
        var matched: [Value] = []
        var following = shape != nil
        var fields = Entries()
        if let shape { matched.reserveCapacity(shape.keys.count) }
        skipWhitespace()
        if cursor < end, cursor.pointee == UInt8(ascii: "}") {
            cursor += 1
            return .object(Fields(fields))
        }
        while true {
            skipWhitespace()
            guard cursor < end, cursor.pointee == UInt8(ascii: "\"") else {
                throw failure(cursor < end ? "expected a string key" : "unexpected end of input")
            }
            var key: String? = nil
            if following, let shape, !(matched.count < shape.keys.count && skipKey(shape.keyBytes[matched.count])) {
                following = false
                fields = shape.prefix(matched.count, values: matched)
                if hinted, fieldCountHints[depth] > fields.count { fields.reserveCapacity(fieldCountHints[depth]) }
            } else if shape == nil, fields.isEmpty, hinted, fieldCountHints[depth] > 0 {
                fields.reserveCapacity(fieldCountHints[depth])
            }
            if !following { key = try string() }
            skipWhitespace()
            guard cursor < end, cursor.pointee == UInt8(ascii: ":") else {
                throw failure(cursor < end ? "expected ':' after the key" : "unexpected end of input")
            }
            cursor += 1
            let item = try value()
            try countItem()
            // Assigning keeps a repeated key where it first appeared, with the last value.
            if let key { fields[key] = item } else { matched.append(item) }
            skipWhitespace()
            guard cursor < end else { throw failure("unexpected end of input") }
            switch cursor.pointee {
            case UInt8(ascii: ","): cursor += 1
            case UInt8(ascii: "}"):
                cursor += 1
                if following, let shape {
                    fields = shape.prefix(matched.count, values: matched)
                } else if hinted {
                    shapes[depth] = ObjectShape(fields)
                }
                if hinted { fieldCountHints[depth] = min(fields.count, Self.maxHint) }
                return .object(Fields(fields))
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    /// Moves past the key at the cursor (its opening quote) when its bytes are exactly `bytes`.
    private mutating func skipKey(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        guard end - cursor > count + 1, cursor[count + 1] == UInt8(ascii: "\"") else { return false }
        for index in 0..<count where cursor[index + 1] != bytes[index] { return false }
        cursor += count + 2
        return true
    }

    /// array -> "[" ws ( value ws ( "," value ws )* )? "]"
    private mutating func array() throws -> Value {
        try enter()
        defer { depth -= 1 }
        cursor += 1
        var items: [Value] = []
        let hinted = depth < Self.hintedDepth
        if hinted, itemCountHints[depth] > 0 { items.reserveCapacity(itemCountHints[depth]) }
        skipWhitespace()
        if cursor < end, cursor.pointee == UInt8(ascii: "]") {
            cursor += 1
            return .list(items)
        }
        while true {
            items.append(try value())
            try countItem()
            skipWhitespace()
            guard cursor < end else { throw failure("unexpected end of input") }
            switch cursor.pointee {
            case UInt8(ascii: ","): cursor += 1
            case UInt8(ascii: "]"):
                cursor += 1
                if hinted { itemCountHints[depth] = min(items.count, Self.maxHint) }
                return .list(items)
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        let text = word.utf8Start
        for index in 0..<count {
            guard cursor + index < end else {
                cursor += index
                throw failure("unexpected end of input")
            }
            guard cursor[index] == text[index] else {
                cursor += index
                throw failure("expected a value, found \(describeCurrent())")
            }
        }
        cursor += count
    }

    // MARK: Strings

    /// string -> '"' ( unescaped | "\" escape )* '"', with the cursor on the opening quote.
    private mutating func string() throws -> String {
        cursor += 1
        let first = cursor
        var highBits: UInt8 = 0
        // Skip eight plain bytes at a time while no quote, backslash or control byte is among them.
        while end - cursor >= 8 {
            let word = UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self)
            if Self.hasSpecialByte(word) { break }
            if word & 0x8080_8080_8080_8080 != 0 { highBits = 0x80 }
            cursor += 8
        }
        // The common case: no escapes, so the bytes between the quotes are the string.
        while cursor < end {
            let byte = cursor.pointee
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(from: first, to: cursor, nonASCII: highBits & 0x80 != 0)
                cursor += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: first) }
            if byte < 0x20 { throw failure("control character in string (escape it as \\u\(hex4(byte)))") }
            highBits |= byte
            cursor += 1
        }
        throw failure("unexpected end of input in string")
    }

    /// Whether any byte of `word` is a quote, a backslash or a control character. Uses the
    /// "has a zero byte" bit trick; it may flag a word that has none, which only sends it to the
    /// byte-by-byte loop, but never misses one.
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes & highs
        let hasBackslash = (backslashes &- ones) & ~backslashes & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        return (hasQuote | hasBackslash | hasControl) != 0
    }

    /// The slow path, once a backslash is seen: copies bytes, decoding escapes as it goes.
    private mutating func escapedString(from first: UnsafePointer<UInt8>) throws -> String {
        var bytes = [UInt8](UnsafeBufferPointer(start: first, count: cursor - first))
        bytes.reserveCapacity(bytes.count + 16)
        while cursor < end {
            let byte = cursor.pointee
            switch byte {
            case UInt8(ascii: "\""):
                cursor += 1
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw Failure(offset: first - start, message: "invalid UTF-8 in string")
                }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &bytes)
            case 0..<0x20:
                throw failure("control character in string (escape it as \\u\(hex4(byte)))")
            default:
                bytes.append(byte)
                cursor += 1
            }
        }
        throw failure("unexpected end of input in string")
    }

    /// escape -> ["\/bfnrt] | "u" hex hex hex hex, with the cursor on the backslash.
    private mutating func escape(into bytes: inout [UInt8]) throws {
        guard cursor + 1 < end else { cursor = end; throw failure("unexpected end of input in string") }
        let kind = cursor[1]
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(kind)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "u"):
            let escapeStart = cursor
            var scalar = try hexEscape()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one; together they are one scalar.
                guard end - cursor >= 2, cursor[0] == UInt8(ascii: "\\"), cursor[1] == UInt8(ascii: "u") else {
                    throw Failure(offset: escapeStart - start, message: "unpaired surrogate '\\u\(hex4(scalar))'")
                }
                let low = try hexEscape()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw Failure(offset: escapeStart - start, message: "unpaired surrogate '\\u\(hex4(scalar))'")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw Failure(offset: escapeStart - start, message: "unpaired surrogate '\\u\(hex4(scalar))'")
            }
            bytes.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            return
        default:
            throw failure("invalid escape '\\\(describe(kind))' in string")
        }
        cursor += 2
    }

    /// Reads `\uXXXX` at the cursor and returns the code unit.
    private mutating func hexEscape() throws -> UInt32 {
        let escapeStart = cursor
        cursor += 2
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard cursor < end else { throw failure("unexpected end of input in string") }
            let byte = cursor.pointee
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw Failure(offset: escapeStart - start, message: "invalid escape '\\u' needs four hex digits")
            }
            unit = unit << 4 | UInt32(digit)
            cursor += 1
        }
        return unit
    }

    private func makeString(from first: UnsafePointer<UInt8>, to last: UnsafePointer<UInt8>, nonASCII: Bool) throws -> String {
        let bytes = UnsafeBufferPointer(start: first, count: last - first)
        guard nonASCII else { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(offset: first - start, message: "invalid UTF-8 in string")
        }
        return text
    }

    // MARK: Numbers

    /// number -> "-"? ( "0" | [1-9][0-9]* ) ( "." [0-9]+ )? ( [eE] [+-]? [0-9]+ )?
    private mutating func number() throws -> Value {
        let first = cursor
        let isNegative = cursor.pointee == UInt8(ascii: "-")
        if isNegative { cursor += 1 }
        guard cursor < end, isDigit(cursor.pointee) else {
            throw failure(cursor < end ? "expected a digit after '-'" : "unexpected end of input")
        }
        // Up to 19 digits always fit a UInt64; more are counted but only make a float.
        var mantissa: UInt64 = 0
        var digits = 0
        if cursor.pointee == UInt8(ascii: "0") {
            cursor += 1
            if cursor < end, isDigit(cursor.pointee) { throw failure("leading zeros are not allowed in numbers") }
        } else {
            while cursor < end, isDigit(cursor.pointee) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(cursor.pointee &- 48) }
                digits += 1
                cursor += 1
            }
        }
        var isInteger = true
        var exponent = 0
        if cursor < end, cursor.pointee == UInt8(ascii: ".") {
            isInteger = false
            cursor += 1
            guard cursor < end, isDigit(cursor.pointee) else {
                throw failure(cursor < end ? "expected a digit after '.'" : "unexpected end of input")
            }
            while cursor < end, isDigit(cursor.pointee) {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(cursor.pointee &- 48)
                    exponent -= 1
                }
                if mantissa != 0 { digits += 1 }
                cursor += 1
            }
        }
        if cursor < end, cursor.pointee | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            cursor += 1
            var exponentIsNegative = false
            if cursor < end, cursor.pointee == UInt8(ascii: "+") || cursor.pointee == UInt8(ascii: "-") {
                exponentIsNegative = cursor.pointee == UInt8(ascii: "-")
                cursor += 1
            }
            guard cursor < end, isDigit(cursor.pointee) else {
                throw failure(cursor < end ? "expected a digit in the exponent" : "unexpected end of input")
            }
            var written = 0
            while cursor < end, isDigit(cursor.pointee) {
                if written < 100_000 { written = written * 10 + Int(cursor.pointee &- 48) }
                cursor += 1
            }
            exponent += exponentIsNegative ? -written : written
        }
        if isInteger, digits <= 19 {
            if isNegative, mantissa <= UInt64(Int.max) + 1 { return .int(Int(truncatingIfNeeded: 0 &- mantissa)) }
            if !isNegative, mantissa <= UInt64(Int.max) { return .int(Int(mantissa)) }
        }
        // Clinger's fast path: a mantissa and a power of ten that are both exact doubles give a
        // correctly rounded product. Anything else goes to the standard library's parser.
        if digits <= 15, (-22...22).contains(exponent) {
            let magnitude = exponent < 0
                ? Double(mantissa) / Self.powersOfTen[-exponent]
                : Double(mantissa) * Self.powersOfTen[exponent]
            return .float(isNegative ? -magnitude : magnitude)
        }
        let text = String(decoding: UnsafeBufferPointer(start: first, count: cursor - first), as: UTF8.self)
        guard let parsed = Double(text) else { throw Failure(offset: first - start, message: "invalid number") }
        return .float(parsed)
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var power = 1.0
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    // MARK: Scanning

    @inline(__always)
    private mutating func skipWhitespace() {
        while cursor < end {
            switch cursor.pointee {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): cursor += 1
            default: return
            }
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private func failure(_ message: String) -> Failure {
        Failure(offset: cursor - start, message: message)
    }

    /// The byte at the cursor as a message shows it: `'x'`, or `end of input`.
    private func describeCurrent() -> String {
        cursor < end ? "'\(describe(cursor.pointee))'" : "end of input"
    }

    private func describe(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\u\(hex4(byte))"
    }

    private func hex4<T: BinaryInteger>(_ unit: T) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The keys of an object, kept to build the next object of the same shape.
private struct ObjectShape {
    /// The keys with nil values: copying it shares the keys and their hash table.
    let template: Entries
    let keys: [String]
    /// Each key's UTF-8 bytes, compared with the raw bytes of the next object's keys.
    let keyBytes: [[UInt8]]

    /// Nil for objects whose keys hold a backslash: raw JSON bytes equal to such a key could
    /// spell a different, escaped key.
    init?(_ fields: Entries) {
        var template = fields
        for index in template.values.indices { template.values[index] = .null }
        self.template = template
        keys = Array(fields.keys)
        keyBytes = keys.map { Array($0.utf8) }
        if keyBytes.contains(where: { $0.contains(UInt8(ascii: "\\")) || $0.isEmpty }) { return nil }
    }

    /// An object with the first `count` keys and `values`.
    func prefix(_ count: Int, values: [Value]) -> Entries {
        if count == keys.count {
            var fields = template
            for index in values.indices { fields.values[index] = values[index] }
            return fields
        }
        var fields = Entries(minimumCapacity: count)
        for index in 0..<count { fields[keys[index]] = values[index] }
        return fields
    }
}
