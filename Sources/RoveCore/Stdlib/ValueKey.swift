// A hashable stand-in for a value, so `unique()` and `groupBy` stay linear on large lists.

/// The hashable form of a scalar value. Integers and integral floats share a key because
/// `1 == 1.0` in Rove; lists, objects, functions and host objects have none and fall back to
/// comparing with `==`.
enum ValueKey: Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)

    init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d):
            if let exact = Int(exactly: d) { self = .int(exact) } else { self = .float(d) }
        case .string(let s): self = .string(s)
        case .list, .object, .function, .host: return nil
        }
    }
}
