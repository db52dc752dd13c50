// The builtin methods of objects. They are all calls: `o.name` without parentheses always
// reads the field `name` (nil when absent), so `o.keys()` is a method and `o.keys` a field.

enum ObjectMethods {
    static let table: [Method] = [
        method("count", doc: "count() — the number of fields") { fields, args in
            try args.expect(0)
            return .int(fields.count)
        },
        method("isEmpty", doc: "isEmpty() — whether it has no fields") { fields, args in
            try args.expect(0)
            return .bool(fields.isEmpty)
        },
        method("keys", doc: "keys() — the keys in order") { fields, args in
            try args.expect(0)
            return .list(fields.keys.map { .string($0) })
        },
        method("values", doc: "values() — the values in order") { fields, args in
            try args.expect(0)
            return .list(Array(fields.values))
        },
        method("contains", doc: "contains(key) — whether the key is present, even with a nil value") { fields, args in
            try args.expect(1)
            return .bool(fields[try args.string(0)] != nil)
        },
        // A new object with `other`'s fields added; `other` wins where both have a key.
        method("merge", doc: "merge(other) — a new object with other's fields added; other wins on a clash") { fields, args in
            try args.expect(1)
            var merged = fields
            for (key, value) in try args.object(0) { merged[key] = value }
            return .object(merged)
        },
        Method(mutating: "removeValue", doc: "removeValue(forKey: k) — removes k and returns its value, or nil (on a var)") { receiver, args in
            try args.expect(0...0, required: ["forKey"])
            let key = try args.requiredString(labelled: "forKey")
            guard case .object(var fields) = receiver else {
                throw Diagnostic(.type, "'removeValue' needs an object, got \(receiver.typeName)")
            }
            // Drop the receiver's reference so `fields` is uniquely owned and changes in place.
            receiver = .null
            defer { receiver = .object(fields) }
            return fields.removeValue(forKey: key) ?? .null
        },
    ]

    /// Declares a method whose receiver is an object.
    private static func method(_ name: String, doc: String, _ body: @escaping (Fields, Arguments) throws -> Value) -> Method {
        Method(name, doc: doc) { receiver, args in
            guard case .object(let fields) = receiver else {
                throw Diagnostic(.type, "'\(name)' needs an object, got \(receiver.typeName)")
            }
            return try body(fields, args)
        }
    }
}
