// What the providers add to a language they are installed in, besides `connect`: `expand` and their Rove helpers.

import RoveCore

/// The builtins and libraries every interpreter with providers gets; `Providers.init` installs
/// them, so a host that makes `Providers` needs nothing else.
enum ProviderLibrary {
    /// The providers' builtins, declared as a table like RoveCore's.
    static let builtins: [Builtin] = [
        Builtin("expand", doc: "expand(template, vars) — an RFC 6570 URI template expanded; nil variables drop out",
                ExpandBuiltin.expand),
    ]

    /// Defines `builtins` as globals of `interpreter` (scripts may shadow them), and makes the
    /// helpers written in Rove importable: `import "std/octopus.rove"`, `"std/deployhq.rove"`.
    static func install(in interpreter: Interpreter) {
        for builtin in builtins { interpreter.register(builtin) }
        for (name, source) in BundledSources.files {
            interpreter.bundle(library: name, source: source)
        }
    }
}
