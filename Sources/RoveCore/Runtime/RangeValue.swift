// Integer ranges, `a..<b` and `a...b`: lazy, so `for i in 0..<3_000_000` allocates nothing.

/// A half-open integer range; `a...b` is stored as `a..<b+1`.
public final class RangeValue: HostObject {
    public let lower: Int
    public let upper: Int
    /// Whether it was written `a...b`, so it prints the way it was written.
    public let isClosed: Bool

    public init(lower: Int, upper: Int, isClosed: Bool = false) {
        self.lower = lower
        self.upper = max(lower, upper)
        self.isClosed = isClosed && upper > lower
    }

    public var typeName: String { "range" }
    public var count: Int { upper - lower }

    func contains(_ value: Value) -> Bool {
        switch value {
        case .int(let i): return i >= lower && i < upper
        case .float(let d): return d == d.rounded() && d >= Double(lower) && d < Double(upper)
        case .null, .bool, .string, .list, .object, .function, .host: return false
        }
    }

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        switch name {
        case "count": return .int(count)
        case "isEmpty": return .bool(count == 0)
        case "lower": return .int(lower)
        case "upper": return .int(upper)
        case "first": return count > 0 ? .int(lower) : .null
        case "last": return count > 0 ? .int(upper - 1) : .null
        default: return nil
        }
    }

    public func element(at key: Value, in interpreter: Interpreter) throws -> Value? {
        guard case .int(var index) = key else { return nil }
        if index < 0 { index += count }
        guard index >= 0, index < count else {
            throw Diagnostic(.index, "index \(interpreter.repr(key)) out of range for range of \(count) items")
        }
        return .int(lower + index)
    }

    public func makeIterator(in interpreter: Interpreter) throws -> (any HostIterator)? {
        SequenceIterator((lower..<upper).lazy.map { Value.int($0) }.makeIterator())
    }

    public func isEqual(to other: any HostObject) -> Bool {
        guard let other = other as? RangeValue else { return false }
        return lower == other.lower && upper == other.upper
    }

    public func describe(in interpreter: Interpreter) -> String {
        isClosed ? "\(lower)...\(upper - 1)" : "\(lower)..<\(upper)"
    }

    public func data(in interpreter: Interpreter) throws -> Value? { .list((lower..<upper).map { .int($0) }) }

    public func completions(in interpreter: Interpreter) -> [String] {
        ["count", "isEmpty", "lower", "upper", "first", "last"]
    }
}
