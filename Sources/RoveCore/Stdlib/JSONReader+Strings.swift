// The JSON reader's strings: scanned a word at a time, built without a second pass where the
// bytes allow it, escapes decoded on a slow path of their own.

extension JSONReader {
    /// string -> '"' ( unescaped | "\" escape )* '"', with the cursor on the opening quote.
    mutating func string() throws -> String {
        cursor += 1
        let first = cursor
        let highBits = skipPlainBytes()
        guard cursor < end else { throw failure("unexpected end of input in string") }
        switch cursor.pointee {
        case UInt8(ascii: "\""):
            // The common case: no escapes, so the bytes between the quotes are the string.
            let text = try makeString(from: first, to: cursor, nonASCII: highBits & 0x80 != 0)
            cursor += 1
            return text
        case UInt8(ascii: "\\"):
            return try escapedString(from: first)
        default:
            throw failure("control character in string (escape it as \\u\(hex4(cursor.pointee)))")
        }
    }

    /// Moves the cursor to the next quote, backslash or control byte (or the end), and returns
    /// the bytes passed or'ed together: their high bit says whether any was not ASCII.
    @inline(__always)
    private mutating func skipPlainBytes() -> UInt8 {
        var highBits: UInt64 = 0
        // Eight bytes at a time; the first special byte's position comes out of the same word,
        // so no byte is looked at twice.
        while end - cursor >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self))
            let special = Self.specialBytes(word)
            if special != 0 {
                let plain = special.trailingZeroBitCount >> 3
                highBits |= word & ((1 << (UInt64(plain) << 3)) &- 1)
                cursor += plain
                return highBits & 0x8080_8080_8080_8080 != 0 ? 0x80 : 0
            }
            highBits |= word
            cursor += 8
        }
        var bytes: UInt8 = highBits & 0x8080_8080_8080_8080 != 0 ? 0x80 : 0
        while cursor < end {
            let byte = cursor.pointee
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            bytes |= byte
            cursor += 1
        }
        return bytes
    }

    /// The high bit set in each byte of `word` (read little-endian) that is a quote, a backslash
    /// or a control character. The "has a zero byte" bit trick: a borrow may also flag bytes
    /// after a special one, never before it, so the lowest flag is exact.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let hasQuote = (quotes &- ones) & ~quotes
        let hasBackslash = (backslashes &- ones) & ~backslashes
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl) & highs
    }

    /// The slow path, once a backslash is seen: copies the runs of plain bytes between escapes,
    /// decoding the escapes.
    private mutating func escapedString(from first: UnsafePointer<UInt8>) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cursor - first + 32)
        bytes.append(contentsOf: UnsafeBufferPointer(start: first, count: cursor - first))
        while true {
            // The cursor is on a backslash.
            try escape(into: &bytes)
            let run = cursor
            _ = skipPlainBytes()
            bytes.append(contentsOf: UnsafeBufferPointer(start: run, count: cursor - run))
            guard cursor < end else { throw failure("unexpected end of input in string") }
            let byte = cursor.pointee
            if byte == UInt8(ascii: "\"") {
                cursor += 1
                return try bytes.withUnsafeBufferPointer { buffer in
                    try makeString(from: buffer.baseAddress!, to: buffer.baseAddress! + buffer.count, nonASCII: true, at: first)
                }
            }
            if byte != UInt8(ascii: "\\") {
                throw failure("control character in string (escape it as \\u\(hex4(byte)))")
            }
        }
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

    /// The string of the bytes `first..<last`, which lie in the document at `origin` (where an
    /// error points) unless they were copied out to decode escapes.
    private func makeString(
        from first: UnsafePointer<UInt8>, to last: UnsafePointer<UInt8>, nonASCII: Bool, at origin: UnsafePointer<UInt8>? = nil
    ) throws -> String {
        let count = last - first
        let bytes = UnsafeBufferPointer(start: first, count: count)
        guard nonASCII else {
            // ASCII that fits inline (15 bytes) is copied straight in; `String(decoding:)` would
            // check it for UTF-8 again first.
            if count <= 15 {
                if count == 0 { return "" }
                return String(unsafeUninitializedCapacity: count) { buffer in
                    UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: first, byteCount: count)
                    return count
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        // `String(decoding:)` would replace malformed bytes rather than refuse them, and
        // `String(validating:)` goes through the generic decoder, several times slower.
        guard UTF8Validation.isValid(bytes) else {
            throw Failure(offset: (origin ?? first) - start, message: "invalid UTF-8 in string")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
