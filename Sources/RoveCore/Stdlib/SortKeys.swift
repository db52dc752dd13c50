// Sorting by keys of one simple kind without comparing `Value`s: integers, short ASCII strings.

/// The order `sortBy` puts items in when every key is an integer, or every key a short ASCII
/// string (`sortBy { $0.Id }`, `sortBy { $0.Duration }`, the usual keys). Comparing two keys as
/// `Value`s costs a switch on both and, for strings, up to two calls into the runtime's string
/// comparison (about 100 instructions a comparison with the sort's own work); here each key is
/// made once into plain integers, which compare in a few instructions.
///
/// A string of up to 15 ASCII bytes becomes two words: its bytes big-endian, then its length in
/// the last byte. Comparing the words compares the bytes in order, and when one string is the
/// other's beginning, the length decides; that is `String`'s order for ASCII text, where every
/// byte is a Unicode scalar and no two spellings are canonically equivalent. Anything else
/// (floats, longer or non-ASCII strings, mixed kinds) gives nil: the caller compares `Value`s,
/// which also reports keys that have no order.
enum SortKeys {
    /// The positions of `keys` in stably sorted order, or nil (see above).
    static func stableOrder(of keys: [Value]) -> [Int]? {
        guard let first = keys.first else { return [] }
        switch first {
        case .int:
            var keyed: [(key: Int, offset: Int)] = []
            keyed.reserveCapacity(keys.count)
            for (offset, key) in keys.enumerated() {
                guard case .int(let number) = key else { return nil }
                keyed.append((number, offset))
            }
            keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.offset < $1.offset }
            return keyed.map(\.offset)
        case .string:
            var keyed: [(high: UInt64, low: UInt64, offset: Int)] = []
            keyed.reserveCapacity(keys.count)
            for (offset, key) in keys.enumerated() {
                guard case .string(let text) = key, let (high, low) = words(ofShortASCII: text) else { return nil }
                keyed.append((high, low, offset))
            }
            keyed.sort {
                if $0.high != $1.high { return $0.high < $1.high }
                if $0.low != $1.low { return $0.low < $1.low }
                return $0.offset < $1.offset
            }
            return keyed.map(\.offset)
        case .null, .bool, .float, .list, .object, .function, .host:
            return nil
        }
    }

    /// `text` as two words that compare as it does, or nil when it is longer than 15 bytes
    /// or not ASCII.
    static func words(ofShortASCII text: String) -> (UInt64, UInt64)? {
        withUnsafeTemporaryAllocation(byteCount: 16, alignment: 8) { buffer in
            let base = buffer.baseAddress!
            guard let count = ShortStrings.copyInline(text, to: base), count <= 15 else { return nil }
            var bytes = (base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            // The bytes past `count` are not the string's; bytes at or above 0x80 are not ASCII.
            let kept = count < 8 ? (count == 0 ? 0 : UInt64.max >> (64 - 8 * count)) : UInt64.max
            let keptHigh = count <= 8 ? 0 : UInt64.max >> (64 - 8 * (count - 8))
            bytes.0 &= kept
            bytes.1 &= keptHigh
            guard (bytes.0 | bytes.1) & 0x8080_8080_8080_8080 == 0 else { return nil }
            // Byte 15 is free (`copyInline` leaves it zero): the length goes there, last.
            return (bytes.0.bigEndian, bytes.1.bigEndian | UInt64(count))
        }
    }
}
