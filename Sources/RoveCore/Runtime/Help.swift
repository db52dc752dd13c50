// help(x): what a value is and what it offers, read from the tables its members are declared in.

extension Interpreter {
    /// The help `help(x)` shows for `value`: its type and the members, methods or parameters
    /// it offers, each with the one line its declaration carries. A string that names a builtin
    /// or a method (`help("map")`) is help about that name.
    public func help(for value: Value) throws -> HelpTopic {
        switch value {
        case .null:
            return HelpTopic(title: "nil", lines: [
                "The absence of a value: a field a document leaves out reads as nil.",
                "x?.y reads through nil, and x ?? fallback replaces it.",
            ])
        case .bool(let truth):
            return HelpTopic(title: "boolean \(truth)", lines: ["Only nil and false are falsy; &&, || and ! combine truths."])
        case .int(let number):
            return HelpTopic(title: "integer \(number)", lines: ["A 64-bit integer: + - * / % and comparisons; float(x) and str(x) convert it."])
        case .float(let number):
            return HelpTopic(title: "float \(Self.format(number))", lines: ["A 64-bit floating-point number; int(x) truncates it toward zero."])
        case .string(let text):
            if let topic = topic(named: text) { return topic }
            var lines = ["\(text.characterCount) character\(text.characterCount == 1 ? "" : "s")"]
            if let suggestion = Suggestion.nearest(to: text, in: helpNames) {
                lines.append("No builtin or method is named \(MemberSpelling.literal(text)); did you mean '\(suggestion)'?")
            }
            return HelpTopic(title: "string " + Self.preview(text), lines: lines,
                             sections: [HelpTopic.Section("Methods", Self.entries(StringMethods.table))])
        case .list(let items):
            return HelpTopic(title: "list of \(items.count) item\(items.count == 1 ? "" : "s")",
                             lines: ["Items are read with xs[i] (negative from the end); for x in xs walks them."],
                             sections: [HelpTopic.Section("Methods", Self.entries(ListMethods.table))])
        case .object(let fields):
            return HelpTopic(title: "object with \(fields.count) field\(fields.count == 1 ? "" : "s")",
                             lines: ["o.name and o[\"odd name\"] read a field (nil when absent); methods are called with parentheses."],
                             sections: [HelpTopic.Section("Fields", fields.keys.map { HelpTopic.Entry(name: $0) }),
                                        HelpTopic.Section("Methods", Self.entries(ObjectMethods.table))])
        case .function(let function):
            return help(for: function)
        case .host(let object):
            if let topic = try object.help(in: self) { return topic }
            return HelpTopic(title: "\(object.typeName) \(object.describe(in: self))",
                             sections: [HelpTopic.Section("Members", object.completions(in: self).map { HelpTopic.Entry(name: $0) })])
        }
    }

    /// What `help()` shows: the builtin functions, the functions written in Rove, and the
    /// objects defined now (the connections a host made, and the session's own).
    public func helpOverview() -> HelpTopic {
        var builtins: [HelpTopic.Entry] = []
        var functions: [HelpTopic.Entry] = []
        var objects: [HelpTopic.Entry] = []
        for name in globalNames {
            guard let value = global(name) else { continue }
            switch value {
            case .function(let function):
                if let builtin = function.builtin {
                    builtins.append(HelpTopic.Entry(name: name, doc: builtin.doc))
                } else if let code = function.code {
                    let signature = Self.signature(of: code, named: name)
                    let usage = signature.hasPrefix("fn ") ? String(signature.dropFirst(3)) : signature
                    let summary = Self.firstSentence(of: Self.comment(above: code))
                    functions.append(HelpTopic.Entry(name: name, doc: summary.isEmpty ? usage : usage + " — " + summary))
                }
            case .host(let object):
                objects.append(HelpTopic.Entry(name: name, doc: object.describe(in: self)))
            case .null, .bool, .int, .float, .string, .list, .object:
                break
            }
        }
        return HelpTopic(title: "Builtin functions and the globals defined now",
                         lines: ["help(x) says what x is and what it offers; help(\"name\") describes a builtin or method by name."],
                         sections: [HelpTopic.Section("Builtin functions", builtins),
                                    HelpTopic.Section("Functions written in Rove", functions),
                                    HelpTopic.Section("Objects", objects)])
    }

