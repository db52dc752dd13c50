// Tab completion: which words could finish the name being typed, from live values.

extension Interpreter {
    /// Candidate words for the name at the end of `textBeforeCursor`: the part after the last
    /// `.` when it follows a chain of names (`octopus.Proj` offers `Projects`, `ProjectGroups`),
    /// otherwise keywords and globals. Member chains are read, never called.
    public func completions(for textBeforeCursor: String) -> [String] {
        // `octopus.Tasks(sta` offers `states:`: a callee's labels, from its live value, beside
        // the names an argument could start with.
        var labels: [String] = []
        if let (callee, partial) = Self.openCall(in: textBeforeCursor),
           case .host(let object)? = value(ofChain: callee) {
            labels = object.parameterCompletions(in: self).map { $0 + ":" }.filter { $0.hasPrefix(partial) }
        }
        let chain = Self.trailingChain(of: textBeforeCursor)
        var components = chain.split(separator: ".", omittingEmptySubsequences: false).map {
            $0.hasSuffix("?") ? String($0.dropLast()) : String($0)
        }
        let partial = components.removeLast()
        let candidates: [String]
        if components.isEmpty {
            candidates = Keyword.allCases.map(\.rawValue) + globalNames
        } else {
            guard let base = global(components[0]) else { return [] }
            var value = base
            for name in components.dropFirst() {
                guard !name.isEmpty, let next = try? memberForCompletion(of: value, name) else { return [] }
                value = next
            }
            candidates = memberNames(of: value)
        }
        return Array(Set(labels + candidates.filter { $0.hasPrefix(partial) && $0 != partial || partial.isEmpty })).sorted()
    }

    /// The value a chain such as `octopus.Tasks` names, read without calling anything.
    private func value(ofChain chain: String) -> Value? {
        let components = chain.split(separator: ".", omittingEmptySubsequences: false).map {
            $0.hasSuffix("?") ? String($0.dropLast()) : String($0)
        }
        guard let first = components.first, var value = global(first) else { return nil }
        for name in components.dropFirst() {
            guard !name.isEmpty, let next = try? memberForCompletion(of: value, name) else { return nil }
            value = next
        }
        return value
    }

    /// When the cursor is at an argument label of an unclosed call (`f(a: 1, pa`), the callee's
    /// chain and the partial label; nil otherwise.
    public static func openCall(in text: String) -> (callee: String, partial: String)? {
        let characters = Array(text)
        var end = characters.count
        while end > 0, characters[end - 1].isLetter || characters[end - 1].isNumber || characters[end - 1] == "_" { end -= 1 }
        let partial = String(characters[end...])
        var before = end
        while before > 0, characters[before - 1] == " " { before -= 1 }
        guard before > 0, characters[before - 1] == "(" || characters[before - 1] == "," else { return nil }
        // Find the unclosed `(` this argument list belongs to.
        var depth = 0
        var index = before - 1
        while index >= 0 {
            switch characters[index] {
            case ")", "]", "}": depth += 1
            case "[", "{": depth -= 1
            case "(":
                if depth == 0 {
                    let callee = trailingChain(of: String(characters[..<index]))
                    return callee.isEmpty || callee.hasSuffix(".") ? nil : (callee, partial)
                }
                depth -= 1
            default: break
            }
            if depth < 0 { return nil }
            index -= 1
        }
        return nil
    }

    /// The names a value offers after a dot.
    public func memberNames(of value: Value) -> [String] {
        switch value {
        case .object(let fields): return Array(fields.keys) + Array(Methods.object.keys)
        case .string: return Array(Methods.string.keys)
        case .list: return Array(Methods.list.keys)
        case .host(let object): return object.completions(in: self)
        case .null, .bool, .int, .float, .function: return []
        }
    }

    /// Reads a member without calling a method: completion must not have side effects.
    private func memberForCompletion(of value: Value, _ name: String) throws -> Value? {
        switch value {
        case .object(let fields): return fields[name]
        case .host(let object): return try object.member(name, in: self)
        case .string, .list:
            guard let method = Methods.table(for: value)?[name], method.isProperty else { return nil }
            return try member(of: value, name, at: SourceLocation(file: SourceFile(name: "<completion>", text: ""), offset: 0))
        case .null, .bool, .int, .float, .function: return nil
        }
    }

    /// The run of name characters, dots and `?` at the end of `text`.
    static func trailingChain(of text: String) -> String {
        var chain: [Character] = []
        for character in text.reversed() {
            guard character.isLetter || character.isNumber || character == "_" || character == "$"
                || character == "." || character == "?" else { break }
            chain.append(character)
        }
        return String(chain.reversed())
    }
}
