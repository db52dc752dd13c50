// The REPL's own commands: lines that start with `:`, which no Rove statement can.

/// A command to the session rather than a line of Rove.
///
/// `:output FORMAT` switches how results print for the rest of the session, taking the names
/// `--output` takes; `:output` alone says which format is in use. Other `:` lines are left to
/// the parser (and its error), so the set of commands can grow without taking over anything.
enum SessionCommand: Equatable {
    /// `:output` with the format name given, if any.
    case output(String?)

    /// The command `line` spells, or nil when it is not one.
    init?(parsing line: String) {
        let words = line.split { $0 == " " || $0 == "\t" }
        guard let first = words.first else { return nil }
        switch first {
        case ":output":
            guard words.count <= 2 else { return nil }
            self = .output(words.count == 2 ? String(words[1]) : nil)
        default:
            return nil
        }
    }
}
