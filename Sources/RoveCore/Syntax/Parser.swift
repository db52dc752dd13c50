// The parser: recursive descent over tokens, one function per grammar rule (statements here,
// expressions in Parser+Expressions.swift).

/// Builds the syntax tree of a source file.
struct Parser {
    let file: SourceFile
    var tokens: [Token]
    var current = 0
    /// Nesting of expressions and blocks; hostile input must not overflow the native stack.
    var depth = 0
    static let maxDepth = 200
    /// False while parsing the head of `if`, `while` and `for`, where `{` opens the body.
    var allowsTrailingClosure = true
    /// For each closure being parsed without a parameter list, the highest `$N` seen plus one.
    var dollarCounts: [Int] = []

    init(file: SourceFile) throws {
        self.file = file
        var lexer = Lexer(file: file)
        self.tokens = try lexer.tokenize()
    }

    /// Parses the expression inside a `\(...)` interpolation.
    init(file: SourceFile, start: Int, end: Int) throws {
        self.file = file
        var lexer = Lexer(file: file, start: start, end: end)
        self.tokens = try lexer.tokenize()
    }

    /// program -> statement* EOF
    mutating func parseProgram() throws -> [Stmt] {
        var statements: [Stmt] = []
        skipSeparators()
        while !check(.end) {
            statements.append(try statement())
            try endOfStatement()
        }
        return statements
    }

    // MARK: Statements

    /// statement -> binding | function | if | while | for | break | continue | return | throw
    ///            | try | import | assignment | expression
    mutating func statement() throws -> Stmt {
        let token = peek
        switch token.kind {
        case .keyword(.let), .keyword(.var): return try bindingStatement()
        case .keyword(.fn) where peek(1).kind == .identifier: return try functionStatement()
        case .keyword(.if): return try ifStatement()
        case .keyword(.while): return try whileStatement()
        case .keyword(.for): return try forStatement()
        case .keyword(.break): advance(); return .break(at: token.start)
        case .keyword(.continue): advance(); return .continue(at: token.start)
        case .keyword(.return):
            advance()
            if isAtStatementEnd { return .return(nil, at: token.start) }
            return .return(try expression(), at: token.start)
        case .keyword(.throw):
            advance()
            return .throw(try expression(), at: token.start)
        case .keyword(.try): return try tryStatement()
        case .keyword(.import):
            advance()
            let pathToken = peek
            guard pathToken.kind == .string, pathToken.parts.count == 1, case .text(let path) = pathToken.parts[0] else {
                throw error("expected a file path string after 'import'", at: pathToken)
            }
            advance()
            return .import(path: path, at: token.start)
        default:
            return try assignmentOrExpression()
        }
    }

    /// binding -> ("let" | "var") IDENTIFIER ("=" expression)?
    mutating func bindingStatement() throws -> Stmt {
        let keyword = advance()
        let isConstant = keyword.kind == .keyword(.let)
        let name = try identifier("expected a name after '\(keyword.name)'")
        if match(.equal) {
            return .binding(name: name, isConstant: isConstant, value: try expression(), at: keyword.start)
        }
        if isConstant { throw error("expected '=' after 'let \(name)'", at: peek) }
        return .binding(name: name, isConstant: false, value: nil, at: keyword.start)
    }

    /// function -> "fn" IDENTIFIER "(" parameters? ")" block
    mutating func functionStatement() throws -> Stmt {
        let keyword = advance()
        let name = try identifier("expected a function name after 'fn'")
        try expect(.leftParen, "expected '(' after function name")
        let parameters = try parameterList()
        let body = try block(after: "function '\(name)'")
        return .function(FunctionDecl(name: name, parameters: parameters, body: body,
                                      offset: keyword.start, isClosure: false))
    }

