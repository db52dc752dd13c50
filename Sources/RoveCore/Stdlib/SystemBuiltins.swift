// Builtins that reach the host: files, environment, clock.

enum SystemBuiltins {
    static let table: [Builtin] = [
        Builtin("now", doc: "now() — seconds since 1970, as a float") { args in
            try args.expect(0)
            return .float(args.interpreter.host.now())
        },
        Builtin("sleep", doc: "sleep(seconds) — pauses; fractions allowed") { args in
            try args.expect(1)
            let seconds = try args.number(0)
            guard seconds >= 0, seconds.isFinite else {
                throw args.badArgument(0, "non-negative number expected, got \(args.interpreter.repr(args.values[0]))")
            }
            let interpreter = args.interpreter
            // Never past the run's time limit, whether or not the host's sleep watches it.
            interpreter.host.sleep(min(seconds, interpreter.secondsLeft ?? seconds))
            // A host's sleep returns early on Ctrl-C or at the deadline; the script must stop
            // there, not carry on.
            try interpreter.checkpoint()
            return .null
        },
        Builtin("env", doc: "env(name) — an environment variable, nil when unset; credentials come back as secrets") { args in
            try args.expect(1)
            let name = try args.string(0)
            try args.interpreter.policy.checkEnvironment(name)
            let host = args.interpreter.host
            guard let value = host.environment[name] else { return .null }
            return host.secretVariables.contains(name) ? args.interpreter.makeSecret(value) : .string(value)
        },
        // The host's closures throw `io` diagnostics naming the path; they pass through untouched.
        // Under a policy that restricts files they are given the resolved path that was checked.
        Builtin("readFile", doc: "readFile(path) — a whole file as text") { args in
            try args.expect(1)
            let interpreter = args.interpreter
            let path = try interpreter.policy.check(.read, path: try args.string(0), resolve: interpreter.host.resolvePath)
            return .string(try interpreter.host.readFile(path))
        },
        Builtin("writeFile", doc: "writeFile(path, text) — writes (replaces) a whole file") { args in
            try args.expect(2)
            let interpreter = args.interpreter
            let text = try args.string(1)
            let path = try interpreter.policy.check(.write, path: try args.string(0), resolve: interpreter.host.resolvePath)
            try interpreter.host.writeFile(path, text)
            return .null
        },
    ]
}
