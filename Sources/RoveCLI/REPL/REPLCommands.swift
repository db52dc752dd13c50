// The REPL's own commands (`help`, `exit`, `quit`, `:output FORMAT`), the exit() and quit() builtins, and the orientation `help` shows.

import RoveCore
import RoveProviders

/// The REPL's own commands, in one table that parsing, the orientation and the docs read.
///
/// `help`, `exit` and `quit` are words the REPL answers itself when one is the whole entry, as
/// Python's REPL does with `exit`, also written with a leading colon (`:help`). A word counts
/// only while its name still means what the REPL gave it: after `let help = 3`, `help` is the
/// variable again. `:output FORMAT` takes an argument and always its colon, which no Rove
/// statement starts with; other `:` lines are left to the parser and its error, so the set of
/// commands can grow without taking over anything.
struct REPLCommand {
    enum Action {
        /// Shows the orientation: connections, how to explore, how to leave.
        case orient
        /// Ends the session, as Ctrl-D does.
        case end
        /// Switches how results print, or says how they print when no format is given.
        case chooseOutput
    }

    let name: String
    /// Whether the word alone, without its colon, is the command.
    let isBareWord: Bool
    /// What the optional argument stands for, in the orientation; nil when it takes none.
    let argument: String?
    let action: Action

    static let table = [
        REPLCommand(name: "help", isBareWord: true, argument: nil, action: .orient),
        REPLCommand(name: "exit", isBareWord: true, argument: nil, action: .end),
        REPLCommand(name: "quit", isBareWord: true, argument: nil, action: .end),
        REPLCommand(name: "output", isBareWord: false, argument: "FORMAT", action: .chooseOutput),
    ]

    /// The command `line` is and its argument, or nil when it is a line of Rove.
    static func command(for line: String, in interpreter: Interpreter) -> (command: REPLCommand, argument: String?)? {
        var words = line.split { $0 == " " || $0 == "\t" }
        guard let first = words.first, words.count <= 2 else { return nil }
        let hasColon = first.hasPrefix(":")
        let name = hasColon ? first.dropFirst() : first
        guard let command = table.first(where: { $0.name == name }), hasColon || command.isBareWord else { return nil }
        words.removeFirst()
        let argument = words.first.map(String.init)
        guard argument == nil || command.argument != nil else { return nil }
        // A bare word is the command only while the builtin still holds its name: help's is
        // RoveCore's, exit's and quit's the REPL's.
        if !hasColon, interpreter.global(command.name) != nil, interpreter.builtin(named: command.name)?.name != command.name {
            return nil
        }
        return (command, argument)
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
            (":output json", "results as JSON from now on (:output table goes back; :output alone says which)"),
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
