// The parser's expression rules, from lowest precedence to highest (Swift's precedence order).

extension Parser {
    /// expression -> conditional
    mutating func expression() throws -> Expr {
        try enterNesting()
        defer { depth -= 1 }
        return try conditional()
    }

    /// conditional -> or ("?" expression ":" expression)?
    mutating func conditional() throws -> Expr {
        let condition = try or()
        guard check(.question) else { return condition }
        let question = advance()
        let whenTrue = try expression()
        try expect(.colon, "expected ':' in conditional expression")
        let whenFalse = try expression()
        return .conditional(condition, then: whenTrue, else: whenFalse, at: question.start)
    }

    /// or -> and ("||" and)*
    mutating func or() throws -> Expr {
        var left = try and()
        while check(.orOr) {
            let op = advance()
            left = .logical(left, .or, try and(), at: op.start)
        }
        return left
    }

    /// and -> comparison ("&&" comparison)*
    mutating func and() throws -> Expr {
        var left = try comparison()
        while check(.andAnd) {
            let op = advance()
            left = .logical(left, .and, try comparison(), at: op.start)
        }
        return left
    }

    /// comparison -> coalesce (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") coalesce)*
    mutating func comparison() throws -> Expr {
        var left = try coalesce()
        while true {
            let op: BinaryOperator
            switch peek.kind {
            case .equalEqual: op = .equal
            case .bangEqual: op = .notEqual
            case .less: op = .less
            case .lessEqual: op = .lessEqual
            case .greater: op = .greater
            case .greaterEqual: op = .greaterEqual
            case .keyword(.in): op = .contains
            default: return left
            }
            let token = advance()
            left = .binary(left, op, try coalesce(), at: token.start)
        }
    }

    /// coalesce -> range ("??" coalesce)?
    mutating func coalesce() throws -> Expr {
        let left = try range()
        guard check(.questionQuestion) else { return left }
        let op = advance()
        try enterNesting()
        defer { depth -= 1 }
        return .logical(left, .coalesce, try coalesce(), at: op.start)
    }

    /// range -> additive (("..<" | "...") additive)?
    mutating func range() throws -> Expr {
        let left = try additive()
        guard check(.halfOpenRange) || check(.closedRange) else { return left }
        let op = advance()
        return .range(left, try additive(), closed: op.kind == .closedRange, at: op.start)
    }

    /// additive -> multiplicative (("+" | "-") multiplicative)*
    mutating func additive() throws -> Expr {
        var left = try multiplicative()
        while check(.plus) || check(.minus) {
            let op = advance()
            left = .binary(left, op.kind == .plus ? .add : .subtract, try multiplicative(), at: op.start)
        }
        return left
    }

