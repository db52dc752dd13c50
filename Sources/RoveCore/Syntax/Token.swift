// Tokens: what the lexer hands the parser.

/// The kinds of token. Payloads (names, numbers, string parts) live on `Token`.
enum TokenKind: Equatable {
    case identifier, integer, float, string, dollar
    case keyword(Keyword)
    // Brackets and punctuation.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, dot, questionDot, colon, semicolon, question
    // Operators.
    case plus, minus, star, slash, percent, bang
    case equal, plusEqual, minusEqual, starEqual, slashEqual, percentEqual
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case andAnd, orOr, questionQuestion, halfOpenRange, closedRange
    case newline, end
    /// Text the lexer could not read (a stray character, a malformed string); the lexer has
    /// reported it, so the parser reports nothing more at it.
    case invalid
}

/// Reserved words.
enum Keyword: String, CaseIterable {
    case `let`, `var`, `fn`, `if`, `else`, `while`, `for`, `in`, `break`, `continue`, `return`
    case `throw`, `try`, `catch`, `import`, `true`, `false`, `nil`

    static let all: Set<String> = Set(allCases.map(\.rawValue))
}

/// A piece of a string literal: literal text, or the source range of a `\(...)` interpolation.
enum StringPart {
    case text(String)
    case interpolation(start: Int, end: Int)
}

/// One token, with its byte range in the source.
struct Token {
    var kind: TokenKind
    var start: Int
    var end: Int
    /// The name of an identifier or keyword.
    var name: String = ""
    /// The value of an integer, float or `$N` token.
    var number: Value = .null
    /// The parts of a string literal.
    var parts: [StringPart] = []
    /// For a bracket, the index of the bracket it pairs with (the closer of an opener, the
    /// opener of a closer), as the lexer paired them; nil for one left unpaired.
    var partner: Int?

    /// Whether this token ends a line's expression and so can be followed by a statement break
    /// or, when it is a binary operator or `.`, carries the expression onto the next line.
    var continuesLine: Bool {
        switch kind {
        case .plus, .minus, .star, .slash, .percent, .equal, .plusEqual, .minusEqual, .starEqual,
             .slashEqual, .percentEqual, .equalEqual, .bangEqual, .less, .lessEqual, .greater,
             .greaterEqual, .andAnd, .orOr, .questionQuestion, .halfOpenRange, .closedRange,
             .dot, .questionDot, .comma, .colon, .question, .keyword(.in):
            return true
        case .identifier, .integer, .float, .string, .dollar, .keyword, .leftParen, .rightParen,
             .leftBracket, .rightBracket, .leftBrace, .rightBrace, .semicolon, .bang, .newline, .end, .invalid:
            return false
        }
    }

    /// How the token reads in a message: `'foo'`, `end of input`, `newline`.
    func describe(in file: SourceFile) -> String {
        switch kind {
        // The end of a `\(...)` interpolation's text is its closing parenthesis.
        case .end: return start < file.bytes.count ? "')'" : "end of input"
        case .newline: return "newline"
        case .string: return "string"
        case .identifier, .integer, .float, .dollar, .keyword, .leftParen, .rightParen, .leftBracket,
             .rightBracket, .leftBrace, .rightBrace, .comma, .dot, .questionDot, .colon, .semicolon,
             .question, .plus, .minus, .star, .slash, .percent, .bang, .equal, .plusEqual, .minusEqual,
             .starEqual, .slashEqual, .percentEqual, .equalEqual, .bangEqual, .less, .lessEqual,
             .greater, .greaterEqual, .andAnd, .orOr, .questionQuestion, .halfOpenRange, .closedRange, .invalid:
            return "'" + String(decoding: file.bytes[start..<min(end, start + 40)], as: UTF8.self) + "'"
        }
    }
}
