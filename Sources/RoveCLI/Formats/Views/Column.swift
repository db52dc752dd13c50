// One column of a table: which field it shows, how its cells read, and how readily it gives way.

import RoveCore

/// A column chosen for a table.
struct Column: Equatable {
    /// The header; also the name `select` takes to pick this column again (a dotted path for a
    /// nested field).
    let key: String
    /// The fields to walk from a row to the cell's value: `[key]`, or `[parent, child]`.
    let path: [String]
    let role: FieldRole
    /// Lower keeps the column longer when the width runs short.
    var priority: Int

    init(key: String, role: FieldRole, priority: Int) {
        self.init(path: [key], role: role, priority: priority)
    }

    init(path: [String], role: FieldRole, priority: Int) {
        self.key = path.joined(separator: ".")
        self.path = path
        self.role = role
        self.priority = priority
    }

    /// The row's value for this column, nil when the row lacks it.
    func value(in row: Fields) -> Value? {
        var fields = row
        for (index, name) in path.enumerated() {
            guard let value = fields[name] else { return nil }
            if index == path.count - 1 { return value }
            guard case .object(let inner) = value else { return nil }
            fields = inner
        }
        return nil
    }

    /// What the cell shows: a reference by its name (a list of them by their names), a date to
    /// the second, anything else as `CellText` writes it; one line, not yet cut to a width.
    func text(in row: Fields, cells: CellText) -> String {
        text(of: value(in: row), cells: cells)
    }

    /// The cell's text for `value`, this column's value in some row.
    func text(of value: Value?, cells: CellText) -> String {
        guard let value else { return "" }
        switch role {
        case .reference:
            if case .list(let items) = value {
                return CellText.singleLine(items.compactMap(FieldProfile.name(of:)).joined(separator: ", "))
            }
            return CellText.singleLine(FieldProfile.name(of: value) ?? cells.text(value))
        case .date:
            if case .string(let text) = value { return CellText.singleLine(Self.shortDate(text)) }
            return cells.text(value)
        case .name, .description, .state, .detail, .identifier, .hidden:
            return cells.text(value)
        }
    }

    /// `2025-12-31T07:18:25.300+00:00` → `2025-12-31 07:18:25Z`: to the second, UTC marked `Z`,
    /// another offset kept. Text of any other shape is left alone.
    static func shortDate(_ text: String) -> String {
        guard FieldRules.looksLikeDate(text), text.utf8.count >= 19 else { return text }
        let characters = Array(text)
        guard characters.count >= 19, characters[16] == ":" else { return text }
        var rest = characters[19...]
        if rest.first == "." { rest = rest.dropFirst().drop(while: \.isNumber) }
        let zone = String(rest)
        let offset = zone == "Z" || zone == "+00:00" || zone == "+0000" ? "Z" : zone
        return String(characters[0..<10]) + " " + String(characters[11..<19]) + offset
    }
}
