// Builtins about values themselves: printing, types, conversions, JSON, secrets.

enum CoreBuiltins {
    static let table: [Builtin] = [
        Builtin("print", doc: "print(a, b, …) — writes its arguments separated by spaces, then a newline; strings bare") { args in
            try args.expect(0...Int.max)
            let text = line(args)
            // Text cut short by an interrupt is never printed.
            try args.interpreter.checkpoint(at: nil)
            args.interpreter.host.standardOutput(text)
            return .null
        },
        // Diagnostics of a script's own, kept out of the data on standard output.
        Builtin("eprint", doc: "eprint(a, b, …) — as print, to standard error: notes and progress stay out of the data") { args in
            try args.expect(0...Int.max)
            args.interpreter.host.standardError(line(args))
            return .null
        },
        Builtin("type", doc: "type(x) — the name of x's type: nil, boolean, integer, float, string, list, object, function, or a host type") { args in
            try args.expect(1)
            return .string(args.values[0].typeName)
        },
        Builtin("str", doc: "str(x) — the text print shows: strings bare, other values as literals") { args in
            try args.expect(1)
            let text = args.interpreter.describe(args.values[0])
            try args.interpreter.checkpoint(at: nil)
            return .string(text)
        },
        Builtin("len", doc: "len(x) — a string's characters, a list's items, an object's fields, a collection's size",
                unary: { value, interpreter in .int(try length(value, interpreter)) }),
        Builtin("int", doc: "int(x, radix: 10) — an integer from a string, a float (toward zero) or a boolean") { args in
            try args.expect(1, labels: ["radix"])
            return .int(try integer(args))
        },
        Builtin("float", doc: "float(x) — a float from a string, an integer or a boolean") { args in
            try args.expect(1)
            return .float(try float(args))
        },
        Builtin("keys", doc: "keys(o) — an object's keys in order (a resource's through its data)") { args in
            try args.expect(1)
            return .list(try fields(args).keys.map { .string($0) })
        },
        Builtin("values", doc: "values(o) — an object's values in order") { args in
            try args.expect(1)
            return .list(Array(try fields(args).values))
        },
        Builtin("json", doc: "json(x, pretty: false) — JSON text; pretty: true indents by two spaces") { args in
            try args.expect(1, labels: ["pretty"])
            let pretty = try args.bool(labelled: "pretty", default: false)
            return .string(try args.interpreter.encodeJSON(args.values[0], pretty: pretty))
        },
        Builtin("parse", doc: "parse(text) — the value of a JSON document") { args in
            try args.expect(1)
            return try args.interpreter.decodeJSON(try args.string(0))
        },
        Builtin("secret", doc: "secret(text) — a secret: shown as ••• everywhere, sent only where a request needs it") { args in
            try args.expect(1)
            // `secret(env("KEY"))` is the idiom even where `env` already gives a secret.
            if case .host(let object) = args.values[0], object is Secret { return args.values[0] }
            return args.interpreter.makeSecret(try args.string(0))
        },
    ]

    /// What `print` and `eprint` write: the arguments as `str` shows them, separated by one
    /// space, then a newline.
    private static func line(_ args: Arguments) -> String {
        args.values.map { args.interpreter.describe($0) }.joined(separator: " ") + "\n"
    }

    /// `len(x)`: characters of a string, items of a list, fields of an object. A host object
    /// answers through its `count` member when it has one (a collection's total, one request)
    /// and otherwise by being iterated.
    private static func length(_ value: Value, _ interpreter: Interpreter) throws -> Int {
        // Only the errors need the arguments as a builtin's body sees them.
        var args: Arguments { Arguments(callee: "len", values: [value], interpreter: interpreter) }
        switch value {
        case .string(let s): return s.characterCount
        case .list(let items): return items.count
        case .object(let fields): return fields.count
        case .host(let object):
            if case .int(let count)? = try object.member("count", in: interpreter) { return count }
            if let iterator = try object.makeIterator(in: interpreter) {
                var count = 0
                while try iterator.next() != nil {
                    try interpreter.checkpoint(at: nil)
                    count += 1
                }
                return count
            }
            throw args.typeError(0, expected: "string, list or object")
        case .null, .bool, .int, .float, .function:
            throw args.typeError(0, expected: "string, list or object")
        }
    }

    /// `int(x)`: truncates floats toward zero, parses strings (optionally in `radix:`).
    private static func integer(_ args: Arguments) throws -> Int {
        switch args.values[0] {
        case .int(let i): return i
        case .float(let d):
            guard let i = Int(exactly: d.rounded(.towardZero)) else {
                throw Diagnostic(.value, "cannot convert \(Interpreter.format(d)) to an integer")
            }
            return i
        case .bool(let b): return b ? 1 : 0
        case .string(let s):
            let radix = try args.int(labelled: "radix", default: 10)
            guard (2...36).contains(radix) else {
                throw args.badArgument(args.index(ofLabel: "radix") ?? 1, "radix between 2 and 36 expected, got \(radix)")
            }
            guard let i = Int(s.trimmingWhitespace(), radix: radix) else {
                throw Diagnostic(.value, "cannot convert '\(s)' to an integer")
            }
            return i
        case .null, .list, .object, .function, .host:
            throw args.typeError(0, expected: "number, string or boolean")
        }
    }

    /// `float(x)`: widens integers, parses strings.
    private static func float(_ args: Arguments) throws -> Double {
        switch args.values[0] {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .string(let s):
            guard let d = Double(s.trimmingWhitespace()) else {
                throw Diagnostic(.value, "cannot convert '\(s)' to a float")
            }
            return d
        case .null, .list, .object, .function, .host:
            throw args.typeError(0, expected: "number, string or boolean")
        }
    }

    /// The fields `keys(x)` and `values(x)` read: an object's, or a host object's data form.
    private static func fields(_ args: Arguments) throws -> Fields {
        switch args.values[0] {
        case .object(let fields): return fields
        case .host(let object):
            if case .object(let fields)? = try object.data(in: args.interpreter) { return fields }
            throw args.typeError(0, expected: "object")
        case .null, .bool, .int, .float, .string, .list, .function:
            throw args.typeError(0, expected: "object")
        }
    }
}
