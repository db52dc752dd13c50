// The REPL's own words: `help`, `exit` and `quit` typed alone, the exit() and quit() builtins, and the orientation `help` shows.

import RoveCore
import RoveProviders

/// A word the REPL answers itself when it is the whole entry, as Python's REPL does with
/// `exit`: `help`, `exit`, `quit`, also written with a leading colon (`:help`, `:q` is not one).
///
/// A word counts only while its name still means what the REPL gave it: after `let help = 3`,
/// `help` is the variable again.
struct REPLCommand {
    enum Action {
        /// Shows the orientation: connections, how to explore, how to leave.
        case orient
        /// Ends the session, as Ctrl-D does.
        case end
    }

    let name: String
    let action: Action

    static let table = [
        REPLCommand(name: "help", action: .orient),
        REPLCommand(name: "exit", action: .end),
        REPLCommand(name: "quit", action: .end),
    ]

    /// The command `entry` is, when it is one of the words alone on the line.
    static func command(for entry: String, in interpreter: Interpreter) -> REPLCommand? {
        var word = Substring(entry).drop(while: \.isWhitespace)
        while word.last?.isWhitespace == true { word.removeLast() }
        if word.hasPrefix(":") { word.removeFirst() }
        guard let command = table.first(where: { $0.name == word }) else { return nil }
        // The builtin still holds the name: help's is RoveCore's, exit's and quit's the REPL's.
        guard interpreter.global(command.name) == nil || interpreter.builtin(named: command.name)?.name == command.name else {
            return nil
        }
        return command
    }

    /// `exit()` and `quit()`: the session ends when the entry that calls them stops. They
    /// stop it at once, with an interrupt that no `try` catches, and `ending` tells the REPL
    /// the stop was asked for.
    static func builtins(ending: @escaping () -> Void) -> [Builtin] {
        ["exit", "quit"].map { name in
            Builtin(name, arity: 0, doc: "\(name)() — ends the session, as Ctrl-D does") { _ in
                ending()
                throw Diagnostic(.interrupted, "the session is ending")
            }
        }
    }

    /// What `help` shows: the session's connections, how to explore them, how to leave.
    static func orientation(for interpreter: Interpreter) -> String {
        // The connections `rove` configures, then any a script opened with `connect(…)`.
        var names = ["octopus", "deployhq", "root"].filter { interpreter.global($0) != nil }
        for name in interpreter.globalNames where name != "_" && !names.contains(name) {
            if case .host(let object)? = interpreter.global(name), object is OctopusRoot || object is DeployHQRoot {
                names.append(name)
            }
        }
        var connections: [(String, String)] = names.map { name in
            (name, interpreter.global(name).map { interpreter.describe($0) } ?? "")
        }
        if connections.isEmpty {
            connections = [("none", "set OCTOPUS_URL and OCTOPUS_API_KEY, use a profile, or run 'rove --demo'")]
        }
        let example = names.first ?? "octopus"
        let exploring = [
            ("\(example).<Tab>", "lists the members; type a few letters and Tab again to complete"),
            ("help(x)", "what x is and what it offers: help(len), help(\(example))"),
            ("help()", "every builtin function, and the globals defined now"),
            ("_", "the last result"),
            (":output json", "results as JSON from now on (:output table goes back)"),
        ]
        return "Rove \(Help.version), a shell for deployment APIs.\n\nConnections:\n" + columns(connections)
            + "\nExploring:\n" + columns(exploring)
            + "\nCtrl-C stops a running entry; exit, quit or Ctrl-D ends the session.\n"
    }

    /// Two columns, the second aligned; text from outside made printable.
    private static func columns(_ rows: [(String, String)]) -> String {
        let width = (rows.map { $0.0.count }.max() ?? 0) + 2
        return rows.map { left, right in
            "  " + MemberSpelling.printable(left) + String(repeating: " ", count: width - left.count)
                + MemberSpelling.printable(right) + "\n"
        }.joined()
    }
}
