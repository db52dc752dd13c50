// Builtins that reach the host: files, environment, arguments, clock.

enum SystemBuiltins {
    static let table: [Builtin] = [
        Builtin("now") { args in
            try args.expect(0)
            return .float(args.interpreter.host.now())
        },
    ]
}