    /// multiplicative -> unary (("*" | "/" | "%") unary)*
    mutating func multiplicative() throws -> Expr {
        var left = try unary()
        while true {
            let op: BinaryOperator
            switch peek.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            case .percent: op = .remainder
            default: return left
            }
            let token = advance()
            left = .binary(left, op, try unary(), at: token.start)
        }
    }

    /// unary -> ("-" | "!") unary | postfix
    mutating func unary() throws -> Expr {
        guard check(.minus) || check(.bang) else { return try postfix() }
        let op = advance()
        try enterNesting()
        defer { depth -= 1 }
        let operand = try unary()
        if op.kind == .minus, case .literal(.int(let i), _) = operand { return .literal(.int(0 &- i), at: op.start) }
        if op.kind == .minus, case .literal(.float(let d), _) = operand { return .literal(.float(-d), at: op.start) }
        return .unary(op.kind == .minus ? .negate : .not, operand, at: op.start)
    }

    /// postfix -> primary ("." name | "?." name | "[" expression "]" | "(" arguments ")" | closure)*
    mutating func postfix() throws -> Expr {
        var expr = try primary()
        var optional = false
        while true {
            let token = peek
            switch token.kind {
            case .dot, .questionDot:
                advance()
                optional = optional || token.kind == .questionDot
                let nameToken = peek
                guard nameToken.kind == .identifier || isKeyword(nameToken) else {
                    throw error("expected a member name after '\(token.kind == .dot ? "." : "?.")'", at: nameToken)
                }
                advance()
                expr = .member(expr, nameToken.name, optional: optional, at: nameToken.start)
            case .leftBracket:
                advance()
                let index = try nested(inside: current - 1) { parser in
                    let index = try parser.expression()
                    try parser.expect(.rightBracket, "expected ']' after index")
                    return index
                }
                expr = .index(expr, index, optional: optional, at: token.start)
            case .leftParen:
                advance()
                var arguments = try argumentList(inside: current - 1)
                if allowsTrailingClosure, check(.leftBrace), !looksLikeObjectLiteral {
                    arguments.append(Argument(label: nil, value: try closure()))
                }
                expr = .call(expr, arguments, optional: optional, at: token.start)
            case .leftBrace where allowsTrailingClosure && !looksLikeObjectLiteral && isCallable(expr):
                expr = .call(expr, [Argument(label: nil, value: try closure())], optional: optional, at: token.start)
            default:
                return expr
            }
        }
    }

    /// A trailing closure may follow a name or member (`xs.map { }`), not a literal.
    private func isCallable(_ expr: Expr) -> Bool {
        switch expr {
        case .name, .member, .call: return true
        default: return false
        }
    }

    /// arguments -> (argument ("," argument)* ","?)? ")"
    /// argument  -> (IDENTIFIER ":")? expression
    mutating func argumentList(inside bracket: Int) throws -> [Argument] {
        try nested(inside: bracket) { parser in
            var arguments: [Argument] = []
            while !parser.match(.rightParen) {
                var label: String? = nil
                if parser.peek(1).kind == .colon, parser.peek.kind == .identifier || parser.isKeyword(parser.peek) {
                    label = parser.advance().name
                    parser.advance()
                }
                arguments.append(Argument(label: label, value: try parser.expression()))
                if !parser.check(.rightParen) {
                    try parser.expect(.comma, "expected ',' or ')' after argument")
                }
            }
            return arguments
        }
    }

    /// primary -> literal | IDENTIFIER | "$" N | "(" expression ")" | list | object | closure | "fn" function
    mutating func primary() throws -> Expr {
        let token = peek
        switch token.kind {
        case .integer, .float:
            advance()
            return .literal(token.number, at: token.start)
        case .string:
            advance()
            return try stringLiteral(token)
        case .keyword(.true): advance(); return .literal(.bool(true), at: token.start)
        case .keyword(.false): advance(); return .literal(.bool(false), at: token.start)
        case .keyword(.nil): advance(); return .literal(.null, at: token.start)
        case .identifier:
            advance()
            return .name(token.name, at: token.start)
        case .dollar:
            advance()
            guard case .int(let n) = token.number, !dollarCounts.isEmpty else {
                let shown = String(decoding: file.bytes[token.start..<token.end], as: UTF8.self)
                throw error("'\(shown)' is only allowed inside a closure without parameters", at: token)
            }
            dollarCounts[dollarCounts.count - 1] = max(dollarCounts[dollarCounts.count - 1], n + 1)
            return .dollar(n, at: token.start)
        case .leftParen:
            advance()
            return try nested(inside: current - 1) { parser in
                let inner = try parser.expression()
                try parser.expect(.rightParen, "expected ')' after expression")
                return inner
            }
        case .leftBracket:
            advance()
            return try listLiteral(inside: current - 1)
        case .leftBrace:
            return looksLikeObjectLiteral ? try objectLiteral() : try closure()
        case .keyword(.fn):
            advance()
            try expect(.leftParen, "expected '(' after 'fn'")
            let parameters = try enclosed(by: current - 1) { try $0.parameterList() }
            let body = try nested { try $0.block(after: "'fn'") }
            return .function(FunctionDecl(name: "closure", parameters: parameters, body: body,
                                          offset: token.start, isClosure: false))
        default:
            throw error("expected an expression, found \(token.describe(in: file))", at: token)
        }
    }

    /// list -> "[" (expression ("," expression)* ","?)? "]"
    mutating func listLiteral(inside bracket: Int) throws -> Expr {
        try nested(inside: bracket) { parser in
            var items: [Expr] = []
            while !parser.match(.rightBracket) {
                items.append(try parser.expression())
                if !parser.check(.rightBracket) { try parser.expect(.comma, "expected ',' or ']' in list") }
            }
            return .list(items, at: parser.tokens[bracket].start)
        }
    }

    /// Whether the `{` at the cursor opens an object literal: `{}` or `{key: ...`.
    var looksLikeObjectLiteral: Bool {
        guard check(.leftBrace) else { return false }
        var offset = 1
        while peek(offset).kind == .newline { offset += 1 }
        let first = peek(offset)
        if first.kind == .rightBrace { return true }
        return (first.kind == .identifier || first.kind == .string || isKeyword(first)) && peek(offset + 1).kind == .colon
    }

    /// object -> "{" (key ":" expression ("," key ":" expression)* ","?)? "}"
    mutating func objectLiteral() throws -> Expr {
        let open = advance()
        return try nested(inside: current - 1) { parser in
            var entries: [(key: String, value: Expr)] = []
            parser.skipNewlines()
            while !parser.match(.rightBrace) {
                let keyToken = parser.peek
                let key: String
                switch keyToken.kind {
                case .identifier: key = keyToken.name
                case .keyword where parser.isKeyword(keyToken): key = keyToken.name
                case .string:
                    guard keyToken.parts.count == 1, case .text(let text) = keyToken.parts[0] else {
                        throw parser.error("object keys cannot be interpolated", at: keyToken)
                    }
                    key = text
                default:
                    throw parser.error("expected a key in object literal, found \(keyToken.describe(in: parser.file))", at: keyToken)
                }
                parser.advance()
                if entries.contains(where: { $0.key == key }) {
                    throw parser.error("duplicate key '\(key)' in object literal", at: keyToken)
                }
                try parser.expect(.colon, "expected ':' after object key")
                parser.skipNewlines()
                entries.append((key, try parser.expression()))
                parser.skipNewlines()
                if !parser.check(.rightBrace) { try parser.expect(.comma, "expected ',' or '}' in object") }
                parser.skipNewlines()
            }
            return .object(entries, at: open.start)
        }
    }

    /// closure -> "{" (IDENTIFIER ("," IDENTIFIER)* "in")? statement* "}"
    mutating func closure() throws -> Expr {
        let openIndex = current
        let open = advance()
        var names: [String] = []
        if hasClosureParameters {
            if match(.leftParen) {
                try enclosed(by: current - 1) { parser in
                    repeat { names.append(parser.advance().name) } while parser.match(.comma)
                    try parser.expect(.rightParen, "expected ')' after closure parameters")
                }
            } else {
                repeat { names.append(advance().name) } while match(.comma)
            }
            advance()  // "in"
        }
        dollarCounts.append(0)
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        defer { allowsTrailingClosure = saved }
        let body: [Stmt]
        do {
            body = try statements(closing: openIndex)
        } catch {
            dollarCounts.removeLast()
            throw error
        }
        let dollars = dollarCounts.removeLast()
        if !names.isEmpty, dollars > 0 {
            throw error("'$0' cannot be used in a closure that names its parameters", at: open)
        }
        if names.isEmpty { names = (0..<dollars).map { "$\($0)" } }
        let parameters = names.map { Parameter(label: nil, name: $0, defaultValue: nil, offset: open.start) }
        return .function(FunctionDecl(name: "closure", parameters: parameters, body: body,
                                      offset: open.start, isClosure: true))
    }

    /// Whether the closure at the cursor (just after `{`) starts with `a, b in` or `(a, b) in`.
    private var hasClosureParameters: Bool {
        var offset = check(.leftParen) ? 1 : 0
        while true {
            guard peek(offset).kind == .identifier else { return false }
            offset += 1
            if peek(offset).kind == .comma { offset += 1; continue }
            if peek(offset).kind == .rightParen, check(.leftParen) { offset += 1 }
            return peek(offset).kind == .keyword(.in)
        }
    }

    /// Splits a string token into literal text and parsed interpolations.
    mutating func stringLiteral(_ token: Token) throws -> Expr {
        if token.parts.count == 1, case .text(let text) = token.parts[0] { return .literal(.string(text), at: token.start) }
        var parts: [InterpolatedPart] = []
        for part in token.parts {
            switch part {
            case .text(let text): parts.append(.text(text))
            case .interpolation(let start, let end):
                var inner = Parser(file: file, start: start, end: end)
                inner.depth = depth + 1
                inner.dollarCounts = dollarCounts
                // What the inner parser found is reported with the rest of the file's errors;
                // a failure it threw goes on to the statement around the string.
                defer { diagnostics.append(contentsOf: inner.diagnostics) }
                inner.skipSeparators()
                if inner.check(.end) {
                    throw Diagnostic.syntax("empty interpolation '\\()'", at: SourceLocation(file: file, offset: start))
                }
                let expr = try inner.expression()
                inner.skipSeparators()
                guard inner.check(.end) else {
                    throw inner.error("expected ')' to end interpolation", at: inner.peek)
                }
                dollarCounts = inner.dollarCounts
                parts.append(.expression(expr))
            }
        }
        return .interpolated(parts, at: token.start)
    }

    /// Parses inside brackets, where newlines do not matter and `{` may be a trailing closure
    /// again; `bracket`, the opening one's token index, is meanwhile the innermost bracket open
    /// (`enclosed(by:)`).
    mutating func nested<T>(inside bracket: Int? = nil, _ parse: (inout Parser) throws -> T) throws -> T {
        try enterNesting()
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        if let bracket { openers.append(bracket) }
        defer {
            if bracket != nil { openers.removeLast() }
            allowsTrailingClosure = saved
            depth -= 1
        }
        return try parse(&self)
    }

    mutating func skipNewlines() {
        while check(.newline) { advance() }
    }

    /// Keywords may be used as member names, labels and object keys: `x.in`, `{for: 1}`.
    func isKeyword(_ token: Token) -> Bool {
        if case .keyword = token.kind { return true }
        return false
    }
}
