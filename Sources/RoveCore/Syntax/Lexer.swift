// The lexer: turns source bytes into tokens, deciding where statements end.

/// Splits a source file (or a range of it, for `\(...)` interpolations) into tokens.
///
/// Newlines end statements except where the expression obviously goes on: inside `(` or `[`,
/// after a binary operator, `.` or `,`, and before a line that starts with `.`.
///
/// Text that makes no token becomes one `.invalid` token and a diagnostic, and lexing goes on
/// after it, so one run reports every such mistake (up to `Parser.maxErrors`). Brackets are
/// matched as they are read: each gets its `partner`, and an opener without one is never closed.
///
/// In text whose brackets do not all pair up, which pairs to believe is a guess; with
/// `matchesByIndentation` a closer alone on its line closes the bracket opened on a line
/// indented like its own, rather than the innermost one, as a person reads indented code.
struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var position: Int
    private let limit: Int
    private var tokens: [Token] = []
    /// Open brackets, innermost last: their indices into `tokens`, and (matching by
    /// indentation) the indentation of the line each opened on. Newlines inside `(` and `[` are
    /// not statement breaks.
    private var brackets: [(index: Int, indent: Int)] = []
    /// Where the line being read starts.
    private var lineStart: Int
    /// Whether some bracket was left unclosed: the text does not parse, whatever else it holds.
    private(set) var leavesBracketsOpen = false
    /// Whether a closer alone on its line pairs by indentation (see above); for a second look
    /// at text that left brackets open.
    var matchesByIndentation = false
    /// How many of each opening byte `brackets` holds, so a closer finds out at once whether
    /// any bracket it could close is open.
    private var openCounts = (parentheses: 0, squareBrackets: 0, braces: 0)
    /// What could not be read, in source order.
    private(set) var diagnostics: [Diagnostic] = []
    /// Whether text that makes no token is stepped over a byte at a time, unreported:
    /// `SourceFile.names` reads what it can of an entry that does not lex, even inside a
    /// malformed string.
    var skipsErrors = false

    init(file: SourceFile, start: Int = 0, end: Int? = nil) {
        self.file = file
        self.bytes = file.bytes
        self.position = start
        self.lineStart = start
        self.limit = end ?? file.bytes.count
    }

    mutating func tokenize() -> [Token] {
        // Reading names only (`skipsErrors`), no error counts: every name is wanted.
        while skipsErrors || diagnostics.count < Parser.maxErrors {
            skipSpaceAndComments()
            guard position < limit else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                position += 1
                lineStart = position
                newline(at: position - 1)
                continue
            }
            let start = position
            do {
                try token(startingWith: byte)
            } catch let diagnostic {
                if skipsErrors {
                    position = start + 1
                    continue
                }
                diagnostics.append(diagnostic)
                position = max(position, start + 1)
                tokens.append(Token(kind: .invalid, start: start, end: position))
            }
        }
        tokens.append(Token(kind: .end, start: limit, end: limit))
        if !brackets.isEmpty { leavesBracketsOpen = true }
        return tokens
    }

    // MARK: Brackets

    private mutating func open(_ byte: UInt8) {
        var indent = lineStart
        if matchesByIndentation {
            while indent < limit, bytes[indent] == UInt8(ascii: " ") || bytes[indent] == UInt8(ascii: "\t") { indent += 1 }
        }
        brackets.append((tokens.count - 1, indent - lineStart))
        count(byte, by: 1)
    }

    /// Adds `change` to the count of open brackets opened by `byte`.
    private mutating func count(_ byte: UInt8, by change: Int) {
        switch byte {
        case UInt8(ascii: "("): openCounts.parentheses += change
        case UInt8(ascii: "["): openCounts.squareBrackets += change
        default: openCounts.braces += change
        }
    }

    /// How many brackets opened by `byte` are open.
    private func openCount(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "("): return openCounts.parentheses
        case UInt8(ascii: "["): return openCounts.squareBrackets
        default: return openCounts.braces
        }
    }

    /// Brackets looked through for one indented like a closer: enough for any real nesting,
    /// and hostile nesting stays linear.
    private static let indentationSearchDepth = 64

    /// Closes the innermost open bracket of the kind `opening` (or, matching by indentation, the
    /// one whose line is indented like the closer's). Brackets opened inside it and still open
    /// are never closed; a closer that matches nothing open closes nothing, and the parser
    /// reports it where it stands.
    private mutating func close(_ opening: UInt8) {
        guard openCount(opening) > 0 else { return }
        var target: Int?
        if matchesByIndentation, tokens.count < 2 || tokens[tokens.count - 2].start < lineStart {
            let indent = position - 1 - lineStart
            target = brackets.indices.reversed().prefix(Self.indentationSearchDepth).first { slot in
                bytes[tokens[brackets[slot].index].start] == opening && brackets[slot].indent == indent
            }
        }
        while let (index, _) = brackets.popLast() {
            let byte = bytes[tokens[index].start]
            count(byte, by: -1)
            if byte == opening, target.map({ brackets.count == $0 }) ?? true {
                tokens[index].partner = tokens.count - 1
                tokens[tokens.count - 1].partner = index
                return
            }
            leavesBracketsOpen = true
        }
    }

    /// The byte of the innermost open bracket.
    private var innermostBracket: UInt8? { brackets.last.map { bytes[tokens[$0.index].start] } }

    // MARK: Newlines

    private mutating func newline(at offset: Int) {
        if let open = innermostBracket, open != UInt8(ascii: "{") { return }
        guard let last = tokens.last, last.kind != .newline, last.kind != .semicolon,
              last.kind != .leftBrace, !last.continuesLine else { return }
        if nextLineStartsWithDot() { return }
        tokens.append(Token(kind: .newline, start: offset, end: offset + 1))
    }

    /// A line starting with `.name` continues the previous expression (one call per line).
    private func nextLineStartsWithDot() -> Bool {
        var p = position
        while p < limit {
            switch bytes[p] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): p += 1
            case UInt8(ascii: "#"): while p < limit, bytes[p] != UInt8(ascii: "\n") { p += 1 }
            case UInt8(ascii: "."): return p + 1 < limit && bytes[p + 1] != UInt8(ascii: ".")
            case UInt8(ascii: "?"): return p + 1 < limit && bytes[p + 1] == UInt8(ascii: ".")
            default: return false
            }
        }
        return false
    }

    private mutating func skipSpaceAndComments() {
        while position < limit {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): position += 1
            case UInt8(ascii: "#"):
                while position < limit, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            case UInt8(ascii: "\\") where position + 1 < limit && bytes[position + 1] == UInt8(ascii: "\n"):
                position += 2  // an explicit line continuation
            default: return
            }
        }
    }

    // MARK: Tokens

    private mutating func token(startingWith byte: UInt8) throws(Diagnostic) {
        let start = position
        if Self.isIdentifierStart(byte) { return identifier() }
        if Self.isDigit(byte) { return try number() }
        position += 1
        func add(_ kind: TokenKind) { tokens.append(Token(kind: kind, start: start, end: position)) }
        func next(_ expected: Character) -> Bool {
            if position < limit, bytes[position] == expected.asciiValue! { position += 1; return true }
            return false
        }
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            add(byte == UInt8(ascii: "(") ? .leftParen : byte == UInt8(ascii: "[") ? .leftBracket : .leftBrace)
            open(byte)
        case UInt8(ascii: ")"):
            add(.rightParen)
            close(UInt8(ascii: "("))
        case UInt8(ascii: "]"):
            add(.rightBracket)
            close(UInt8(ascii: "["))
        case UInt8(ascii: "}"):
            // A closing brace also ends the statement before it: no newline token is needed.
            add(.rightBrace)
            close(UInt8(ascii: "{"))
        case UInt8(ascii: ","): add(.comma)
        case UInt8(ascii: ";"): add(.semicolon)
        case UInt8(ascii: ":"): add(.colon)
        case UInt8(ascii: "+"): add(next("=") ? .plusEqual : .plus)
        case UInt8(ascii: "-"): add(next("=") ? .minusEqual : .minus)
        case UInt8(ascii: "*"): add(next("=") ? .starEqual : .star)
        case UInt8(ascii: "/"): add(next("=") ? .slashEqual : .slash)
        case UInt8(ascii: "%"): add(next("=") ? .percentEqual : .percent)
        case UInt8(ascii: "="): add(next("=") ? .equalEqual : .equal)
        case UInt8(ascii: "!"): add(next("=") ? .bangEqual : .bang)
        case UInt8(ascii: "<"): add(next("=") ? .lessEqual : .less)
        case UInt8(ascii: ">"): add(next("=") ? .greaterEqual : .greater)
        case UInt8(ascii: "&"):
            guard next("&") else { throw unexpected(at: start) }
            add(.andAnd)
        case UInt8(ascii: "|"):
            guard next("|") else { throw unexpected(at: start) }
            add(.orOr)
        case UInt8(ascii: "?"):
            if next("?") { add(.questionQuestion) } else if next(".") { add(.questionDot) } else { add(.question) }
        case UInt8(ascii: "."):
            if next(".") {
                if next("<") { add(.halfOpenRange) } else if next(".") { add(.closedRange) } else {
                    throw Diagnostic.syntax("unexpected '..'; ranges are written 'a..<b' or 'a...b'",
                                            at: SourceLocation(file: file, offset: start))
                }
            } else {
                add(.dot)
            }
        case UInt8(ascii: "$"):
            var value = 0
            guard position < limit, Self.isDigit(bytes[position]) else {
                throw Diagnostic.syntax("expected a digit after '$'", at: SourceLocation(file: file, offset: start))
            }
            while position < limit, Self.isDigit(bytes[position]), value < 1000 {
                value = value * 10 + Int(bytes[position] - 48)
                position += 1
            }
            tokens.append(Token(kind: .dollar, start: start, end: position, number: .int(value)))
        case UInt8(ascii: "\""):
            var scanner = StringScanner(file: file, position: start, limit: limit)
            let parts: [StringPart]
            do {
                parts = try scanner.scanLiteral()
            } catch {
                // A string that stopped early takes the rest of its line with it: that text is
                // still inside the string, not code. One that ran into the end of its line may
                // have been meant to go on to a quote below; that text goes too.
                position = scanner.position
                if position < limit, bytes[position] == UInt8(ascii: "\n"), let end = closingQuote(after: position) {
                    position = end
                } else {
                    while position < limit, bytes[position] != UInt8(ascii: "\n") { position += 1 }
                }
                if !skipsErrors { diagnostics.append(contentsOf: scanner.problems) }
                throw error
            }
            position = scanner.position
            if let first = scanner.problems.first {
                // The string ended where it should; its bad escapes are reported, and it is
                // one invalid token rather than code.
                if !skipsErrors { diagnostics.append(contentsOf: scanner.problems.dropFirst()) }
                throw first
            }
            tokens.append(Token(kind: .string, start: start, end: position, parts: parts))
        default:
            throw unexpected(at: start)
        }
    }

    /// Just past the quote that most likely ends a string which ran into the `newline` at
    /// that offset: the first quote of the next line holding any, when that line holds an odd
    /// number of them (a line of whole strings closes nothing). Nil when there is none.
    private func closingQuote(after newline: Int) -> Int? {
        var p = newline + 1
        while p < limit {
            var first: Int?
            var count = 0
            while p < limit, bytes[p] != UInt8(ascii: "\n") {
                if bytes[p] == UInt8(ascii: "\\"), p + 1 < limit, bytes[p + 1] != UInt8(ascii: "\n") {
                    p += 2
                    continue
                }
                if bytes[p] == UInt8(ascii: "\"") {
                    count += 1
                    if first == nil { first = p }
                }
                p += 1
            }
            if let first { return count % 2 == 1 ? first + 1 : nil }
            p += 1
        }
        return nil
    }

    private mutating func identifier() {
        let start = position
        while position < limit, Self.isIdentifierPart(bytes[position]) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        let kind: TokenKind = Keyword(rawValue: name).map { .keyword($0) } ?? .identifier
        tokens.append(Token(kind: kind, start: start, end: position, name: name))
    }

    private mutating func number() throws(Diagnostic) {
        let start = position
        if bytes[position] == UInt8(ascii: "0"), position + 1 < limit,
           bytes[position + 1] == UInt8(ascii: "x") || bytes[position + 1] == UInt8(ascii: "X") {
            position += 2
            while position < limit, Self.isHexDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") { position += 1 }
            let digits = String(decoding: bytes[(start + 2)..<position], as: UTF8.self).replacingUnderscores()
            guard let value = Int(digits, radix: 16) else { throw badNumber(from: start) }
            tokens.append(Token(kind: .integer, start: start, end: position, number: .int(value)))
            return
        }
        var isFloat = false
        skipDigits()
        // A '.' makes a float only when a digit follows: `1..<5` and `xs.0` stay integers.
        if position + 1 < limit, bytes[position] == UInt8(ascii: "."), Self.isDigit(bytes[position + 1]) {
            isFloat = true
            position += 1
            skipDigits()
        }
        if position < limit, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var p = position + 1
            if p < limit, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") { p += 1 }
            if p < limit, Self.isDigit(bytes[p]) {
                isFloat = true
                position = p
                skipDigits()
            }
        }
        if position < limit, Self.isIdentifierStart(bytes[position]) { throw badNumber(from: start) }
        let text = String(decoding: bytes[start..<position], as: UTF8.self).replacingUnderscores()
        if isFloat {
            guard let value = Double(text) else { throw badNumber(from: start) }
            tokens.append(Token(kind: .float, start: start, end: position, number: .float(value)))
        } else {
            guard let value = Int(text) else {
                throw Diagnostic.syntax("integer literal '\(text)' is too large", at: SourceLocation(file: file, offset: start))
            }
            tokens.append(Token(kind: .integer, start: start, end: position, number: .int(value)))
        }
    }

    private mutating func skipDigits() {
        while position < limit, Self.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") { position += 1 }
    }

    /// The error for the malformed number at `start`, which is stepped over whole.
    private mutating func badNumber(from start: Int) -> Diagnostic {
        var end = start
        while end < limit, Self.isIdentifierPart(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
        position = end
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        return .syntax("malformed number '\(text)'", at: SourceLocation(file: file, offset: start))
    }

    /// The error for the character at `offset`, which is stepped over whole.
    private mutating func unexpected(at offset: Int) -> Diagnostic {
        var end = offset + 1
        while end < limit, bytes[end] & 0xC0 == 0x80 { end += 1 }  // the rest of a UTF-8 sequence
        position = end
        let character = String(decoding: bytes[offset..<end], as: UTF8.self)
        let shown = character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && $0.value != 0xFFFD }
            ? "'\(character)'" : "byte 0x" + String(bytes[offset], radix: 16, uppercase: true)
        return .syntax("unexpected character \(shown)", at: SourceLocation(file: file, offset: offset))
    }

    // MARK: Character classes

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102) }
    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_") || b >= 0xC2 && b <= 0xF4
    }
    static func isIdentifierPart(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) || (b >= 0x80 && b < 0xC0) }
}

private extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
