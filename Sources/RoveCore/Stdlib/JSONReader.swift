// The JSON decoder: builds Rove values straight from UTF-8 bytes, by recursive descent.

import OrderedCollections

/// An object's fields while they are read; `Fields` takes them over with the nesting counted on the way.
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

    // Not private: the string reader (JSONReader+Strings.swift) moves the cursor too.
    let start: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    var cursor: UnsafePointer<UInt8>
    private var depth = 0
    /// What was learnt about the document's structure so far: the shapes of its objects and
    /// the lengths of its lists, by place (see `JSONSlot`). Kept for the shallow levels that
    /// matter, so that a deep hostile document costs no memory for it.
    private let root = JSONSlot()
    private static let slottedDepth = 16

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
        var nesting = 0
        let result = try value(in: .passUnretained(root), nesting: &nesting)
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
    ///
    /// A list or object read raises `nesting`, the enclosing one's, to its own plus one: counted
    /// here, it needs no pass over the items afterwards.
    ///
    /// The slot is passed unretained (its parent slot or shape owns it): most values are
    /// scalars, which never look at it.
    private mutating func value(in slot: Unmanaged<JSONSlot>?, nesting: inout Int) throws -> Value {
        skipWhitespace()
        guard cursor < end else { throw failure("unexpected end of input") }
        switch cursor.pointee {
        case UInt8(ascii: "{"): return try object(in: depth < Self.slottedDepth ? slot?.takeUnretainedValue() : nil, nesting: &nesting)
        case UInt8(ascii: "["): return try array(in: depth < Self.slottedDepth ? slot?.takeUnretainedValue() : nil, nesting: &nesting)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        case UInt8(ascii: "t"):
            if word(0x6575_7274) { cursor += 4 } else { try literal("true") }
            return .bool(true)
        case UInt8(ascii: "f"):
            if word(0x736C_6166), end - cursor > 4, cursor[4] == UInt8(ascii: "e") { cursor += 5 } else { try literal("false") }
            return .bool(false)
        case UInt8(ascii: "n"):
            if word(0x6C6C_756E) { cursor += 4 } else { try literal("null") }
            return .null
        default: throw failure("expected a value, found \(describeCurrent())")
        }
    }

    /// object -> "{" ws ( string ws ":" value ws ( "," ws string ws ":" value ws )* )? "}"
    ///
    /// While the keys match the shape last read at `slot` byte for byte, the object is a copy
    /// of that shape with its values filled in: no key is decoded, hashed or allocated. At the
    /// first key that differs it continues as an ordinary object.
    private mutating func object(in slot: JSONSlot?, nesting outer: inout Int) throws -> Value {
        try enter()
        defer { depth -= 1 }
        cursor += 1
        skipWhitespace()
        if cursor < end, cursor.pointee == UInt8(ascii: "}") {
            cursor += 1
            outer = max(outer, 2)
            return .object(Fields())
        }
        var nesting = 1
        var fields: Entries
        if let shape = slot?.shape {
            // Filled in place: the object shares the shape's keys and is one allocation.
            var object = Fields(sharing: shape.keys)
            var matched = 0
            while matched < shape.count {
                let gapStart = cursor
                let gap = shape.matchGap(matched, at: cursor, end: end)
                if gap != 0 {
                    cursor += gap
                } else {
                    if matched > 0 {
                        if try endOfObject() {
                            outer = max(outer, nesting &+ 1)
                            return .object(Fields(entries: shape.prefix(matched, of: object, reserving: 0), nesting: nesting))
                        }
                        skipWhitespace()
                    }
                    let length = shape.matchKey(matched, at: cursor, end: end)
                    if length == 0 { break }
                    cursor += length
                    try colon()
                    skipWhitespace()
                    shape.recordGap(matched, from: gapStart, to: cursor)
                }
                object.setValue(try value(in: shape.slots[matched], nesting: &nesting), at: matched)
                matched += 1
                try countItem()
            }
            if matched == shape.count {
                if try endOfObject() {
                    outer = max(outer, nesting &+ 1)
                    return .object(object)
                }
                skipWhitespace()
            }
            fields = shape.prefix(matched, of: object, reserving: slot!.fieldCountHint)
        } else {
            fields = Entries()
            if let slot, slot.fieldCountHint > 0 { fields.reserveCapacity(slot.fieldCountHint) }
        }
        while true {
            guard cursor < end, cursor.pointee == UInt8(ascii: "\"") else {
                throw failure(cursor < end ? "expected a string key" : "unexpected end of input")
            }
            let key = try string()
            try colon()
            // Assigning keeps a repeated key where it first appeared, with the last value.
            fields[key] = try value(in: slot.map { .passUnretained($0.fieldSlot) }, nesting: &nesting)
            try countItem()
            if try endOfObject() {
                if let slot {
                    slot.shape = ObjectShape(fields)
                    slot.fieldCountHint = min(fields.count, JSONSlot.maxHint)
                }
                outer = max(outer, nesting &+ 1)
                return .object(Fields(entries: fields, nesting: nesting))
            }
            skipWhitespace()
        }
    }

    /// The ':' after a key, and the whitespace around it.
    @inline(__always)
    private mutating func colon() throws {
        skipWhitespace()
        guard cursor < end, cursor.pointee == UInt8(ascii: ":") else {
            throw failure(cursor < end ? "expected ':' after the key" : "unexpected end of input")
        }
        cursor += 1
    }

    /// After a member: true past a '}', false past a ','.
    @inline(__always)
    private mutating func endOfObject() throws -> Bool {
        skipWhitespace()
        guard cursor < end else { throw failure("unexpected end of input") }
        switch cursor.pointee {
        case UInt8(ascii: ","):
            cursor += 1
            return false
        case UInt8(ascii: "}"):
            cursor += 1
            return true
        default: throw failure("expected ',' or '}'")
        }
    }

    /// array -> "[" ws ( value ws ( "," value ws )* )? "]"
    private mutating func array(in slot: JSONSlot?, nesting outer: inout Int) throws -> Value {
        try enter()
        defer { depth -= 1 }
        cursor += 1
        skipWhitespace()
        if cursor < end, cursor.pointee == UInt8(ascii: "]") {
            cursor += 1
            outer = max(outer, 2)
            return .list(List())
        }
        var items: [Value] = []
        if let slot, slot.itemCountHint > 0 { items.reserveCapacity(slot.itemCountHint) }
        var nesting = 1
        while true {
            items.append(try value(in: slot.map { .passUnretained($0.itemSlot) }, nesting: &nesting))
            try countItem()
            skipWhitespace()
            guard cursor < end else { throw failure("unexpected end of input") }
            switch cursor.pointee {
            case UInt8(ascii: ","): cursor += 1
            case UInt8(ascii: "]"):
                cursor += 1
                if let slot { slot.itemCountHint = min(items.count, JSONSlot.maxHint) }
                outer = max(outer, nesting &+ 1)
                return .list(List(items: items, nesting: nesting))
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw failure("nesting deeper than \(Self.maxDepth) levels") }
    }

    /// Whether the next four bytes are `expected`, the bytes of a literal read as a little-endian word.
    @inline(__always)
    private func word(_ expected: UInt32) -> Bool {
        end - cursor >= 4 && UInt32(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt32.self)) == expected
    }

    /// A literal spelled out byte by byte, which says where it goes wrong.
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

    /// Pretty-printed documents indent every line, so runs of spaces are skipped eight at a time.
    @inline(__always)
    private mutating func skipWhitespace() {
        while cursor < end {
            switch cursor.pointee {
            case UInt8(ascii: " "):
                while end - cursor >= 8 {
                    let spaces = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self)) ^ 0x2020_2020_2020_2020
                    if spaces != 0 {
                        cursor += spaces.trailingZeroBitCount >> 3
                        break
                    }
                    cursor += 8
                }
                if cursor < end, cursor.pointee == UInt8(ascii: " ") { cursor += 1 }
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): cursor += 1
            default: return
            }
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    func failure(_ message: String) -> Failure {
        Failure(offset: cursor - start, message: message)
    }

    /// The byte at the cursor as a message shows it: `'x'`, or `end of input`.
    private func describeCurrent() -> String {
        cursor < end ? "'\(describe(cursor.pointee))'" : "end of input"
    }

    func describe(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\u\(hex4(byte))"
    }

    func hex4<T: BinaryInteger>(_ unit: T) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
