// What `help(x)` shows: a title, a few lines, and sections of names with one-line descriptions.

/// The help of one value, built from the tables its members are declared in and rendered the
/// same way for every kind of value. Host objects give theirs with `HostObject.help(in:)`.
public struct HelpTopic {
    /// One name in a section. `doc` is one line, `usage — description` when it starts with
    /// how the name is used (`take(n) — the first n items`); a name without a doc is listed
    /// among the others on shared lines.
    public struct Entry {
        public var name: String
        public var doc: String?

        public init(name: String, doc: String? = nil) {
            self.name = name
            self.doc = doc
        }
    }

    public struct Section {
        public var heading: String
        public var entries: [Entry]

        public init(_ heading: String, _ entries: [Entry]) {
            self.heading = heading
            self.entries = entries
        }
    }

    /// The first line: what the value is (`Collection Projects`, `len(x)`).
    public var title: String
    /// Lines of prose under the title.
    public var lines: [String]
    public var sections: [Section]

    public init(title: String, lines: [String] = [], sections: [Section] = []) {
        self.title = title
        self.lines = lines
        self.sections = sections
    }

    /// A section lists at most this many names, then says how many more there are: a server
    /// may send thousands of links, and help is for reading.
    public static let maximumEntries = 200
    /// Shared lines of names wrap before this column.
    static let width = 80
    /// Usages longer than this do not widen the column descriptions start at.
    static let widestUsage = 28

    /// The topic as text, ending in a newline. Names are spelled as source writes them
    /// (`["Odd name"]`) and everything from outside is made printable, so no server-sent text
    /// reaches the terminal raw.
    public var text: String {
        var out = MemberSpelling.printable(title) + "\n"
        for line in lines { out += "  " + MemberSpelling.printable(line) + "\n" }
        for section in sections where !section.entries.isEmpty {
            out += "\n" + MemberSpelling.printable(section.heading) + ":\n"
            let shown = section.entries.prefix(Self.maximumEntries)
            let documented = shown.map { entry in entry.doc.map { Self.split($0, for: entry.name) } }
            if documented.allSatisfy({ $0 == nil }) {
                out += Self.wrapped(shown.map { MemberSpelling.display($0.name) })
            } else {
                let column = min(Self.widestUsage, documented.map { $0?.usage.count ?? 0 }.max() ?? 0)
                for (entry, doc) in zip(shown, documented) {
                    let usage = doc?.usage ?? MemberSpelling.display(entry.name)
                    var line = "  " + usage
                    if let description = doc?.description, !description.isEmpty {
                        line += String(repeating: " ", count: max(2, column + 2 - usage.count)) + description
                    }
                    out += line + "\n"
                }
            }
            if section.entries.count > shown.count {
                out += "  … and \(section.entries.count - shown.count) more\n"
            }
        }
        return out
    }

    /// `doc` as a usage and a description: `take(n) — the first n items` when the doc starts
    /// with the name, else the name spelled as source writes it and the whole doc.
    static func split(_ doc: String, for name: String) -> (usage: String, description: String) {
        let doc = MemberSpelling.printable(doc)
        guard doc.hasPrefix(name) else { return (MemberSpelling.display(name), doc) }
        if let dash = doc.firstRange(of: " — ") {
            return (String(doc[..<dash.lowerBound]), String(doc[dash.upperBound...]))
        }
        // A usage alone (`mine()`), or prose that happens to start with the name.
        let after = doc.dropFirst(name.count)
        return after.isEmpty || after.hasPrefix("(") ? (doc, "") : (MemberSpelling.display(name), doc)
    }

    /// Names on shared lines, indented, each line shorter than `width` where the names allow.
    private static func wrapped(_ names: [String]) -> String {
        var out = ""
        var line = " "
        for (index, name) in names.enumerated() {
            let piece = " " + name + (index < names.count - 1 ? "," : "")
            if line.count + piece.count > width, line.count > 1 {
                out += line + "\n"
                line = " "
            }
            line += piece
        }
        return out + line + "\n"
    }
}
