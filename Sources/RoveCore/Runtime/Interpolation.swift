// Building an interpolated string ("task-\(i)") without growing it.

/// One piece of an interpolated string: literal text, or code whose value is shown.
struct InterpolationPiece {
    let text: String
    /// The text's UTF-8, taken once when the script is compiled rather than per run.
    let textBytes: [UInt8]
    let code: CodeBox?

    static func text(_ text: String) -> InterpolationPiece {
        InterpolationPiece(text: text, textBytes: Array(text.utf8), code: nil)
    }

    static func code(_ code: CodeBox) -> InterpolationPiece {
        InterpolationPiece(text: "", textBytes: [], code: code)
    }
}

/// Compiling an interpolated string.
enum Interpolation {
    /// The code that makes the string. The usual shape, one value with text around it
    /// ("item-\(i)", "\(name)"), calls the value's code directly: no loop over the pieces,
    /// no copy of each piece.
    static func code(_ pieces: [InterpolationPiece]) -> Code {
        let values = pieces.indices.filter { pieces[$0].code != nil }
        guard values.count == 1, let value = pieces[values[0]].code?.run else {
            return { interpreter in try interpreter.interpolate(pieces) }
        }
        let before = pieces[..<values[0]].flatMap(\.textBytes)
        let after = pieces[(values[0] &+ 1)...].flatMap(\.textBytes)
        // Text this long is rare enough to take the loop.
        guard before.count &+ after.count <= 64 else {
            return { interpreter in try interpreter.interpolate(pieces) }
        }
        let around = (before: WordText(before), after: WordText(after))
        let afterText = String(decoding: after, as: UTF8.self)
        return { interpreter in
            try interpreter.interpolate(around.before, try value(interpreter), around.after, afterText: afterText)
        }
    }
}

/// Literal text kept as whole words, so that a short literal is copied with a store or two
/// instead of a call to memmove.
struct WordText {
    /// The bytes, zero-padded to a whole word.
    private let words: [UInt64]
    let count: Int

    init(_ bytes: [UInt8]) {
        count = bytes.count
        var words = [UInt64](repeating: 0, count: (bytes.count &+ 7) / 8)
        words.withUnsafeMutableBytes { $0.copyBytes(from: bytes) }
        self.words = words
    }

    /// Writes the text at `destination`, which must have room for `count` rounded up to a
    /// whole word; the bytes past `count` are left for what is written next.
    @inline(__always)
    func write(to destination: UnsafeMutableRawPointer) {
        words.withUnsafeBufferPointer { words in
            for index in words.indices {
                destination.storeBytes(of: words[index], toByteOffset: index &* 8, as: UInt64.self)
            }
        }
    }
}

extension Interpreter {
    /// `before`, then `value` as text, then `after` (`afterText` as a String).
    func interpolate(_ before: WordText, _ value: Value, _ after: WordText, afterText: String) throws -> Value {
        try withUnsafeTemporaryAllocation(byteCount: Self.interpolationScratch &+ 16, alignment: 8) { scratch in
            let base = scratch.baseAddress!
            // Zeroed so that the words a short string is loaded from are defined past its end.
            base.storeBytes(of: 0, as: UInt64.self)
            base.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
            before.write(to: base)
            var length = before.count
            switch value {
            case .int(let number):
                length = Self.writeDecimal(number, into: base, at: length)
            case .string(let part) where length &+ Swift.max(part.utf8.count, 16) &+ after.count <= Self.interpolationScratch:
                length &+= part.copyUTF8(to: base + length)
            case .null, .bool, .float, .list, .object, .function, .host, .string:
                var part = value
                if case .string = value {} else { part = .string(describe(value)) }
                return try interpolateLong(prefix: UnsafeRawBufferPointer(start: base, count: length),
                                           pending: part, rest: [.text(afterText)][...])
            }
            after.write(to: base + length)
            length &+= after.count
            if length <= ShortStrings.capacity, let short = ShortStrings.ascii(wide: base, count: length) {
                return .string(short)
            }
            return .string(String(decoding: UnsafeRawBufferPointer(start: base, count: length), as: UTF8.self))
        }
    }

    /// Room on the stack for the text of a short interpolation; 16 more bytes are kept free
    /// since a short string is copied as two whole words.
    private static let interpolationScratch = 256

