// Scanning UTF-8 eight bytes at a time, for split and len over long text.

enum ByteScanning {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The top bit of each byte of `word` that equals `byte`, no other bit. Exact (no false
    /// matches from borrows), so the bits can be counted and their positions used.
    @inline(__always)
    static func matches(of byte: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        let nonZero = ((difference & lowBits) &+ lowBits) | difference
        return ~nonZero & highBits
    }

    /// How many of `bytes` are `byte`.
    static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = 0, index = 0
        while index &+ 8 <= bytes.count {
            count &+= matches(of: byte, in: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)).nonzeroBitCount
            index &+= 8
        }
        while index < bytes.count {
            if base[index] == byte { count &+= 1 }
            index &+= 1
        }
        return count
    }

    /// Calls `body` with the index of each byte equal to `byte`, in order.
    @inline(__always)
    static func forEach(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index &+ 8 <= bytes.count {
            var found = matches(of: byte, in: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            while found != 0 {
                body(index &+ found.trailingZeroBitCount &>> 3)
                found &= found &- 1
            }
            index &+= 8
        }
        while index < bytes.count {
            if base[index] == byte { body(index) }
            index &+= 1
        }
    }

    /// Whether every byte is ASCII and none is "\r": then each byte is one character.
    static func isOneBytePerCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index &+ 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & highBits != 0 || matches(of: 0x0D, in: word) != 0 { return false }
            index &+= 8
        }
        while index < bytes.count {
            if base[index] >= 0x80 || base[index] == 0x0D { return false }
            index &+= 1
        }
        return true
    }
}
