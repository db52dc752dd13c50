// The field-level difference between the document a PUT replaces and the one it sends.

import RoveCore

/// What a save would change, as paths from the document's top: `Name` changed,
/// `Settings.Retries` added, `Steps[3]` removed. Objects and lists are walked into; any other
/// difference (a number that became a string, an object that became nil) is one change.
///
/// The walk keeps its own stack, so a document nested as deep as the server may send
/// (`Limits.nesting`) cannot overflow the native one, and it visits each value once.
enum DocumentDiff {
    /// The changes from `before` to `after`, in the order a reader meets them; `render` turns a
    /// value into the (redacted) text an entry shows.
    static func changes(from before: Fields, to after: Fields, render: (Value) -> String) -> [FieldChange] {
        var changes: [FieldChange] = []
        // Pending pairs, last first: pushed in reverse so the output keeps document order.
        var pending: [(path: String, before: Value?, after: Value?)] = [("", .object(before), .object(after))]
        while let (path, old, new) = pending.popLast() {
            switch (old, new) {
            case (nil, nil):
                continue
            case (nil, let added?):
                changes.append(FieldChange(path: path, kind: .added, before: nil, after: render(added)))
            case (let removed?, nil):
                changes.append(FieldChange(path: path, kind: .removed, before: render(removed), after: nil))
            case (.object(let oldFields)?, .object(let newFields)?):
                var children: [(String, Value?, Value?)] = []
                for (key, value) in oldFields { children.append((join(path, key), value, newFields[key])) }
                for (key, value) in newFields where oldFields[key] == nil { children.append((join(path, key), nil, value)) }
                pending.append(contentsOf: children.reversed())
            case (.list(let oldItems)?, .list(let newItems)?):
                let count = max(oldItems.count, newItems.count)
                for index in stride(from: count - 1, through: 0, by: -1) {
                    pending.append((path + "[\(index)]", index < oldItems.count ? oldItems[index] : nil,
                                    index < newItems.count ? newItems[index] : nil))
                }
            case (let old?, let new?):
                if old != new {
                    changes.append(FieldChange(path: path, kind: .changed, before: render(old), after: render(new)))
                }
            }
        }
        return changes
    }

    /// `Settings` + `Retries` → `Settings.Retries`; a key that is not a plain name is quoted,
    /// `Variables["Log Level"]`, so a hostile key cannot pass for a path of its own.
    private static func join(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            && !(key.first?.isNumber ?? true)
        if plain { return path.isEmpty ? key : path + "." + key }
        var escaped = ""
        for character in key {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return path + "[\"" + escaped + "\"]"
    }
}
