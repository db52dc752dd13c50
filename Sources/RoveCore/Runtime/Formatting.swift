// How values look when printed: `print` and `str` show strings bare, everything else as a literal.

extension Interpreter {
    /// The text `print(value)` writes: strings without quotes, other values as `repr` shows them.
    public func describe(_ value: Value) -> String {
        if case .string(let s) = value { return s }
        return repr(value)
    }

    /// The literal form of `value`: strings quoted, lists and objects in Rove syntax.
    public func repr(_ value: Value) -> String {
        var out = ""
        Self.write(value, to: &out, depth: 0, in: self)
        return out
    }

    /// Host objects describe themselves `in` an interpreter; without one (`Value.description`)
    /// they show as `<TypeName>`.
    static func write(_ value: Value, to out: inout String, depth: Int, in interpreter: Interpreter?) {
        switch value {
        case .null: out += "nil"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += Self.format(d)
        case .string(let s): Self.writeQuoted(s, to: &out)
        case .list(let items):
            guard depth < 64 else { out += "[...]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                // A million items take longer than an interrupt may wait; the text is cut short
                // and the caller's next checkpoint delivers the interrupt.
                if index & 4095 == 4095, interpreter?.isInterrupted == true { out += "..."; break }
                write(item, to: &out, depth: depth + 1, in: interpreter)
            }
            out += "]"
        case .object(let fields):
            guard depth < 64 else { out += "{...}"; return }
            if fields.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, item)) in fields.enumerated() {
                if index > 0 { out += ", " }
                if Self.isIdentifier(key) { out += key } else { Self.writeQuoted(key, to: &out) }
                out += ": "
                write(item, to: &out, depth: depth + 1, in: interpreter)
            }
            out += "}"
        case .function(let function): out += "<fn \(function.name)>"
        case .host(let object): out += interpreter.map { object.describe(in: $0) } ?? "<\(object.typeName)>"
        }
    }

    /// Floats always show a fraction or exponent, so `2.0` never reads as the integer `2`.
    static func format(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return d.description
    }

    static func writeQuoted(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether `s` can be written bare as an object key (`{id: 1}` rather than `{"odd key": 1}`).
    public static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return s.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || ($0 >= 48 && $0 <= 57) }
            && !Keyword.all.contains(s)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}

extension Value: CustomStringConvertible, CustomDebugStringConvertible {
    /// As `print` and the REPL show it: a string bare, anything else as a literal
    /// (`[1, "a", nil]`, `{id: 7, "odd key": 2.0}`). Host objects show as `<TypeName>`; their
    /// own text needs the interpreter (`interpreter.describe(value)`).
    public var description: String {
        if case .string(let s) = self { return s }
        return debugDescription
    }

    /// The literal form, strings quoted, as `repr` writes it.
    public var debugDescription: String {
        var out = ""
        Interpreter.write(self, to: &out, depth: 0, in: nil)
        return out
    }
}
