// The names a piece of source mentions, read by the lexer alone: for hosts that screen text without running it.

extension SourceFile {
    /// Every identifier the text mentions, in code and in `\(...)` interpolations; keywords, the
    /// text of strings and comments are not names. Text that makes no token is stepped over, so
    /// an entry with a syntax error still gives the names around it.
    public var names: Set<String> {
        names(from: 0, to: bytes.count)
    }

    private func names(from start: Int, to end: Int) -> Set<String> {
        var lexer = Lexer(file: self, start: start, end: end)
        lexer.skipsErrors = true
        var names: Set<String> = []
        for token in lexer.tokenize() {
            if token.kind == .identifier { names.insert(token.name) }
            for part in token.parts {
                switch part {
                case .text: break
                case .interpolation(let start, let end): names.formUnion(self.names(from: start, to: end))
                }
            }
        }
        return names
    }
}