    /// The list methods that read their list, by name, for the help of host objects that
    /// answer them through their items (collections). The ones that change a list in place are
    /// left out: they cannot change a host object.
    public static var listMethodNames: [String] {
        ListMethods.table.filter { !Methods.mutatingNames.contains($0.name) }.map(\.name)
    }

    // MARK: Names

    /// Help about a builtin or method named `name`, or nil when nothing is.
    func topic(named name: String) -> HelpTopic? {
        if case .function(let function)? = global(name), function.builtin != nil { return help(for: function) }
        let tables: [(type: String, methods: [Method])] = [
            ("string", StringMethods.table), ("list", ListMethods.table), ("object", ObjectMethods.table),
        ]
        let sections = tables.compactMap { type, methods in
            methods.first { $0.name == name }.map { HelpTopic.Section("A method of \(type)s", Self.entries([$0])) }
        }
        guard !sections.isEmpty else { return nil }
        return HelpTopic(title: name, sections: sections)
    }

    /// Every name `help("name")` knows, for its "did you mean".
    private var helpNames: [String] {
        let methods = StringMethods.table + ListMethods.table + ObjectMethods.table
        return globalNames.filter { builtin(named: $0) != nil } + methods.map(\.name)
    }

    // MARK: Functions

    private func help(for function: Function) -> HelpTopic {
        if let builtin = function.builtin {
            guard let doc = builtin.doc else { return HelpTopic(title: "\(function.name)(…)", lines: ["A builtin function."]) }
            let (usage, description) = HelpTopic.split(doc, for: function.name)
            return HelpTopic(title: usage, lines: [description])
        }
        switch function.body {
        case .bound(let receiver, let method):
            let kind = "A method of \(receiver.typeName)s, bound to its receiver."
            guard let doc = method.doc else { return HelpTopic(title: method.name, lines: [kind]) }
            let (usage, description) = HelpTopic.split(doc, for: method.name)
            return HelpTopic(title: usage, lines: [description, kind])
        case .script(let code, _):
            let place = code.location.file.isBundled
                ? "Written in Rove, in \(code.location.file.name)."
                : "Defined at \(code.location.file.name):\(code.location.line)."
            return HelpTopic(title: Self.signature(of: code, named: function.name),
                             lines: Self.comment(above: code) + [place])
        case .native:
            return HelpTopic(title: "\(function.name)(…)", lines: ["A function the host provides."])
        }
    }

    /// `fn deploy(release, to environment, wait: …)`, or `{ a, b in … }` for a closure.
    static func signature(of code: CompiledFunction, named name: String) -> String {
        let parameters = code.parameters.map { parameter -> String in
            let hasDefault = parameter.defaultValue != nil
            switch parameter.label {
            case nil: return parameter.name + (hasDefault ? " = …" : "")
            case parameter.name?: return parameter.name + (hasDefault ? ": …" : ":")
            case let label?: return label + " " + parameter.name + (hasDefault ? " = …" : "")
            }
        }
        if code.isClosure {
            return parameters.isEmpty ? "closure { … }" : "closure { \(parameters.joined(separator: ", ")) in … }"
        }
        return "fn \(name)(\(parameters.joined(separator: ", ")))"
    }

    /// The comment lines just above a function's `fn`, without their `#`: its documentation.
    static func comment(above code: CompiledFunction) -> [String] {
        let file = code.location.file
        var lines: [String] = []
        var number = code.location.line - 1
        while number >= 1 {
            let text = file.text(ofLine: number).trimmingWhitespace()
            guard text.hasPrefix("#") else { break }
            lines.insert(String(text.dropFirst()).trimmingWhitespace(), at: 0)
            number -= 1
        }
        return lines.filter { !$0.isEmpty }
    }

    /// The first sentence of a comment, for a one-line listing.
    static func firstSentence(of lines: [String]) -> String {
        let text = lines.joined(separator: " ")
        let sentence = text.firstRange(of: ". ").map { String(text[..<$0.lowerBound]) + "." } ?? text
        return sentence.count > 72 ? String(sentence.prefix(71)) + "…" : sentence
    }

    // MARK: Helpers

    private static func entries(_ methods: [Method]) -> [HelpTopic.Entry] {
        methods.map { HelpTopic.Entry(name: $0.name, doc: $0.doc) }
    }

    /// A string as a literal, cut at 40 characters.
    private static func preview(_ text: String) -> String {
        guard text.count > 40 else { return MemberSpelling.literal(text) }
        return MemberSpelling.literal(String(text.prefix(40))) + "…"
    }
}
