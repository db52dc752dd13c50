// The `expand(template, vars)` builtin: RFC 6570 expansion of script values, over RoveHTTP's URI templates.

import RoveCore
import RoveHTTP

/// Script values as URI template variables: for `expand`, and for link calls such as
/// `octopus.Tasks(states: "Failed")`.
enum ExpandBuiltin {
    /// `expand("/projects{/id}{?name}", {id: "Projects-1"})` → `"/projects/Projects-1"`.
    ///
    /// Fields that are `nil` are undefined and drop out; numbers and booleans expand as their
    /// text; lists and objects expand as RFC 6570 lists and associative arrays.
    static func expand(_ args: Arguments) throws -> Value {
        try args.expect(2)
        let text = try args.string(0)
        let fields = try args.object(1)
        var variables: [String: TemplateValue] = [:]
        for (name, value) in fields {
            variables[name] = try templateValue(value, named: name, argument: 1, args)
        }
        do {
            return .string(try URITemplate(text).expand(variables))
        } catch {
            throw Diagnostic(.value, error.description)
        }
    }

    /// The RFC 6570 form of variable `name`, given as argument `index` of `args`, or nil when it
    /// is undefined.
    static func templateValue(_ value: Value, named name: String, argument index: Int,
                                     _ args: Arguments) throws -> TemplateValue? {
        switch value {
        case .null:
            return nil
        case .bool, .int, .float, .string:
            return try scalarText(value, describedAs: "variable '\(name)'", argument: index, args).map(TemplateValue.string)
        case .list(let items):
            var strings: [String] = []
            for item in items {
                // A nil item is undefined like a nil variable: it drops out of the list.
                if let text = try scalarText(item, describedAs: "an item of '\(name)'", argument: index, args) { strings.append(text) }
            }
            return .list(strings)
        case .object(let fields):
            var pairs: [(String, String)] = []
            for (key, item) in fields {
                // RFC 6570 §2.3: a pair whose value is undefined is left out.
                if let text = try scalarText(item, describedAs: "field '\(key)' of '\(name)'", argument: index, args) { pairs.append((key, text)) }
            }
            return .associative(pairs)
        case .function, .host:
            // Host objects include secrets: a URL is no place for one, so they are refused, not shown.
            throw args.badArgument(index, "variable '\(name)' is \(article(value.typeName)); expected a string, number, boolean, list or object")
        }
    }

    /// The text of a string, number or boolean; nil for `nil`. RFC 6570 has no nesting, so a
    /// list or object inside a variable is an error rather than a guess at a flattening.
    private static func scalarText(_ value: Value, describedAs place: String, argument index: Int,
                                   _ args: Arguments) throws -> String? {
        switch value {
        case .null: return nil
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .float: return args.interpreter.describe(value)  // as `print` shows it: 2.0, 37.76
        case .string(let text): return text
        case .list, .object, .function, .host:
            throw args.badArgument(index, "\(place) is \(article(value.typeName)); expected a string, number or boolean")
        }
    }

    /// `an object`, `a list`, `a Resource`: type names read as nouns in the messages above.
    private static func article(_ typeName: String) -> String {
        let startsWithVowel = typeName.first.map { "aeiouAEIOU".contains($0) } ?? false
        return (startsWithVowel ? "an " : "a ") + typeName
    }
}
