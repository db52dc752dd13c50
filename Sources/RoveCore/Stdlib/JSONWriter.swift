// The JSON encoder: compact or indented text from Rove values, keys in their order.

/// Writes values as JSON (RFC 8259) into a byte buffer.
///
/// Host objects are written through their data form (`HostObject.data(in:)`), so a secret
/// writes as its mask; functions, host objects without data and non-finite floats have no
/// JSON form and are errors.
struct JSONWriter {
    /// Deeper values are refused, mirroring the reader, so the recursion cannot exhaust the stack.
    static let maxDepth = JSONReader.maxDepth

    private let interpreter: Interpreter
    private let pretty: Bool
    private var bytes: [UInt8] = []

    private init(interpreter: Interpreter, pretty: Bool) {
        self.interpreter = interpreter
        self.pretty = pretty
    }

    /// The JSON text of `value`; `pretty` indents nested values by two spaces, one per line.
    static func encode(_ value: Value, pretty: Bool, in interpreter: Interpreter) throws -> String {
        var writer = JSONWriter(interpreter: interpreter, pretty: pretty)
        try writer.write(value, depth: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private mutating func write(_ value: Value, depth: Int) throws {
        switch value {
        case .null: append("null")
        case .bool(let b): append(b ? "true" : "false")
        case .int(let i): append(String(i))
        case .float(let d):
            guard d.isFinite else {
                throw Diagnostic(.value, "cannot encode \(Interpreter.format(d)) as JSON")
            }
            // Swift's description is the shortest text that reads back as the same double.
            append(d.description)
        case .string(let s): writeString(s)
        case .list(let items):
            guard !items.isEmpty else { append("[]"); return }
            try check(depth)
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                try interpreter.checkpoint(at: nil)
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                try write(item, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let fields):
            guard !fields.isEmpty else { append("{}"); return }
            try check(depth)
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, item)) in fields.enumerated() {
                try interpreter.checkpoint(at: nil)
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(key)
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(UInt8(ascii: " ")) }
                try write(item, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        case .function(let function):
            throw Diagnostic(.type, "cannot encode function '\(function.name)' as JSON")
        case .host(let object):
            guard let data = try object.data(in: interpreter) else {
                throw Diagnostic(.type, "cannot encode a value of type '\(object.typeName)' as JSON")
            }
            try check(depth)
            try write(data, depth: depth + 1)
        }
    }

    private func check(_ depth: Int) throws {
        guard depth < Self.maxDepth else {
            throw Diagnostic(.value, "cannot encode as JSON: nesting deeper than \(Self.maxDepth) levels")
        }
    }

    /// In pretty mode, starts a new line indented for `depth`.
    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes `s` quoted, escaping what RFC 8259 requires: quote, backslash, control characters.
    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Copy runs of plain bytes in one go; most strings have nothing to escape.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                default:
                    let hex = String(byte, radix: 16)
                    append(byte < 0x10 ? "\\u000" + hex : "\\u00" + hex)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension Interpreter {
    /// The JSON text of `value`: compact, or indented by two spaces when `pretty`. Object keys
    /// keep their order; host objects are written through `HostObject.data(in:)`.
    ///
    /// - Throws: `type` for functions and host objects without data, `value` for NaN, infinities
    ///   and nesting deeper than 512 levels.
    public func encodeJSON(_ value: Value, pretty: Bool) throws -> String {
        try JSONWriter.encode(value, pretty: pretty, in: self)
    }

    /// The value of the JSON document in `bytes` (UTF-8).
    ///
    /// - Throws: a `value` diagnostic naming the line and column, such as
    ///   `invalid JSON at 3:14: expected ',' or '}'`.
    public func decodeJSON(_ bytes: [UInt8]) throws -> Value {
        try reserveMemory(bytes.count)
        return try bytes.withUnsafeBufferPointer { try JSONReader.decode($0, in: self) }
    }

    /// The value of the JSON document `text`.
    public func decodeJSON(_ text: String) throws -> Value {
        try reserveMemory(text.utf8.count)
        var text = text
        return try text.withUTF8 { try JSONReader.decode($0, in: self) }
    }
}
