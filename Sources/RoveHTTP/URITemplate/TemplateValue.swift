// The values RFC 6570 expands: strings, lists of strings and ordered associative arrays.

/// A variable's value for `URITemplate.expand`. A variable that is absent from the dictionary is
/// undefined and drops out of the expansion, as RFC 6570 §2.3 requires.
public enum TemplateValue: Sendable {
    /// A single value; numbers and booleans are passed as their text.
    case string(String)
    /// A list of values; an empty list counts as undefined.
    case list([String])
    /// Name/value pairs in the order given (RFC 6570 "associative array"); an empty one counts
    /// as undefined. Pairs whose value is undefined must be left out by the caller.
    case associative([(String, String)])

    /// RFC 6570 §2.3: empty lists and associative arrays are undefined; an empty string is not.
    var isDefined: Bool {
        switch self {
        case .string: return true
        case .list(let items): return !items.isEmpty
        case .associative(let pairs): return !pairs.isEmpty
        }
    }

    /// How errors name the kind of value, as scripts know it: `a list`, `an object`.
    var kindName: String {
        switch self {
        case .string: return "a string"
        case .list: return "a list"
        case .associative: return "an object"
        }
    }
}

extension TemplateValue: Equatable {
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case let (.associative(a), .associative(b)):
            // Order matters: it decides the order of the expanded pairs.
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.string, _), (.list, _), (.associative, _):
            return false
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: String...) { self = .list(elements) }
    /// Keeps the literal's order, which a Swift `Dictionary` would lose.
    public init(dictionaryLiteral elements: (String, String)...) { self = .associative(elements) }
}
