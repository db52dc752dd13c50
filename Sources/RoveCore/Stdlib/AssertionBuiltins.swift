// `assert` and `assertEqual`: checks that fail with an `assertion` error showing what was found.

enum AssertionBuiltins {
    static let table: [Builtin] = [
        // `message:` as a label too: the prelude's `assert` took it that way, and scripts do.
        Builtin("assert", doc: "assert(condition, message) — an assertion error, with the message, unless the condition holds") { args in
            try args.expect(1...2, labels: ["message"])
            guard !args.values[0].isTruthy else { return .null }
            var message = "assertion failed"
            if args.values.count > 1 {
                let detail = args.values[1]
                if case .string(let text) = detail { message = text } else { message = args.interpreter.describe(detail) }
            }
            throw Diagnostic(.assertion, message)
        },
        Builtin("assertEqual", arity: 2, doc: "assertEqual(actual, expected) — an assertion error showing both, unless they are equal") { args in
            let actual = args.values[0], expected = args.values[1]
            guard actual != expected else { return .null }
            let interpreter = args.interpreter
            var diagnostic = Diagnostic(.assertion, "assertEqual failed: expected \(interpreter.repr(expected)), got \(interpreter.repr(actual))")
            // A catching script (or a host) may compare them itself.
            diagnostic.fields["actual"] = actual
            diagnostic.fields["expected"] = expected
            throw diagnostic
        },
    ]
}
