// Where the cursor is, for Tab: a name, a member after a dot, or a key inside `["…`, and the chain of names before it.

/// What the text before the cursor ends in, read without running anything.
///
/// The chain is what can be evaluated without side effects: a global, then members (`.name`,
/// `?.name`, `["key"]`) and integer subscripts (`[0]`). A chain that passes through a call or
/// any other expression (`f().x`, `(a).b`) has no root, and Tab offers nothing after it.
struct CompletionContext: Equatable {
    enum Step: Equatable {
        case member(String)
        case index(Int)
    }

    enum Position: Equatable {
        /// A name on its own (`depl`): keywords and globals.
        case word
        /// A member after `.` or `?.` (`octopus.Pro`).
        case member(optional: Bool)
        /// A key inside an open subscript (`octopus["Auth`).
        case key
    }

    var position: Position
    /// The global the chain starts at and the steps after it; empty for `.word`.
    var root: String?
    var steps: [Step]
    /// The part of the name already typed (decoded, for a key).
    var partial: String
    /// The text at the end that a candidate replaces: the partial name, with the `.` before it
    /// (a member may turn into a subscript) or the `["` (a key).
    var replaced: String

    /// Reads the end of `text`; nil when the cursor is somewhere Tab has nothing to offer
    /// (inside a number, after a call, inside an interpolation).
    static func reading(_ text: String) -> CompletionContext? {
        var scanner = Scanner(text)
        guard let tokens = scanner.tokens() else { return nil }
        var end = tokens.count
        guard let last = tokens.last else {
            return CompletionContext(position: .word, root: nil, steps: [], partial: "", replaced: "")
        }
        switch last.kind {
        case .openString(let partial):
            guard end >= 2, tokens[end - 2].kind == .leftBracket else { return nil }
            let replaced = String(text[tokens[end - 2].range.lowerBound...])
            guard let (root, steps) = chain(tokens[..<(end - 2)]) else { return nil }
            return CompletionContext(position: .key, root: root, steps: steps, partial: partial, replaced: replaced)
        case .name(let partial):
            end -= 1
            guard end >= 1, tokens[end - 1].kind == .dot || tokens[end - 1].kind == .questionDot else {
                return CompletionContext(position: .word, root: nil, steps: [], partial: partial, replaced: partial)
            }
            return member(tokens[..<end], partial: partial)
        case .dot, .questionDot:
            return member(tokens[...], partial: "")
        case .other, .space:
            return CompletionContext(position: .word, root: nil, steps: [], partial: "", replaced: "")
        case .string, .integer, .leftBracket, .rightBracket:
            return nil
        }
    }

    /// `tokens` ends in `.` or `?.`, after which `partial` was typed.
    private static func member(_ tokens: ArraySlice<Token>, partial: String) -> CompletionContext? {
        guard let dot = tokens.last, let (root, steps) = chain(tokens.dropLast()) else { return nil }
        return CompletionContext(position: .member(optional: dot.kind == .questionDot), root: root, steps: steps,
                                 partial: partial, replaced: "." + partial)
    }

    /// The chain `tokens` ends with, when it is one: a name not itself after a dot or bracket,
    /// then members and integer subscripts.
    private static func chain(_ tokens: ArraySlice<Token>) -> (root: String, steps: [Step])? {
        var steps: [Step] = []
        var index = tokens.endIndex
        while index > tokens.startIndex {
            let token = tokens[index - 1]
            switch token.kind {
            case .name(let name):
                let before = index - 1 > tokens.startIndex ? tokens[index - 2].kind : nil
                if before == .dot || before == .questionDot {
                    steps.append(.member(name))
                    index -= 2
                    continue
                }
                switch before {
                case nil, .space?, .other?, .leftBracket?:
                    return (name, steps.reversed())
                case .name?, .rightBracket?, .string?, .openString?, .integer?, .dot?, .questionDot?:
                    // `"a" x`, `] x`: not the start of a chain.
                    return nil
                }
            case .rightBracket:
                guard index - 3 >= tokens.startIndex, tokens[index - 3].kind == .leftBracket else { return nil }
                switch tokens[index - 2].kind {
                case .string(let key): steps.append(.member(key))
                case .integer(let number): steps.append(.index(number))
                case .name, .dot, .questionDot, .leftBracket, .rightBracket, .openString, .other, .space: return nil
                }
                index -= 3
            case .dot, .questionDot, .leftBracket, .string, .openString, .integer, .other, .space:
                return nil
            }
        }
        return nil
    }

