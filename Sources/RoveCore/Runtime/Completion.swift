// Tab completion: which names could finish the one being typed, from live values, and how to write them.

/// What Tab can put in place of the end of the text before the cursor.
///
/// Names that are not identifiers (`Authenticate_Azure AD`, `Reporting/DeploymentsCountedByWeek`)
/// complete in subscript form, so `octopus.Auth` becomes `octopus["Authenticate_Azure AD"]`:
/// `replaced` then includes the `.` before the name. Every candidate's `text` is valid Rove and
/// carries no raw control character, whatever the server named its links.
public struct Completion: Equatable {
    public struct Candidate: Equatable {
        /// The name itself: a global, keyword, member, key, or a label with its colon.
        public var name: String
        /// How it is listed: plain names as they are, others in subscript form, escaped.
        public var display: String
        /// What replaces `Completion.replaced` when this candidate is chosen.
        public var text: String

        public init(name: String, display: String, text: String) {
            self.name = name
            self.display = display
            self.text = text
        }
    }

    /// The text at the end of the input that a candidate replaces.
    public var replaced: String
    /// Sorted by name, without repeats.
    public var candidates: [Candidate]
    /// What one Tab puts in place of `replaced`: the only candidate; else the longest start
    /// every candidate shares, when it is longer than what was typed; else `replaced` itself.
    public var insertion: String

    public init(replaced: String, candidates: [Candidate], insertion: String) {
        self.replaced = replaced
        self.candidates = candidates
        self.insertion = insertion
    }

    public static let none = Completion(replaced: "", candidates: [], insertion: "")
}

extension Interpreter {
    /// What Tab offers at the end of `textBeforeCursor`: after a chain of names and a `.`, the
    /// members of the value the chain names (`octopus.Proj` offers `Projects`, `ProjectGroups`);
    /// inside `["`, its keys; inside a call, the callee's argument labels; otherwise keywords
    /// and globals. Member chains are read, never called.
    public func completion(for textBeforeCursor: String) -> Completion {
        guard let context = CompletionContext.reading(textBeforeCursor) else { return .none }
        let partial = context.partial
        var candidates: [Completion.Candidate] = []
        switch context.position {
        case .word:
            // `octopus.Tasks(sta` offers `states:`: a callee's labels, from its live value, beside
            // the names an argument could start with.
            if let (callee, typed) = Self.openCall(in: textBeforeCursor), typed == partial,
               case .host(let object)? = value(ofChain: callee) {
                for label in object.parameterCompletions(in: self) where label.hasPrefix(partial) && MemberSpelling.isPlain(label) {
                    candidates.append(.init(name: label + ":", display: label + ":", text: label + ":"))
                }
            }
            for name in Keyword.allCases.map(\.rawValue) + globalNames
            where name.hasPrefix(partial) && MemberSpelling.isPlain(name) {
                candidates.append(.init(name: name, display: name, text: name))
            }
        case .member(let optional):
            guard let value = value(at: context) else { return .none }
            for name in memberNames(of: value) where name.hasPrefix(partial) {
                // After `?.` only a plain name can follow: there is no `?.["…"]`.
                if optional && !MemberSpelling.isPlain(name) { continue }
                candidates.append(.init(name: name, display: MemberSpelling.display(name), text: MemberSpelling.member(name)))
            }
        case .key:
            guard let value = value(at: context) else { return .none }
            for name in memberNames(of: value) where name.hasPrefix(partial) {
                candidates.append(.init(name: name, display: MemberSpelling.display(name), text: MemberSpelling.bracketed(name)))
            }
        }
        var seen = Set<String>()
        candidates = candidates.filter { seen.insert($0.name).inserted }.sorted { $0.name < $1.name }
        return Completion(replaced: context.replaced, candidates: candidates,
                          insertion: Self.insertion(for: candidates, in: context))
    }

    /// The names `completion(for:)` offers, for hosts and tests that need only those.
    public func completions(for textBeforeCursor: String) -> [String] {
        completion(for: textBeforeCursor).candidates.map(\.name)
    }

    /// What one Tab inserts: see `Completion.insertion`. A shared start that is no plain name
    /// (`Authenticate_Azure `) is written as an open subscript (`["Authenticate_Azure `), which
    /// the next Tab reads as a key being typed.
    private static func insertion(for candidates: [Completion.Candidate], in context: CompletionContext) -> String {
        guard let first = candidates.first else { return context.replaced }
        if candidates.count == 1 { return first.text }
        var shared = Array(first.name.unicodeScalars)
        for candidate in candidates.dropFirst() {
            let scalars = Array(candidate.name.unicodeScalars)
            var length = 0
            while length < min(shared.count, scalars.count), shared[length] == scalars[length] { length += 1 }
            shared.removeLast(shared.count - length)
        }
        guard shared.count > context.partial.unicodeScalars.count else { return context.replaced }
        var prefix = ""
        prefix.unicodeScalars.append(contentsOf: shared)
        switch context.position {
        case .word:
            return prefix
        case .member:
            return MemberSpelling.isPlainPrefix(prefix) ? "." + prefix : "[\"" + MemberSpelling.escaped(prefix)
        case .key:
            return "[\"" + MemberSpelling.escaped(prefix)
        }
    }

    /// The value a context's chain names, read without calling anything.
    private func value(at context: CompletionContext) -> Value? {
        guard let root = context.root, var value = global(root) else { return nil }
        for step in context.steps {
            let next: Value?
            switch step {
            case .member(let name): next = try? memberForCompletion(of: value, name)
            case .index(let number): next = try? elementForCompletion(of: value, number)
            }
            guard let next else { return nil }
            value = next
        }
        return value
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

    /// The names a value offers after a dot: its fields, members and methods, and for a host
    /// object that can be iterated, the list methods it answers through its items.
    public func memberNames(of value: Value) -> [String] {
        switch value {
        case .object(let fields): return Array(fields.keys) + Array(Methods.object.keys)
        case .string: return Array(Methods.string.keys)
        case .list: return Array(Methods.list.keys)
        case .host(let object):
            let own = object.completions(in: self)
            let iterator = (try? object.makeIterator(in: self)) ?? nil
            return iterator == nil ? own : own + Self.listMethodNames
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

    /// `value[number]` for a list or a host object, as the chain `xs[0].Na` reads it.
    private func elementForCompletion(of value: Value, _ number: Int) throws -> Value? {
        switch value {
        case .list(let items):
            let position = number < 0 ? items.count + number : number
            return items.indices.contains(position) ? items[position] : nil
        case .host(let object): return try object.element(at: .int(number), in: self)
        case .null, .bool, .int, .float, .string, .object, .function: return nil
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
