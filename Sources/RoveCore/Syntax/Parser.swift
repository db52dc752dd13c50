// The parser: recursive descent over tokens, one function per grammar rule (statements here,
// expressions in Parser+Expressions.swift).

/// Builds the syntax tree of a source file.
///
/// A mistake does not end the parse: the statement holding it is skipped and parsing goes on,
/// so `parseProgram` throws every error of the file at once (Parser+Recovery.swift).
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
    /// The token indices of the brackets being parsed inside, innermost last.
    var openers: [Int] = []
    /// The errors found so far, the lexer's first.
    var diagnostics: [Diagnostic]

    init(file: SourceFile) {
        self.init(file: file, start: 0, end: file.bytes.count)
    }

    /// Parses `file` from `start` to `end`: the expression inside a `\(...)` interpolation.
    init(file: SourceFile, start: Int, end: Int) {
        self.file = file
        var lexer = Lexer(file: file, start: start, end: end)
        var tokens = lexer.tokenize()
        if lexer.leavesBracketsOpen {
            // The text does not parse; pairing its brackets by indentation puts the blame on
            // the bracket a person would say was left open.
            lexer = Lexer(file: file, start: start, end: end)
            lexer.matchesByIndentation = true
            tokens = lexer.tokenize()
        }
        self.tokens = tokens
        self.diagnostics = lexer.diagnostics
    }

    /// program -> statement* EOF
    ///
    /// - Throws: the first error in the text, carrying any others as `furtherErrors`.
    mutating func parseProgram() throws -> [Stmt] {
        var statements: [Stmt] = []
        skipSeparators()
        while !check(.end), diagnostics.count < Self.maxErrors {
            let start = current
            do {
                statements.append(try statement())
                try endOfStatement()
            } catch {
                guard record(error) else { break }
                skipStatement(from: start, inBlock: false)
                skipSeparators()
            }
        }
        if let failure { throw failure }
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
        let parameters = try enclosed(by: current - 1) { try $0.parameterList() }
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
            try enclosed(by: current - 1) { parser in
                repeat { names.append(try parser.identifier("expected a loop variable name")) } while parser.match(.comma)
                try parser.expect(.rightParen, "expected ')' after loop variables")
            }
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
        guard match(.leftBrace) else { throw error("expected '{' after \(construct)", at: peek) }
        return try statements(closing: current - 1)
    }

    /// The statements of a block whose `{` is token `open`, through the closing `}`. A
    /// statement that fails is reported and skipped, and the block goes on after it.
    mutating func statements(closing open: Int) throws -> [Stmt] {
        try enterNesting()
        defer { depth -= 1 }
        openers.append(open)
        defer { openers.removeLast() }
        var statements: [Stmt] = []
        skipSeparators()
        while !match(.rightBrace) {
            if check(.end) { throw error("expected '}'", at: peek) }
            if peek.kind == .rightBrace {
                // A `}` the lexer gave to a block around this one: this block ends unclosed
                // here, and the `}` is left to its own block.
                let owner = peek.partner.map { location(tokens[$0]) }
                throw error(owner.map { "this '}' closes the '{' on line \($0.line)" } ?? "expected '}'", at: peek)
            }
            let start = current
            do {
                statements.append(try statement())
                if !check(.rightBrace) { try endOfStatement() }
            } catch {
                // At the end, every enclosing block is unclosed too: one error says it.
                if check(.end) { throw error }
                guard record(error) else { throw Stop() }
                skipStatement(from: start, inBlock: true)
            }
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

    /// The body of `if`, `while` or `for`. When it holds errors and a second brace group follows
    /// it (`for x in xs.where { ... } { ... }`), the user meant a trailing closure: say that
    /// instead.
    mutating func body(of keyword: String, after head: Expr) throws -> [Stmt] {
        let start = current, errorsBefore = diagnostics.count
        let trailingClosureError = { (parser: Parser) -> (any Error)? in
            guard parser.check(.leftBrace), let closer = parser.tokens[start].partner,
                  parser.tokens[closer + 1].kind == .leftBrace else { return nil }
            var callee = "the call"
            if case .member(_, let name, _, _) = head { callee = "\(name)({ ... })" }
            if case .name(let name, _) = head { callee = "\(name)({ ... })" }
            return parser.error("a trailing closure cannot follow the head of '\(keyword)'; write \(callee)", at: parser.peek)
        }
        let statements: [Stmt]
        do {
            statements = try block(after: "'\(keyword)'")
        } catch let original {
            if original is Stop { throw original }
            let failedAt = current
            current = start
            if let error = trailingClosureError(self) { throw error }
            // Where it failed: at the end of the input, the blocks around know to stop.
            current = failedAt
            throw original
        }
        guard diagnostics.count > errorsBefore else { return statements }
        let end = current
        current = start
        guard let error = trailingClosureError(self) else {
            current = end
            return statements
        }
        diagnostics.removeLast(diagnostics.count - errorsBefore)
        throw error
    }

    // MARK: Helpers (jlox's vocabulary)

    var peek: Token { tokens[current] }
    func peek(_ offset: Int) -> Token { tokens[min(current + offset, tokens.count - 1)] }
    /// Whether the token at the cursor is of `kind`. A closing bracket counts only as the
    /// partner the lexer gave the bracket being parsed inside (or, both left unpaired, as a
    /// likely one): in text with one left open, the parser then stops at the bracket missing
    /// its partner, not at a later one that lost its own to it.
    func check(_ kind: TokenKind) -> Bool {
        guard tokens[current].kind == kind else { return false }
        switch kind {
        case .rightParen, .rightBracket, .rightBrace:
            guard let innermost = openers.last else { return true }
            guard let closer = tokens[innermost].partner else { return tokens[current].partner == nil }
            return closer == current
        default:
            return true
        }
    }

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

    /// One level deeper; past `maxDepth` the parse stops with one error, since every level of
    /// hostile nesting would otherwise add one more.
    mutating func enterNesting() throws {
        depth += 1
        if depth > Self.maxDepth {
            diagnostics.append(.syntax("code nested too deeply", at: location(peek)))
            throw Stop()
        }
    }

    func location(_ token: Token) -> SourceLocation { SourceLocation(file: file, offset: token.start) }
}