    /// parameters -> parameter ("," parameter)* ","? ")"
    /// parameter  -> (IDENTIFIER | "_")? IDENTIFIER (":" expression | "=" expression)?
    mutating func parameterList() throws -> [Parameter] {
        var parameters: [Parameter] = []
        while !match(.rightParen) {
            let first = peek
            // A keyword may be a label when a name follows it: `fn wait(for task)`.
            let firstName = isKeyword(first) && peek(1).kind == .identifier
                ? advance().name : try identifier("expected a parameter name")
            var label: String? = nil
            var name = firstName
            if peek.kind == .identifier {
                name = advance().name
                label = firstName == "_" ? nil : firstName
            }
            var defaultValue: Expr? = nil
            if match(.colon) {
                if label == nil && firstName == name { label = name }
                defaultValue = try expression()
            } else if match(.equal) {
                defaultValue = try expression()
            }
            if parameters.contains(where: { $0.name == name }) {
                throw error("duplicate parameter '\(name)'", at: first)
            }
            parameters.append(Parameter(label: label, name: name, defaultValue: defaultValue, offset: first.start))
            if !check(.rightParen) { try expect(.comma, "expected ',' or ')' after parameter") }
        }
        return parameters
    }

    /// if -> "if" expression block ("else" (if | block))?
    mutating func ifStatement() throws -> Stmt {
        let keyword = advance()
        let condition = try head { try $0.expression() }
        let thenBranch = try body(of: "if", after: condition)
        // `}` and `else` may sit on separate lines.
        if check(.newline), peek(1).kind == .keyword(.else) { advance() }
        guard match(.keyword(.else)) else { return .if(condition, then: thenBranch, else: nil, at: keyword.start) }
        if check(.keyword(.if)) { return .if(condition, then: thenBranch, else: [try ifStatement()], at: keyword.start) }
        return .if(condition, then: thenBranch, else: try block(after: "'else'"), at: keyword.start)
    }

    /// while -> "while" expression block
    mutating func whileStatement() throws -> Stmt {
        let keyword = advance()
        let condition = try head { try $0.expression() }
        return .while(condition, body: try body(of: "while", after: condition), at: keyword.start)
    }

    /// for -> "for" (IDENTIFIER | "(" IDENTIFIER ("," IDENTIFIER)* ")") "in" expression block
    mutating func forStatement() throws -> Stmt {
        let keyword = advance()
        var names: [String] = []
        if match(.leftParen) {
            repeat { names.append(try identifier("expected a loop variable name")) } while match(.comma)
            try expect(.rightParen, "expected ')' after loop variables")
        } else {
            names.append(try identifier("expected a loop variable name after 'for'"))
        }
        try expect(.keyword(.in), "expected 'in' after loop variable")
        let sequence = try head { try $0.expression() }
        return .for(names: names, sequence: sequence, body: try body(of: "for", after: sequence), at: keyword.start)
    }

    /// try -> "try" block "catch" IDENTIFIER? block
    mutating func tryStatement() throws -> Stmt {
        let keyword = advance()
        let body = try block(after: "'try'")
        try expect(.keyword(.catch), "expected 'catch' after 'try' block")
        let name = peek.kind == .identifier ? advance().name : nil
        return .try(body: body, errorName: name, handler: try block(after: "'catch'"), at: keyword.start)
    }

    /// assignment -> postfix ("=" | "+=" | "-=" | "*=" | "/=" | "%=") expression | expression
    mutating func assignmentOrExpression() throws -> Stmt {
        let expr = try expression()
        let token = peek
        let op: BinaryOperator?
        switch token.kind {
        case .equal: op = nil
        case .plusEqual: op = .add
        case .minusEqual: op = .subtract
        case .starEqual: op = .multiply
        case .slashEqual: op = .divide
        case .percentEqual: op = .remainder
        default: return .expression(expr)
        }
        switch expr {
        case .name, .member(_, _, false, _), .index(_, _, false, _): break
        default: throw error("cannot assign to this expression", at: token)
        }
        advance()
        return .assign(target: expr, op: op, value: try expression(), at: token.start)
    }

    /// block -> "{" statement* "}"
    mutating func block(after construct: String) throws -> [Stmt] {
        let open = peek
        guard match(.leftBrace) else { throw error("expected '{' after \(construct)", at: open) }
        return try statements(closing: open)
    }

