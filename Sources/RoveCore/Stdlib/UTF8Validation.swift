// Checking bytes for well-formed UTF-8 without building a string from them.

/// Well-formed UTF-8 as Unicode defines it (table 3-7): no overlong forms, no surrogates,
/// nothing past U+10FFFF, no stray or missing continuation bytes.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var cursor = bytes.baseAddress else { return true }
        let end = cursor + bytes.count
        while cursor < end {
            // ASCII runs, the bulk of most text, eight bytes at a time.
            while end - cursor >= 8,
                  UnsafeRawPointer(cursor).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                cursor += 8
            }
            guard cursor < end else { break }
            let lead = cursor.pointee
            if lead < 0x80 {
                cursor += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard end - cursor >= length, (low...high).contains(cursor[1]) else { return false }
            for index in 2..<length where cursor[index] & 0xC0 != 0x80 { return false }
            cursor += length
        }
        return true
    }
}
