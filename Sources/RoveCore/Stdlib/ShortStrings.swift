// Strings of up to 15 bytes read and made through their inline ("small") form.
//
// Swift keeps a string of up to 15 UTF-8 bytes inside the String value itself: the first 8
// bytes in one word, the next 7 in the low bytes of the other, whose top byte holds flags and
// the count. Making such a string through the public initializers costs a validation pass and
// several calls (about 130 instructions for "item-1234"); copying one out through `withUTF8`
// costs a copy to the stack and a closure. Scripts make and read hundreds of thousands of short
// strings (interpolated keys, split fields), so the interpreter does both by building or taking
// apart the two words.
//
// The layout is an implementation detail of the standard library (though part of its stable ABI
// on Apple platforms, where inlined code depends on it), so `layoutHolds` checks it against
// strings the standard library made, and the shortcuts stay off until it has: every
// `Interpreter` checks it as it is made (`enableIfLayoutHolds`), and a toolchain that lays
// strings out otherwise only loses their speed. The check also runs in tests and in every
// debug-build call. It is not a lazy global read at each use: that costs a `swift_once` call
// per use, about as much as the shortcut saves.

enum ShortStrings {
    /// The longest string kept inline.
    static let capacity = 15

    /// Whether the shortcuts are on. A constant initializer makes this a statically initialized
    /// global: reading it is one load. It only ever goes from false to true, and every writer
    /// writes the same answer, so interpreters made at once on several threads agree.
    private(set) static var isEnabled = false

    /// Turns the shortcuts on when the layout is the one assumed here.
    static func enableIfLayoutHolds() {
        if !isEnabled && layoutHolds { isEnabled = true }
    }

    #if (arch(x86_64) || arch(arm64)) && _endian(little)
    /// Whether strings have the inline layout assumed here, checked against ones the standard
    /// library made: ASCII and not, empty and full, and a long one that must not look inline.
    static let layoutHolds: Bool = {
        func made(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        for sample in ["", "a", "item-12345", "abcdefghijklmno"] {
            let bytes = Array(sample.utf8)
            var low: UInt64 = 0, high: UInt64 = 0
            for (index, byte) in bytes.enumerated() {
                if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
            }
            high |= (asciiFlags | UInt64(bytes.count)) << 56
            let words = unsafeBitCast(made(bytes), to: (UInt64, UInt64).self)
            guard words.0 == low, words.1 == high else { return false }
        }
        // "é" (C3 A9): inline, not flagged ASCII.
        let accented = unsafeBitCast(made([0xC3, 0xA9]), to: (UInt64, UInt64).self)
        guard accented.0 == 0xA9C3, accented.1 >> 56 == 0xA2 else { return false }
        let long = unsafeBitCast(made(Array(repeating: 0x61, count: 40)), to: (UInt64, UInt64).self)
        return long.1 & smallFlag == 0
    }()

    /// Top-byte flags of an inline ASCII string: immortal, ASCII, small.
    private static let asciiFlags: UInt64 = 0xE0
    private static let smallFlag: UInt64 = 1 << 61
    private static let countMask: UInt64 = 0x0F << 56
    private static let highBytesMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The ASCII string of the `count` (at most 15) bytes at `bytes`, or nil when they are not
    /// all ASCII. `bytes` must be readable for 16 bytes: the words are loaded whole and the
    /// bytes past `count` dropped.
    @inline(__always)
    static func ascii(wide bytes: UnsafeRawPointer, count: Int) -> String? {
        guard isEnabled else { return nil }
        assert(layoutHolds, "String layout changed: see ShortStrings")
        var low = bytes.loadUnaligned(as: UInt64.self)
        var high = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        if count < 8 {
            low &= (1 &<< UInt64(8 &* count)) &- 1
            high = 0
        } else {
            high &= (1 &<< UInt64(8 &* (count &- 8))) &- 1
        }
        guard (low | high) & highBits == 0 else { return nil }
        return unsafeBitCast((low, high | (asciiFlags | UInt64(count)) << 56), to: String.self)
    }

    /// As `ascii(wide:count:)`, for bytes with nothing readable past them.
    static func ascii(exact bytes: UnsafeRawPointer, count: Int) -> String? {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: bytes, byteCount: count) }
        return withUnsafeBytes(of: &words) { ascii(wide: $0.baseAddress!, count: count) }
    }

    /// Writes an inline string's bytes at `destination`, which must have room for 16 bytes,
    /// and returns how many of them are the string's; nil when `s` is not inline.
    @inline(__always)
    static func copyInline(_ s: String, to destination: UnsafeMutableRawPointer) -> Int? {
        guard isEnabled else { return nil }
        assert(layoutHolds, "String layout changed: see ShortStrings")
        let words = unsafeBitCast(s, to: (UInt64, UInt64).self)
        guard words.1 & smallFlag != 0 else { return nil }
        destination.storeBytes(of: words.0, as: UInt64.self)
        destination.storeBytes(of: words.1 & highBytesMask, toByteOffset: 8, as: UInt64.self)
        return Int(truncatingIfNeeded: (words.1 & countMask) >> 56)
    }

    /// The length of `s` in characters when it is inline, ASCII and without "\r": then every
    /// byte is a character ("\r\n" is one character of two bytes).
    @inline(__always)
    static func asciiCount(_ s: String) -> Int? {
        guard isEnabled else { return nil }
        assert(layoutHolds, "String layout changed: see ShortStrings")
        let words = unsafeBitCast(s, to: (UInt64, UInt64).self)
        let low = words.0, high = words.1 & highBytesMask
        guard words.1 & smallFlag != 0, (low | high) & highBits == 0,
              !hasByte(0x0D, low), !hasByte(0x0D, high) else { return nil }
        return Int(truncatingIfNeeded: (words.1 & countMask) >> 56)
    }

    /// Whether any byte of `word`, whose bytes are all ASCII, is `byte` (an ASCII byte).
    @inline(__always)
    private static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        let zeroWhereEqual = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (zeroWhereEqual &- 0x0101_0101_0101_0101) & ~zeroWhereEqual & highBits != 0
    }
    #else
    static let layoutHolds = false
    static func ascii(wide bytes: UnsafeRawPointer, count: Int) -> String? { nil }
    static func ascii(exact bytes: UnsafeRawPointer, count: Int) -> String? { nil }
    static func copyInline(_ s: String, to destination: UnsafeMutableRawPointer) -> Int? { nil }
    static func asciiCount(_ s: String) -> Int? { nil }
    #endif
}

extension String {
    /// Copies the UTF-8 to `destination` and returns the byte count. `destination` must have
    /// room for `utf8.count` bytes and, when that is under 16, for 16: an inline string is
    /// copied as two whole words.
    @inline(__always)
    func copyUTF8(to destination: UnsafeMutableRawPointer) -> Int {
        if let count = ShortStrings.copyInline(self, to: destination) { return count }
        return copyLongUTF8(to: destination)
    }

    @inline(never)
    private func copyLongUTF8(to destination: UnsafeMutableRawPointer) -> Int {
        var text = self
        return text.withUTF8 { bytes in
            if let source = bytes.baseAddress { destination.copyMemory(from: source, byteCount: bytes.count) }
            return bytes.count
        }
    }

    /// The string of valid UTF-8 `bytes`: inline without validation when they are short ASCII.
    static func fromValidUTF8(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.count <= ShortStrings.capacity, let base = bytes.baseAddress,
           let short = ShortStrings.ascii(exact: base, count: bytes.count) {
            return short
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
