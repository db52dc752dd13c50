// How the parser reports a mistake and goes on: errors located where the fix is, recovery at
// the next statement, and every error of a file gathered into one diagnostic.

extension Parser {
    /// Errors reported at most for one text, lexer's and parser's together; a file with more
    /// is broken past the point where the later ones help.
    static let maxErrors = 20

    /// Thrown once parsing cannot go on: the error cap was reached, or nesting went past
    /// `maxDepth`, where hostile input would make every level one more error.
    struct Stop: Error {}

    /// Thrown for a failure at a token the lexer could not read: the lexer has reported it,
    /// and the statement around it is skipped without another error.
    struct AlreadyReported: Error {}

    /// The error for a mistake found at `token`, as a user should read it.
    ///
    /// Inside a bracket that is never closed, the bracket is the mistake to report, at its
    /// opening (`'(' was never closed`), with what the parser expected as a note: a missing
    /// `)` makes everything after it look wrong, and the caret should go where the fix does.
    /// At the end of the input the error is `incomplete`, so a REPL reads another line; it
    /// points just past the last token rather than at the empty line after it.
    func error(_ message: String, at token: Token) -> any Error {
        if token.kind == .invalid { return AlreadyReported() }
        let atEnd = token.kind == .end
        // The end of an interpolation's text is its `)`, not the end of the input.
        let endsInput = atEnd && token.start == file.bytes.count
        let here = endsInput ? endOfLastToken : location(token)
        guard let innermost = openers.last, atEnd || tokens[innermost].partner == nil else {
            if endsInput { return Diagnostic(.unexpectedEnd, "unexpected end of input: \(message)", at: here) }
            return Diagnostic(.syntax, message, at: here)
        }
        var diagnostic = Diagnostic(endsInput ? .unexpectedEnd : .syntax, "\(bracket(at: innermost)) was never closed",
                                    at: location(tokens[innermost]))
        diagnostic.notes.append(Diagnostic.Note(message, at: here))
        // Brackets around it that are never closed either; a few say enough.
        for outer in openers.dropLast().reversed().filter({ tokens[$0].partner == nil }).prefix(3) {
            diagnostic.notes.append(Diagnostic.Note("\(bracket(at: outer)) is not closed either", at: location(tokens[outer])))
        }
        return diagnostic
    }

    /// `'('`, `'['` or `'{'`: the bracket token at `index` as messages quote it.
    private func bracket(at index: Int) -> String {
        "'" + String(decoding: file.bytes[tokens[index].start..<tokens[index].end], as: UTF8.self) + "'"
    }

    /// Just past the last token before the end, where whatever is missing belongs.
    private var endOfLastToken: SourceLocation {
        var index = tokens.count - 2
        while index >= 0, tokens[index].kind == .newline { index -= 1 }
        return SourceLocation(file: file, offset: index >= 0 ? tokens[index].end : tokens[tokens.count - 1].start)
    }

    /// Parses what follows the opening bracket at token `index`, known meanwhile as the
    /// innermost bracket open, which errors name when it is never closed.
    mutating func enclosed<T>(by index: Int, _ parse: (inout Parser) throws -> T) rethrows -> T {
        openers.append(index)
        defer { openers.removeLast() }
        return try parse(&self)
    }

    /// Keeps `error` to report. False when parsing must stop: it was `Stop`, or the cap is
    /// reached.
    mutating func record(_ error: any Error) -> Bool {
        if error is Stop { return false }
        if let diagnostic = error as? Diagnostic { diagnostics.append(diagnostic) }
        return diagnostics.count < Self.maxErrors
    }

    /// Moves past the rest of the statement that began at token `start` and failed at the
    /// cursor: to just after the next newline or `;` outside the brackets it opened, or to
    /// the `}` closing the block around it (`inBlock`), or to the end.
    ///
    /// Brackets are stepped over whole, as the lexer matched them, so a mistake deep inside
    /// a call or a closure skips all of it; inside a bracket that is never closed the lexer
    /// made no statement breaks, so the rest of the input goes, and its errors with it.
    private mutating func synchronize(from start: Int, inBlock: Bool) {
        let failedAt = current
        var index = start
        while index < tokens.count - 1 {
            switch tokens[index].kind {
            case .leftParen, .leftBracket, .leftBrace:
                if let closer = tokens[index].partner {
                    index = closer + 1
                    continue
                }
            case .newline, .semicolon:
                if index >= failedAt {
                    current = index + 1
                    return
                }
            case .rightBrace:
                if inBlock, index >= failedAt {
                    current = index
                    return
                }
            default:
                break
            }
            index += 1
        }
        current = tokens.count - 1
    }

    /// `synchronize`, then one token on if that went nowhere: whatever the input, each failed
    /// statement moves the parse forward.
    mutating func skipStatement(from start: Int, inBlock: Bool) {
        synchronize(from: start, inBlock: inBlock)
        if current <= start, start < tokens.count - 1 { current = start + 1 }
    }

    /// Every error found, in the order the text shows them, as one diagnostic: the first,
    /// carrying the rest as `furtherErrors`; nil when there were none.
    ///
    /// A bracket never closed counts where its absence was found, its first note (the lexer's
    /// errors are all found before the parser's, but belong among them by place): an object
    /// left open on line 3 comes before the function around it found unclosed at the end.
    var failure: Diagnostic? {
        guard !diagnostics.isEmpty else { return nil }
        func foundAt(_ diagnostic: Diagnostic) -> Int {
            diagnostic.notes.first?.location?.offset ?? diagnostic.location?.offset ?? 0
        }
        var errors = diagnostics.enumerated().sorted { a, b in
            let (x, y) = (foundAt(a.element), foundAt(b.element))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        if errors.count >= Self.maxErrors {
            errors.removeLast(errors.count - Self.maxErrors)
            errors[errors.count - 1].notes.append(Diagnostic.Note("too many errors; stopped after \(Self.maxErrors)"))
        }
        var first = errors.removeFirst()
        first.furtherErrors = errors
        return first
    }
}
