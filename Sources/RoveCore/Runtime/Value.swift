// The values a Rove program computes with.

/// A Rove value. Lists and objects have value semantics, copy-on-write behind one reference
/// (`List`, `Fields`): `var ys = xs; ys.append(1)` leaves `xs` alone.
public enum Value {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list(List)
    case object(Fields)
    case function(Function)
    /// Anything the embedding layer provides: resources, collections, ranges, errors, secrets.
    case host(any HostObject)

    /// Only `nil` and `false` are falsy.
    @inline(__always)
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int, .float, .string, .list, .object, .function, .host: return true
        }
    }

    /// The name `type(x)` returns and argument errors use: `integer`, `string`, `Resource`, ...
    public var typeName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "boolean"
        case .int: return "integer"
        case .float: return "float"
        case .string: return "string"
        case .list: return "list"
        case .object: return "object"
        case .function: return "function"
        case .host(let object): return object.typeName
        }
    }
}

extension Value: Equatable {
    /// Structural equality for lists and objects; integers and floats compare by value;
    /// functions by identity; host objects through `HostObject.isEqual(to:)`.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a == b
        case let (.int(a), .float(b)): return Double(a) == b
        case let (.float(a), .int(b)): return a == Double(b)
        case let (.string(a), .string(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case let (.object(a), .object(b)):
            // Key order does not matter for equality, only membership and values.
            guard a.count == b.count else { return false }
            for (key, value) in a { guard let other = b[key], other == value else { return false } }
            return true
        case let (.function(a), .function(b)): return a === b
        case let (.host(a), .host(b)): return a === b || a.isEqual(to: b)
        case (.null, _), (.bool, _), (.int, _), (.float, _), (.string, _), (.list, _),
             (.object, _), (.function, _), (.host, _):
            return false
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
}