    // MARK: Scanning

    struct Token {
        enum Kind: Equatable {
            case name(String)
            case dot, questionDot, leftBracket, rightBracket
            /// A complete string literal without interpolations, decoded.
            case string(String)
            /// A string still open at the end of the text, decoded so far.
            case openString(String)
            case integer(Int)
            case space
            /// Anything else: operators, parentheses, a string with interpolations.
            case other
        }
        var kind: Kind
        var range: Range<String.Index>
    }

    /// Splits text into the few tokens a chain is made of. Strings are decoded with the
    /// lexer's escapes; one with an interpolation is `other`, since its value is not known.
    private struct Scanner {
        let text: String
        var index: String.Index

        init(_ text: String) {
            self.text = text
            self.index = text.startIndex
        }

        /// Nil when the text ends inside something Tab cannot complete (an interpolation, an
        /// escape, a number).
        mutating func tokens() -> [Token]? {
            var tokens: [Token] = []
            while index < text.endIndex {
                let start = index
                let character = text[index]
                let kind: Token.Kind
                if character == "\"" {
                    guard let string = scanString() else { return nil }
                    kind = string
                } else if character.isWhitespace {
                    while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
                    kind = .space
                } else if let byte = character.utf8.first, Lexer.isIdentifierStart(byte) {
                    while index < text.endIndex, text[index].utf8.allSatisfy(Lexer.isIdentifierPart) {
                        index = text.index(after: index)
                    }
                    kind = .name(String(text[start..<index]))
                } else if character.isASCII, character.isNumber {
                    while index < text.endIndex, text[index].isASCII, text[index].isNumber || text[index] == "_" {
                        index = text.index(after: index)
                    }
                    if index == text.endIndex { return nil }
                    kind = Int(text[start..<index].filter { $0 != "_" }).map(Token.Kind.integer) ?? .other
                } else {
                    index = text.index(after: index)
                    switch character {
                    case ".": kind = .dot
                    case "[": kind = .leftBracket
                    case "]": kind = .rightBracket
                    case "?" where index < text.endIndex && text[index] == ".":
                        index = text.index(after: index)
                        kind = .questionDot
                    default: kind = .other
                    }
                }
                tokens.append(Token(kind: kind, range: start..<index))
            }
            return tokens
        }

        /// A string literal from its opening quote: `.string`, `.openString` at the end of the
        /// text, `.other` when it interpolates, nil when the text ends inside an escape.
        mutating func scanString() -> Token.Kind? {
            index = text.index(after: index)
            var decoded = ""
            var interpolates = false
            while index < text.endIndex {
                let character = text[index]
                index = text.index(after: index)
                switch character {
                case "\"":
                    return interpolates ? .other : .string(decoded)
                case "\\":
                    guard index < text.endIndex else { return nil }
                    let escape = text[index]
                    index = text.index(after: index)
                    switch escape {
                    case "n": decoded += "\n"
                    case "t": decoded += "\t"
                    case "r": decoded += "\r"
                    case "0": decoded += "\0"
                    case "\\", "\"", "'": decoded.append(escape)
                    case "u":
                        guard let scalar = scanUnicodeEscape() else { return nil }
                        decoded.unicodeScalars.append(scalar)
                    case "(":
                        guard skipInterpolation() else { return nil }
                        interpolates = true
                    default:
                        return nil
                    }
                default:
                    decoded.append(character)
                }
            }
            return interpolates ? nil : .openString(decoded)
        }

        /// `{hex}` after `\u`; nil when it is unfinished or invalid.
        private mutating func scanUnicodeEscape() -> Unicode.Scalar? {
            guard index < text.endIndex, text[index] == "{" else { return nil }
            index = text.index(after: index)
            var digits = ""
            while index < text.endIndex, text[index].isHexDigit, digits.count < 8 {
                digits.append(text[index])
                index = text.index(after: index)
            }
            guard index < text.endIndex, text[index] == "}", let value = UInt32(digits, radix: 16) else { return nil }
            index = text.index(after: index)
            return Unicode.Scalar(value)
        }

        /// Moves past the `)` closing an interpolation; false when the text ends first.
        private mutating func skipInterpolation() -> Bool {
            var depth = 1
            while index < text.endIndex {
                let character = text[index]
                if character == "\"" {
                    guard case .string? = scanString() else { return false }
                    continue
                }
                index = text.index(after: index)
                if character == "(" { depth += 1 }
                if character == ")" {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        }
    }
}
