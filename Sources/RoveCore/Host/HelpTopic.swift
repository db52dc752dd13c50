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
    /// Shared lines of names wrap before this column when no width is given.
    static let width = 80
    /// Descriptions never wrap narrower than this, however narrow the window: a word a line
    /// reads worse than a line the terminal wraps.
    static let narrowestDescription = 24
    /// Usages longer than this do not widen the column descriptions start at.
    static let widestUsage = 28

    /// The topic as text, each description on one line: for a log or a pipe, where a reader
    /// searches lines rather than reads a screen.
    public var text: String { text(width: nil) }

    /// The topic as text, ending in a newline, its descriptions wrapped to `width` columns when
    /// a width is given (a terminal's). Names are spelled as source writes them (`["Odd name"]`)
    /// and everything from outside is made printable, so no server-sent text reaches the
    /// terminal raw.
    public func text(width: Int?) -> String {
        var out = MemberSpelling.printable(title) + "\n"
        for line in lines { out += Self.wrapped(MemberSpelling.printable(line), indent: 2, width: width) }
        for section in sections where !section.entries.isEmpty {
            out += "\n" + MemberSpelling.printable(section.heading) + ":\n"
            let shown = section.entries.prefix(Self.maximumEntries)
            let documented = shown.map { entry in entry.doc.map { Self.split($0, for: entry.name) } }
            if documented.allSatisfy({ $0 == nil }) {
                out += Self.wrapped(shown.map { MemberSpelling.display($0.name) }, width: width ?? Self.width)
            } else {
                // Usages too wide for the column have their descriptions below them, so they
                // do not widen it for the rest.
                let column = documented.compactMap { $0?.usage.count }.filter { $0 <= Self.widestUsage }.max() ?? 0
                for (entry, doc) in zip(shown, documented) {
                    let usage = doc?.usage ?? MemberSpelling.display(entry.name)
                    guard let description = doc?.description, !description.isEmpty else {
                        out += "  " + usage + "\n"
                        continue
                    }
                    let indent = 2 + column + 2
                    let wrappedDescription = Self.wrapped(description, indent: indent, width: width)
                    if usage.count <= column {
                        out += "  " + usage + String(repeating: " ", count: indent - 2 - usage.count)
                            + wrappedDescription.dropFirst(indent)
                    } else {
                        // A usage wider than the column has its description below it.
                        out += "  " + usage + "\n" + wrappedDescription
                    }
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

    /// `text` in lines of at most `width` columns where its words allow (one line when `width`
    /// is nil), each indented by `indent`; words are never broken. Columns are counted as
    /// characters.
    static func wrapped(_ text: String, indent: Int, width: Int?) -> String {
        let margin = String(repeating: " ", count: indent)
        let room = max(narrowestDescription, (width ?? .max) - indent)
        // Text that fits keeps its spacing as written.
        if text.count <= room { return margin + text + "\n" }
        var out = ""
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > room {
                out += margin + line + "\n"
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return out + margin + line + "\n"
    }

    /// Names on shared lines, indented, each line shorter than `width` where the names allow.
    private static func wrapped(_ names: [String], width: Int) -> String {
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