    /// The statements of a block whose `{` is `open`, through the closing `}`.
    mutating func statements(closing open: Token) throws -> [Stmt] {
        try enterNesting()
        defer { depth -= 1 }
        var statements: [Stmt] = []
        skipSeparators()
        while !match(.rightBrace) {
            if check(.end) {
                throw Diagnostic(.unexpectedEnd, "expected '}' to close '{' at line \(location(open).line)", at: location(peek))
            }
            statements.append(try statement())
            if !check(.rightBrace) { try endOfStatement() }
            skipSeparators()
        }
        return statements
    }

    /// Parses a statement head (condition, sequence) in which `{` opens the body, not a closure.
    mutating func head(_ parse: (inout Parser) throws -> Expr) throws -> Expr {
        let saved = allowsTrailingClosure
        allowsTrailingClosure = false
        defer { allowsTrailingClosure = saved }
        return try parse(&self)
    }

    /// The body of `if`, `while` or `for`. When it fails to parse and two brace groups follow the
    /// head (`for x in xs.where { ... } { ... }`), the user meant a trailing closure: say so.
    mutating func body(of keyword: String, after head: Expr) throws -> [Stmt] {
        let start = current
        do {
            return try block(after: "'\(keyword)'")
        } catch let original {
            current = start
            guard check(.leftBrace), tokenAfterMatchingBrace?.kind == .leftBrace else { throw original }
            var callee = "the call"
            if case .member(_, let name, _, _) = head { callee = "\(name)({ ... })" }
            if case .name(let name, _) = head { callee = "\(name)({ ... })" }
            throw error("a trailing closure cannot follow the head of '\(keyword)'; write \(callee)", at: peek)
        }
    }

    /// The token after the `}` that closes the `{` at the cursor, looking a short way ahead only
    /// (a closure meant to trail a head is short; hostile input must not make this quadratic).
    private var tokenAfterMatchingBrace: Token? {
        var depth = 0
        var index = current
        while index < min(tokens.count, current + 256) {
            switch tokens[index].kind {
            case .leftBrace: depth += 1
            case .rightBrace:
                depth -= 1
                if depth == 0 { return index + 1 < tokens.count ? tokens[index + 1] : nil }
            case .end: return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    // MARK: Helpers (jlox's vocabulary)

    var peek: Token { tokens[current] }
    func peek(_ offset: Int) -> Token { tokens[min(current + offset, tokens.count - 1)] }
    func check(_ kind: TokenKind) -> Bool { tokens[current].kind == kind }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[current]
        if token.kind != .end { current += 1 }
        return token
    }

    mutating func match(_ kind: TokenKind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    mutating func expect(_ kind: TokenKind, _ message: String) throws {
        guard match(kind) else { throw error(message, at: peek) }
    }

    mutating func identifier(_ message: String) throws -> String {
        guard peek.kind == .identifier else { throw error(message, at: peek) }
        return advance().name
    }

    var isAtStatementEnd: Bool {
        switch peek.kind {
        case .newline, .semicolon, .rightBrace, .end: return true
        default: return false
        }
    }

    mutating func endOfStatement() throws {
        guard isAtStatementEnd else {
            throw error("expected a new line or ';' after statement, found \(peek.describe(in: file))", at: peek)
        }
        skipSeparators()
    }

    mutating func skipSeparators() {
        while check(.newline) || check(.semicolon) { advance() }
    }

    mutating func enterNesting() throws {
        depth += 1
        if depth > Self.maxDepth { throw error("code nested too deeply", at: peek) }
    }

    func location(_ token: Token) -> SourceLocation { SourceLocation(file: file, offset: token.start) }

    /// A syntax error at `token`; at the end of input it is the distinct `unexpectedEnd` case.
    func error(_ message: String, at token: Token) -> Diagnostic {
        guard token.kind == .end else { return Diagnostic(.syntax, message, at: location(token)) }
        return Diagnostic(.unexpectedEnd, "unexpected end of input: \(message)", at: location(token))
    }
}
