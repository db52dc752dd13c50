// The `help` builtin: help(x) in scripts and at the REPL, written through the host's output.

enum HelpBuiltins {
    static let table: [Builtin] = [
        Builtin("help", arity: 0...1,
                doc: "help(x) — what x is and what it offers: members, methods, parameters; help() lists the builtins") { args in
            let interpreter = args.interpreter
            let topic = args.count == 0 ? interpreter.helpOverview() : try interpreter.help(for: args.values[0])
            // Text cut short by an interrupt is never printed, as with `print`.
            try interpreter.checkpoint(at: nil)
            interpreter.host.standardOutput(topic.text(width: interpreter.host.outputWidth()))
            return .null
        },
    ]
}
