// The order `sort`, `sortBy`, `min` and `max` put values in.

enum ValueOrdering {
    /// Compares `a` with `b`: negative when `a` sorts first, zero when equal, positive after.
    ///
    /// Numbers compare by value (integers and floats mix), strings in Unicode order, lists
    /// element by element (so `sortBy { [$0.Environment, $0.Version] }` sorts on two keys).
    /// Anything else, or two values of different kinds, is a `type` error: a mixed list has no
    /// order a reader could predict.
    static func compare(_ a: Value, _ b: Value) throws -> Int {
        switch (a, b) {
        case let (.int(x), .int(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.int(x), .float(y)): return compare(Double(x), y)
        case let (.float(x), .int(y)): return compare(x, Double(y))
        case let (.float(x), .float(y)): return compare(x, y)
        case let (.string(x), .string(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.list(x), .list(y)):
            for (left, right) in zip(x, y) {
                let order = try compare(left, right)
                if order != 0 { return order }
            }
            return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
        case (.null, _), (.bool, _), (.int, _), (.float, _), (.string, _), (.list, _),
             (.object, _), (.function, _), (.host, _):
            throw Diagnostic(.type, "cannot compare \(a.typeName) and \(b.typeName)")
        }
    }

    /// Whether `a` sorts before `b`.
    static func less(_ a: Value, _ b: Value) throws -> Bool {
        try compare(a, b) < 0
    }

    private static func compare(_ x: Double, _ y: Double) -> Int {
        x < y ? -1 : (x == y ? 0 : 1)
    }
}
