// Building an interpolated string ("task-\(i)") in one allocation.

/// One piece of an interpolated string: literal text, or code whose value is shown.
struct InterpolationPiece {
    let text: String
    let code: CodeBox?
}

extension Interpreter {
    /// The string `pieces` make. The values are computed first (in order, as before), so the
    /// length is known, and the text is then written once into a string of that size: no
    /// growing, no `String.append` per piece, and integers written as digits without making a
    /// `String` of each. A string of up to 15 bytes is made without allocating at all.
    func interpolate(_ pieces: [InterpolationPiece]) throws -> Value {
        try withUnsafeTemporaryAllocation(of: Value.self, capacity: pieces.count) { values in
            let base = values.baseAddress!
            var made = 0
            defer { base.deinitialize(count: made) }
            var length = 0
            for piece in pieces {
                guard let code = piece.code else {
                    (base + made).initialize(to: .string(piece.text))
                    made &+= 1
                    length &+= piece.text.utf8.count
                    continue
                }
                var value = try code.run(self)
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
            let text = String(unsafeUninitializedCapacity: length) { buffer in
                var at = 0
                for index in 0..<made {
                    switch base[index] {
                    case .string(var part):
                        part.withUTF8 { bytes in
                            if let source = bytes.baseAddress {
                                (buffer.baseAddress! + at).update(from: source, count: bytes.count)
                            }
                            at &+= bytes.count
                        }
                    case .int(let number):
                        at = Self.writeDecimal(number, into: buffer, at: at)
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
        var magnitude = number.magnitude
        var length = number < 0 ? 2 : 1
        while magnitude >= 10 {
            magnitude /= 10
            length &+= 1
        }
        return length
    }

    /// Writes `number` in decimal at `at` and returns the index after it.
    static func writeDecimal(_ number: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var at = start
        if number < 0 {
            buffer[at] = UInt8(ascii: "-")
            at &+= 1
        }
        var magnitude = number.magnitude
        let end = start &+ decimalLength(number)
        var position = end
        repeat {
            position &-= 1
            buffer[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
            magnitude /= 10
        } while magnitude > 0
        return end
    }
}
