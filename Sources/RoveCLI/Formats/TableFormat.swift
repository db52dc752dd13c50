// A list of records as an aligned table: the columns of its view, fitted to the terminal's width.

import RoveCore

/// Lays out records as rows under a header.
///
/// The columns are the records' default view (`TableView`). Cells are cut at
/// `maximumCellWidth`; on a terminal the view is fitted to the width measured for this render:
/// the least wanted columns are left out and the widest cut, so a row never wraps. A last line
/// names the fields not shown and how to see them.
struct TableFormat {
    let cells: CellText
    /// The terminal's width now; nil prints every column of the view whole.
    let width: Int?
    let palette: Palette
    let audience: MoreColumnsHint.Audience
    static let maximumCellWidth = 40

    func render(_ rows: [Fields]) -> String {
        let view = TableView(rows: rows)
        let columns = view.columns
        // Each cell's value is looked up once: a table of a hundred thousand rows is not rare.
        let values = rows.map { row in columns.map { $0.value(in: row) } }
        let texts = values.map { row in
            columns.indices.map { CellText.truncated(columns[$0].text(of: row[$0], cells: cells), to: Self.maximumCellWidth) }
        }
        let headers = columns.map { CellText.truncated(CellText.singleLine($0.key), to: Self.maximumCellWidth) }
        let natural = columns.indices.map { column in
            texts.reduce(TextWidth.of(headers[column])) { max($0, TextWidth.of($1[column])) }
        }
        let minimum = columns.indices.map { min(natural[$0], Self.narrowest(columns[$0].role)) }
        let layout = ColumnLayout(natural: natural, minimum: minimum, priorities: columns.map(\.priority), width: width)
        let shown = columns.indices.filter { layout.widths[$0] != nil }
        let widths = shown.map { layout.widths[$0]! }
        let rightAligned = shown.map { column in
            values.allSatisfy { $0[column].map { CellText.isNumber($0) || $0 == .null } ?? true }
                && values.contains { $0[column].map(CellText.isNumber) ?? false }
        }

        var out = line(shown.map { headers[$0] }, widths: widths, rightAligned: rightAligned) { palette.paint($0, as: .key) }
        for (row, text) in zip(values, texts) {
            out += line(shown.map { text[$0] }, widths: widths, rightAligned: rightAligned) { cell, index in
                guard let value = row[shown[index]], let role = CellText.role(of: value) else { return cell }
                return palette.paint(cell, as: role)
            }
        }
        let shownFields = Set(shown.map { columns[$0].path[0] })
        let dropped = columns.indices.filter { layout.widths[$0] == nil }.map { columns[$0].key }
        let hidden = dropped + view.fields.filter { !shownFields.contains($0) && !dropped.contains($0) }
        if let hint = MoreColumnsHint.line(hidden: hidden, width: width, audience: audience) {
            out += palette.paint(hint, as: .hint) + "\n"
        }
        return out
    }

    /// How narrow a column of each role may be cut before a less wanted column should give
    /// way instead: identifiers, states and dates are no use cut; a description cut shorter
    /// than a few words says nothing.
    private static func narrowest(_ role: FieldRole) -> Int {
        switch role {
        case .identifier, .state, .date: return maximumCellWidth
        case .description: return 16
        case .name: return 12
        case .reference: return 11
        case .detail, .hidden: return 8
        }
    }

    private func line(_ texts: [String], widths: [Int], rightAligned: [Bool],
                      style: (String) -> String) -> String {
        line(texts, widths: widths, rightAligned: rightAligned) { text, _ in style(text) }
    }

    /// One row: cells cut to their column, padded, styled, two spaces apart, no trailing spaces.
    private func line(_ texts: [String], widths: [Int], rightAligned: [Bool],
                      style: (String, Int) -> String) -> String {
        var out = ""
        for (index, text) in texts.enumerated() {
            if index > 0 { out += String(repeating: " ", count: ColumnLayout.gap) }
            let cut = CellText.truncated(text, to: widths[index])
            let padding = String(repeating: " ", count: max(0, widths[index] - TextWidth.of(cut)))
            let styled = style(cut, index)
            // No trailing spaces after the last column: they only get in the way of copy and paste.
            if rightAligned[index] { out += padding + styled } else if index == texts.count - 1 { out += styled } else { out += styled + padding }
        }
        return out + "\n"
    }
}
