// Scans string literals: escapes, `\(...)` interpolations and `"""` multi-line strings.

/// Reads one string literal starting at its opening quote.
///
/// A mistake that leaves the string's end plain (a bad escape) is kept in `problems` and the
/// scan goes on to the closing quote; one that does not (a missing quote) is thrown, and
/// `position` is where the scan stopped.
struct StringScanner {
    let file: SourceFile
    private let bytes: [UInt8]
    private(set) var position: Int
    /// Mistakes the scan stepped over, in source order.
    private(set) var problems: [Diagnostic] = []
    private let limit: Int
    /// How many strings enclose this one through interpolations; bounded like parser nesting.
    private let nesting: Int

    init(file: SourceFile, position: Int, limit: Int, nesting: Int = 0) {
        self.file = file
        self.bytes = file.bytes
        self.position = position
        self.limit = limit
        self.nesting = nesting
    }

    private func location(_ offset: Int) -> SourceLocation { SourceLocation(file: file, offset: offset) }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < limit ? bytes[position + offset] : nil
    }

    /// string -> '"' (char | escape | '\(' expression ')')* '"' | '"""' newline lines '"""'
    mutating func scanLiteral() throws(Diagnostic) -> [StringPart] {
        let start = position
        if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
            return try scanMultiline(start: start)
        }
        position += 1
        var parts: [StringPart] = []
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw Diagnostic(.unexpectedEnd, "unterminated string", at: location(start))
            }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                if !text.isEmpty || parts.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                return parts
            case UInt8(ascii: "\n"):
                throw Diagnostic.syntax("unterminated string; use \"\"\" for text over several lines", at: location(start))
            case UInt8(ascii: "\\"):
                try escape(into: &text, parts: &parts)
            default:
                text.append(byte)
                position += 1
            }
        }
    }

    /// A `"""` string: the text between the line after the opening quotes and the line of the
    /// closing quotes, with the closing line's indentation removed from every line.
    private mutating func scanMultiline(start: Int) throws(Diagnostic) -> [StringPart] {
        position += 3
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") { position += 1 }
        if peek() != nil, peek() != UInt8(ascii: "\n") {
            problems.append(.syntax("a multi-line string starts on the line after '\"\"\"'", at: location(position)))
            // `"""text"""` on one line ends where it seems to; otherwise the lines below are
            // still the string's, and reading them as one keeps them from being read as code.
            while let byte = peek(), byte != UInt8(ascii: "\n") {
                position += 1
                if byte == UInt8(ascii: "\""), peek() == UInt8(ascii: "\""), peek(1) == UInt8(ascii: "\"") {
                    position += 2
                    return [.text("")]
                }
            }
        }
        guard peek() == UInt8(ascii: "\n") else {
            throw Diagnostic(.unexpectedEnd, "unterminated multi-line string", at: location(start))
        }
        position += 1
        let indent = try closingIndentation(from: position, start: start)
        var parts: [StringPart] = []
        var text: [UInt8] = []
        var atLineStart = true
        while true {
            if atLineStart {
                atLineStart = false
                var skipped = 0
                while skipped < indent, let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    position += 1
                    skipped += 1
                }
                if peek() == UInt8(ascii: "\""), peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                    position += 3
                    if text.last == UInt8(ascii: "\n") { text.removeLast() }
                    if text.last == UInt8(ascii: "\r") { text.removeLast() }
                    if !text.isEmpty || parts.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                    return parts
                }
            }
            guard let byte = peek() else {
                throw Diagnostic(.unexpectedEnd, "unterminated multi-line string", at: location(start))
            }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &text, parts: &parts)
            } else if byte == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") {
                position += 1  // CRLF line breaks read as "\n", as in Swift
            } else {
                text.append(byte)
                position += 1
                if byte == UInt8(ascii: "\n") { atLineStart = true }
            }
        }
    }

    /// The indentation of the line holding the closing `"""`.
    private func closingIndentation(from offset: Int, start: Int) throws(Diagnostic) -> Int {
        var lineStart = offset
        while lineStart < limit {
            var p = lineStart
            while p < limit, bytes[p] == UInt8(ascii: " ") || bytes[p] == UInt8(ascii: "\t") { p += 1 }
            if p + 2 < limit, bytes[p] == UInt8(ascii: "\""), bytes[p + 1] == UInt8(ascii: "\""), bytes[p + 2] == UInt8(ascii: "\"") {
                return p - lineStart
            }
            while p < limit, bytes[p] != UInt8(ascii: "\n") { p += 1 }
            lineStart = p + 1
        }
        throw Diagnostic(.unexpectedEnd, "unterminated multi-line string", at: location(start))
    }

    /// escape -> '\' ( 'n' | 't' | 'r' | '0' | '\' | '"' | ''' | 'u{' hex+ '}' | '(' expression ')' )
    private mutating func escape(into text: inout [UInt8], parts: inout [StringPart]) throws(Diagnostic) {
        let start = position
        position += 1
        // The string's own scan reports its end, at its opening quote.
        guard let byte = peek() else { return }
        position += 1
        switch byte {
        case UInt8(ascii: "n"): text.append(10)
        case UInt8(ascii: "t"): text.append(9)
        case UInt8(ascii: "r"): text.append(13)
        case UInt8(ascii: "0"): text.append(0)
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): text.append(byte)
        case UInt8(ascii: "u"):
            guard peek() == UInt8(ascii: "{") else {
                problems.append(.syntax("expected '{' after '\\u'", at: location(start)))
                return
            }
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let d = peek(), Lexer.isHexDigit(d), digits < 8 {
                value = value * 16 + UInt32(d <= 57 ? d - 48 : (d | 0x20) - 87)
                digits += 1
                position += 1
            }
            guard digits > 0, peek() == UInt8(ascii: "}"), let scalar = Unicode.Scalar(value) else {
                problems.append(.syntax("invalid unicode escape; write '\\u{1F600}'", at: location(start)))
                if peek() == UInt8(ascii: "}") { position += 1 }
                return
            }
            position += 1
            text.append(contentsOf: Array(String(Character(scalar)).utf8))
        case UInt8(ascii: "("):
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
            let expressionStart = position
            try skipInterpolation(openedAt: start)
            parts.append(.interpolation(start: expressionStart, end: position - 1))
        case UInt8(ascii: "\n"):
            throw Diagnostic.syntax("unterminated string; use \"\"\" for text over several lines", at: location(start))
        default:
            let shown = byte < 0x20 || byte >= 0x7F ? "byte 0x" + String(byte, radix: 16, uppercase: true) : String(Character(Unicode.Scalar(byte)))
            problems.append(.syntax("invalid escape '\\\(shown)' in string", at: location(start)))
        }
    }

    /// Moves past the `)` that closes an interpolation, stepping over nested strings and brackets.
    private mutating func skipInterpolation(openedAt start: Int) throws(Diagnostic) {
        var depth = 1
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "("): depth += 1; position += 1
            case UInt8(ascii: ")"):
                depth -= 1
                position += 1
                if depth == 0 { return }
            case UInt8(ascii: "\""):
                guard nesting < Parser.maxDepth else {
                    throw Diagnostic.syntax("strings nested too deeply", at: location(position))
                }
                let quote = position
                var nested = StringScanner(file: file, position: quote, limit: limit, nesting: nesting + 1)
                defer {
                    position = nested.position
                    problems.append(contentsOf: nested.problems)
                }
                do {
                    _ = try nested.scanLiteral()
                } catch where error.location?.offset == quote && error.message.hasPrefix("unterminated string") {
                    // A quote that opens a string running off the line was most likely this
                    // string's own closing quote, with the interpolation's `)` forgotten.
                    throw Diagnostic(error.kind, "unterminated interpolation '\\('; expected ')'", at: location(start))
                }
            case UInt8(ascii: "\n"):
                throw Diagnostic.syntax("unterminated interpolation '\\('", at: location(start))
            default:
                position += 1
            }
        }
        throw Diagnostic(.unexpectedEnd, "unterminated interpolation '\\('", at: location(start))
    }
}
