// The builtin methods of strings. Positions and lengths count Characters, as a reader sees them.

enum StringMethods {
    static let table: [Method] = [
        // Properties: facts about the string, read without parentheses.
        method("count", property: true, doc: "count — the number of characters") { s, args in
            try args.expect(0)
            return .int(s.characterCount)
        },
        method("isEmpty", property: true, doc: "isEmpty — whether it has no characters") { s, args in
            try args.expect(0)
            return .bool(s.isEmpty)
        },
        method("chars", property: true, doc: "chars — the characters, each a string") { s, args in
            try args.expect(0)
            try args.interpreter.reserveMemory(s.utf8.count * MemoryLayout<Value>.stride)
            return .list(s.map { .string(String($0)) })
        },
        // Splits at "\n" or "\r\n"; a final line break does not add an empty line.
        method("lines", property: true, doc: "lines — the lines, split at \\n or \\r\\n") { s, args in
            try args.expect(0)
            var lines = s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            if lines.last?.isEmpty == true { lines.removeLast() }
            return .list(lines.map { .string(String($0)) })
        },

        // Calls.
        method("split", doc: "split(sep) — the parts between each sep; split() splits at runs of whitespace") { s, args in
            try args.expect(0...1)
            guard args.count == 1 else {
                return .list(s.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
            }
            let separator = try nonEmptyString(args, 0)
            // A one-byte separator (",", "\n") splits the UTF-8 bytes: four times faster than
            // splitting on a String, and the same pieces since UTF-8 never hides an ASCII byte.
            if separator.utf8.count == 1, let byte = separator.utf8.first {
                return .list(s.pieces(splitAt: byte))
            }
            return .list(s.split(separator: separator, omittingEmptySubsequences: false).map { .string(String($0)) })
        },
        method("trim", doc: "trim() — without leading and trailing whitespace") { s, args in
            try args.expect(0)
            return .string(s.trimmingWhitespace())
        },
        method("lower", doc: "lower() — lowercased") { s, args in
            try args.expect(0)
            return .string(s.lowercased())
        },
        method("upper", doc: "upper() — uppercased") { s, args in
            try args.expect(0)
            return .string(s.uppercased())
        },
        method("contains", doc: "contains(s) — whether s occurs in it") { s, args in
            try args.expect(1)
            let part = try args.string(0)
            return .bool(part.isEmpty || s.contains(part))
        },
        method("startsWith", doc: "startsWith(s) — whether it begins with s") { s, args in
            try args.expect(1)
            return .bool(s.hasPrefix(try args.string(0)))
        },
        method("endsWith", doc: "endsWith(s) — whether it ends with s") { s, args in
            try args.expect(1)
            return .bool(s.hasSuffix(try args.string(0)))
        },
        method("replace", doc: "replace(old, with: new) — every old replaced by new") { s, args in
            try args.expect(1...1, required: ["with"])
            let old = try nonEmptyString(args, 0)
            let new = try args.requiredString(labelled: "with")
            // At most every byte starts a match: the most the result can grow to.
            let growth = max(1, new.utf8.count / old.utf8.count)
            let (bound, overflow) = s.utf8.count.multipliedReportingOverflow(by: growth)
            try args.interpreter.reserveMemory(overflow ? .max : bound)
            return .string(s.replacing(old, with: new))
        },
        method("indexOf", doc: "indexOf(s) — the position of the first s, or nil") { s, args in
            try args.expect(1)
            let part = try args.string(0)
            guard let range = s.firstRange(of: part) else { return .null }
            return .int(s.distance(from: s.startIndex, to: range.lowerBound))
        },
        method("repeat", doc: "repeat(n) — n copies joined") { s, args in
            try args.expect(1)
            let times = try args.nonNegativeInt(0)
            let (size, overflow) = s.utf8.count.multipliedReportingOverflow(by: times)
            guard !overflow, size <= 1 << 30 else {
                throw Diagnostic(.value, "'repeat' would make a string over 1 GiB")
            }
            try args.interpreter.reserveMemory(size)
            return .string(String(repeating: s, count: times))
        },
        method("take", doc: "take(n) — the first n characters") { s, args in
            try args.expect(1)
            return .string(String(s.prefix(try args.nonNegativeInt(0))))
        },
        method("drop", doc: "drop(n) — all but the first n characters") { s, args in
            try args.expect(1)
            return .string(String(s.dropFirst(try args.nonNegativeInt(0))))
        },
    ]

    /// Declares a method whose receiver is a string.
    private static func method(
        _ name: String, property: Bool = false, doc: String, _ body: @escaping (String, Arguments) throws -> Value
    ) -> Method {
        Method(name, property: property, doc: doc) { receiver, args in
            guard case .string(let s) = receiver else {
                throw Diagnostic(.type, "'\(name)' needs a string, got \(receiver.typeName)")
            }
            return try body(s, args)
        }
    }

    /// A separator or pattern: an empty one has no sensible meaning, so it is refused.
    private static func nonEmptyString(_ args: Arguments, _ index: Int) throws -> String {
        let s = try args.string(index)
        guard !s.isEmpty else { throw args.badArgument(index, "non-empty string expected") }
        return s
    }
}

extension String {
    /// The string without leading and trailing whitespace and line breaks.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The parts between each `byte` (an ASCII separator), empty ones included. One pass over
    /// the bytes counts the parts, the second cuts them, both eight bytes at a time: no array
    /// of slices between, and short
    /// ASCII parts are made inline (see ShortStrings), without allocating or validating.
    func pieces(splitAt byte: UInt8) -> [Value] {
        var text = self
        return text.withUTF8 { bytes in
            var pieces: [Value] = []
            pieces.reserveCapacity(ByteScanning.count(of: byte, in: bytes) &+ 1)
            guard let base = bytes.baseAddress else { return [.string("")] }
            let end = bytes.count
            func piece(_ start: Int, _ stop: Int) -> Value {
                let length = stop &- start
                // The two words of an inline string are loaded whole, so only where 16 bytes
                // remain; the last few parts take the copying path.
                if length <= ShortStrings.capacity, start &+ 16 <= end,
                   let short = ShortStrings.ascii(wide: base + start, count: length) {
                    return .string(short)
                }
                return .string(String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self))
            }
            var start = 0
            ByteScanning.forEach(byte, in: bytes) { index in
                pieces.append(piece(start, index))
                start = index &+ 1
            }
            pieces.append(piece(start, end))
            return pieces
        }
    }

    /// The number of characters, as `count`, with a shortcut for ASCII text (most API data):
    /// there every byte is a character, except that "\r\n" is one, and checking bytes is far
    /// cheaper than finding grapheme boundaries.
    var characterCount: Int {
        if let count = ShortStrings.asciiCount(self) { return count }
        var utf8 = self.utf8
        let ascii = utf8.withContiguousStorageIfAvailable(ByteScanning.isOneBytePerCharacter)
        if ascii == true { return utf8.count }
        if ascii == nil {
            // Bridged or otherwise non-contiguous storage: make it native once and retry.
            var copy = self
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            if utf8.withContiguousStorageIfAvailable(ByteScanning.isOneBytePerCharacter) == true { return utf8.count }
        }
        return count
    }
}
