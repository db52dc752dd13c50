// Builtins about values themselves: printing, types, conversions, JSON.

enum CoreBuiltins {
    static let table: [Builtin] = [
        Builtin("print") { args in
            try args.expect(0...Int.max)
            let text = args.values.map { args.interpreter.describe($0) }.joined(separator: " ")
            args.interpreter.host.standardOutput(text + "\n")
            return .null
        },
        Builtin("type") { args in
            try args.expect(1)
            return .string(args.values[0].typeName)
        },
        Builtin("str") { args in
            try args.expect(1)
            return .string(args.interpreter.describe(args.values[0]))
        },
    ]
}
