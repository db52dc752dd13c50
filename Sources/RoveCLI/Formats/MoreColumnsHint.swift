// The line under a table that says which fields it leaves out and how to see them.

/// `(27 more columns: SpaceId, Slug, …; pick with select(…), all with :output json)`, cut to the
/// width by leaving out whole names and then whole clauses, never in the middle of a word.
enum MoreColumnsHint {
    /// Where the table is read, which decides the way to see everything the hint names.
    enum Audience {
        /// The REPL: `:output json` switches the session's format.
        case repl
        /// A command line: `--output json`.
        case commandLine

        var showsAll: String {
            switch self {
            case .repl: return ":output json"
            case .commandLine: return "--output json"
            }
        }
    }

    /// The width the hint keeps to when the table has none (output that is not a terminal).
    static let widthWithoutTerminal = 100

    /// The hint for `hidden` fields, at most `width` columns wide; nil when nothing is hidden
    /// or not even the shortest form fits.
    static func line(hidden: [String], width: Int?, audience: Audience) -> String? {
        guard !hidden.isEmpty else { return nil }
        let room = width ?? widthWithoutTerminal
        let count = "\(hidden.count) more column\(hidden.count == 1 ? "" : "s")"
        let ways = [
            "; pick with select(…), all with \(audience.showsAll))",
            "; \(audience.showsAll) shows all)",
            ")",
        ]
        for way in ways {
            let plain = "(" + count + way
            guard TextWidth.of(plain) <= room else { continue }
            return withNames(hidden, around: (count, way), room: room) ?? plain
        }
        let shortest = "(+\(hidden.count))"
        return TextWidth.of(shortest) <= room ? shortest : nil
    }

    /// The hint with as many whole names as fit, or nil when not even one does.
    private static func withNames(_ hidden: [String], around parts: (count: String, way: String), room: Int) -> String? {
        var names: [String] = []
        var best: String?
        for name in hidden {
            names.append(CellText.singleLine(name))
            let more = names.count < hidden.count ? ", …" : ""
            let candidate = "(" + parts.count + ": " + names.joined(separator: ", ") + more + parts.way
            guard TextWidth.of(candidate) <= room else { break }
            best = candidate
        }
        return best
    }
}
