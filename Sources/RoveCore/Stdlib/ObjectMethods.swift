// The builtin methods of objects. They are all calls: `o.name` without parentheses always
// reads the field `name` (nil when absent), so `o.keys()` is a method and `o.keys` a field.

enum ObjectMethods {
    static let table: [Method] = [
        method("count") { fields, args in
            try args.expect(0)
            return .int(fields.count)
        },
        method("isEmpty") { fields, args in
            try args.expect(0)
            return .bool(fields.isEmpty)
        },
        method("keys") { fields, args in
            try args.expect(0)
            return .list(fields.keys.map { .string($0) })
        },
        method("values") { fields, args in
            try args.expect(0)
            return .list(Array(fields.values))
        },
        method("contains") { fields, args in
            try args.expect(1)
            return .bool(fields[try args.string(0)] != nil)
        },
        // A new object with `other`'s fields added; `other` wins where both have a key.
        method("merge") { fields, args in
            try args.expect(1)
            var merged = fields
            for (key, value) in try args.object(0) { merged[key] = value }
            return .object(merged)
        },
        Method(mutating: "removeValue") { receiver, args in
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
    private static func method(_ name: String, _ body: @escaping (Fields, Arguments) throws -> Value) -> Method {
        Method(name) { receiver, args in
            guard case .object(let fields) = receiver else {
                throw Diagnostic(.type, "'\(name)' needs an object, got \(receiver.typeName)")
            }
            return try body(fields, args)
        }
    }
}