    /// The string `pieces` make. Each value is computed in order and written at once into a
    /// buffer on the stack: integers as digits, without making a `String` of each. A string
    /// of up to 15 ASCII bytes is then made inline, without allocating. Text that outgrows the
    /// buffer is finished by `interpolateLong`, which still allocates only once.
    func interpolate(_ pieces: [InterpolationPiece]) throws -> Value {
        try withUnsafeTemporaryAllocation(byteCount: Self.interpolationScratch &+ 16, alignment: 8) { scratch in
            let base = scratch.baseAddress!
            // Zeroed so that the words a short string is loaded from are defined past its end.
            base.storeBytes(of: 0, as: UInt64.self)
            base.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
            let room = Self.interpolationScratch
            var length = 0
            for index in pieces.indices {
                let piece = pieces[index]
                guard let code = piece.code else {
                    let bytes = piece.textBytes.count
                    guard length &+ bytes <= room else {
                        return try interpolateLong(prefix: UnsafeRawBufferPointer(start: base, count: length),
                                                   pending: .string(piece.text), rest: pieces[(index &+ 1)...])
                    }
                    piece.textBytes.withUnsafeBytes { text in
                        if let source = text.baseAddress { (base + length).copyMemory(from: source, byteCount: bytes) }
                    }
                    length &+= bytes
                    continue
                }
                let value = try code.run(self)
                func finishLong(_ pending: Value) throws -> Value {
                    try interpolateLong(prefix: UnsafeRawBufferPointer(start: base, count: length),
                                        pending: pending, rest: pieces[(index &+ 1)...])
                }
                switch value {
                case .int(let number):
                    guard length &+ 20 <= room else { return try finishLong(value) }
                    length = Self.writeDecimal(number, into: base, at: length)
                case .string(let part):
                    guard length &+ Swift.max(part.utf8.count, 16) <= room else { return try finishLong(value) }
                    length &+= part.copyUTF8(to: base + length)
                case .null, .bool, .float, .list, .object, .function, .host:
                    let part = describe(value)
                    guard length &+ Swift.max(part.utf8.count, 16) <= room else { return try finishLong(.string(part)) }
                    length &+= part.copyUTF8(to: base + length)
                }
            }
            if length <= ShortStrings.capacity, let short = ShortStrings.ascii(wide: base, count: length) {
                return .string(short)
            }
            return .string(String(decoding: UnsafeRawBufferPointer(start: base, count: length), as: UTF8.self))
        }
    }

    /// Finishes an interpolation whose text outgrew the stack: `prefix` is the text so far,
    /// `pending` the value that did not fit (an integer, or a string, already described) and
    /// `rest` the pieces after it. The remaining values are computed first (in order), so the
    /// length is known, and the text is then written once into a string of that size.
    private func interpolateLong(
        prefix: UnsafeRawBufferPointer, pending: Value, rest: ArraySlice<InterpolationPiece>
    ) throws -> Value {
        try withUnsafeTemporaryAllocation(of: Value.self, capacity: rest.count &+ 1) { values in
            let base = values.baseAddress!
            var made = 0
            defer { base.deinitialize(count: made) }
            var length = prefix.count
            func add(_ value: Value) throws {
                var value = value
                let bytes: Int
                switch value {
                case .string(let part): bytes = part.utf8.count
                case .int(let number): bytes = Self.decimalLength(number)
                case .null, .bool, .float, .list, .object, .function, .host:
                    let part = describe(value)
                    bytes = part.utf8.count
                    value = .string(part)
                }
                // Only a long piece can make the text outgrow the memory limit (`s = "\(s)\(s)"`
                // doubles), so only a long one is reported, with the text before it.
                if bytes >= Interpreter.measureAfterBytes { try reserveMemory(length &+ bytes) }
                (base + made).initialize(to: value)
                made &+= 1
                length &+= bytes
            }
            try add(pending)
            for piece in rest {
                if let code = piece.code { try add(try code.run(self)) } else { try add(.string(piece.text)) }
            }
            // Room past the end: a short string is copied as two whole words.
            let text = String(unsafeUninitializedCapacity: length &+ 16) { buffer in
                let destination = UnsafeMutableRawPointer(buffer.baseAddress!)
                if let source = prefix.baseAddress { destination.copyMemory(from: source, byteCount: prefix.count) }
                var at = prefix.count
                for index in 0..<made {
                    switch base[index] {
                    case .string(let part):
                        at &+= part.copyUTF8(to: destination + at)
                    case .int(let number):
                        at = Self.writeDecimal(number, into: destination, at: at)
                    case .null, .bool, .float, .list, .object, .function, .host:
                        break  // made into strings above
                    }
                }
                return at
            }
            return .string(text)
        }
    }

    /// How many bytes `number` takes in decimal, its sign included.
    static func decimalLength(_ number: Int) -> Int {
        (number < 0 ? 1 : 0) &+ digitCount(number.magnitude)
    }

    /// How many decimal digits `magnitude` has: comparisons, not divisions.
    @inline(__always)
    private static func digitCount(_ magnitude: UInt) -> Int {
        var count = 1
        var bound: UInt = 10
        // 10^19 is the largest power of ten a UInt holds.
        while magnitude >= bound && count < 20 {
            count &+= 1
            bound = bound &* 10
        }
        return count
    }

    /// Writes `number` in decimal at `start` and returns the index after it: two digits per
    /// division, copied from a table of the pairs "00" to "99".
    static func writeDecimal(_ number: Int, into buffer: UnsafeMutableRawPointer, at start: Int) -> Int {
        var at = start
        if number < 0 {
            buffer.storeBytes(of: UInt8(ascii: "-"), toByteOffset: at, as: UInt8.self)
            at &+= 1
        }
        var magnitude = number.magnitude
        let end = at &+ digitCount(magnitude)
        let pairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let table = UnsafeRawPointer(pairs.utf8Start)
        var position = end
        while magnitude >= 100 {
            let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 100)
            position &-= 2
            buffer.storeBytes(of: table.loadUnaligned(fromByteOffset: Int(remainder) &* 2, as: UInt16.self),
                              toByteOffset: position, as: UInt16.self)
            magnitude = quotient
        }
        if magnitude >= 10 {
            buffer.storeBytes(of: table.loadUnaligned(fromByteOffset: Int(magnitude) &* 2, as: UInt16.self),
                              toByteOffset: position &- 2, as: UInt16.self)
        } else {
            buffer.storeBytes(of: UInt8(truncatingIfNeeded: magnitude) &+ UInt8(ascii: "0"),
                              toByteOffset: position &- 1, as: UInt8.self)
        }
        return end
    }
}
