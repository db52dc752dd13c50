// A dry run's plan as people read it (stderr) and as data (`--output json`).

import RoveCore

/// How a host shows a `DryRun` once the script ends. Entries are already redacted.
public enum PlanReport {
    /// Lines for a terminal: one head line, then each write with its body or its changes.
    /// Long bodies and long change lists are cut: the data form has them whole.
    public static func text(_ plan: DryRun) -> String {
        guard plan.wouldChange else { return "dry run: nothing would change\n" }
        let count = plan.entries.count
        return "dry run: \(count) \(count == 1 ? "write" : "writes") planned, none sent:\n" + lines(for: plan.entries[...])
    }

    /// Each of `entries` as the text form shows it, without the head line (the REPL shows
    /// each line's writes as they are planned).
    public static func lines(for entries: ArraySlice<PlanEntry>) -> String {
        var text = ""
        for entry in entries {
            text += "  \(entry.method) \(entry.url)"
            if let placeholder = entry.placeholder { text += " → \(placeholder)" }
            text += "\n"
            if let changes = entry.changes {
                text += changes.isEmpty ? "    (no field changes)\n" : describe(changes)
            } else if let body = entry.body {
                text += "    " + clipped(body, to: bodyWidth) + "\n"
            }
        }
        return text
    }

    /// `{"dryRun": {"writes": N, "plan": [...]}}`: one object, so a reader can tell it from
    /// whatever else the script printed. `decode` reads back the JSON text of bodies and values.
    public static func data(_ plan: DryRun, decode: (String) -> Value) -> Value {
        var entries: [Value] = []
        for entry in plan.entries {
            var fields: Fields = [
                "connection": .string(entry.connection),
                "method": .string(entry.method),
                "url": .string(entry.url),
                "body": entry.body.map(decode) ?? .null,
                "placeholder": entry.placeholder.map(Value.string) ?? .null,
            ]
            if let changes = entry.changes {
                fields["changes"] = .list(changes.map { change in
                    .object([
                        "path": .string(change.path),
                        "change": .string(change.kind.rawValue),
                        "before": change.before.map(decode) ?? .null,
                        "after": change.after.map(decode) ?? .null,
                    ])
                })
            }
            entries.append(.object(fields))
        }
        return .object(["dryRun": .object(["writes": .int(entries.count), "plan": .list(entries)])])
    }

    static let bodyWidth = 400
    static let valueWidth = 120
    static let changesShown = 50

    private static func describe(_ changes: [FieldChange]) -> String {
        var text = ""
        for change in changes.prefix(changesShown) {
            switch change.kind {
            case .added: text += "    + \(change.path) = \(clipped(change.after ?? "", to: valueWidth))\n"
            case .removed: text += "    - \(change.path) (was \(clipped(change.before ?? "", to: valueWidth)))\n"
            case .changed:
                text += "    ~ \(change.path): \(clipped(change.before ?? "", to: valueWidth)) → \(clipped(change.after ?? "", to: valueWidth))\n"
            }
        }
        if changes.count > changesShown { text += "    … and \(changes.count - changesShown) more changes\n" }
        return text
    }

    /// `text` cut to `width` characters, saying how much was left out; control characters a
    /// hostile value may hold are shown escaped so a line stays one line.
    private static func clipped(_ text: String, to width: Int) -> String {
        var shown = ""
        var count = 0
        for character in text {
            if count == width { return shown + "… (\(text.utf8.count) bytes)" }
            if character.isNewline || character.asciiValue.map({ $0 < 0x20 || $0 == 0x7F }) == true {
                shown += character.unicodeScalars.map { "\\u{\(String($0.value, radix: 16))}" }.joined()
            } else {
                shown.append(character)
            }
            count += 1
        }
        return shown
    }
}
