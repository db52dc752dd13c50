// A list of records as an aligned table: one column per key, in the order keys are first seen.

import RoveCore

/// Lays out records as rows under a header.
///
/// Cells are cut at `maximumCellWidth`; on a terminal, columns that do not fit its width are left
/// out and named in a last line, so a wide API document never wraps into an unreadable mess.
struct TableFormat {
    let cells: CellText
    /// The terminal's width; nil prints every column.
    let width: Int?
    let color: Bool
    static let maximumCellWidth = 40
    static let gap = "  "

    func render(_ rows: [Fields]) -> String {
        let columns = PlainData.columns(of: rows)
        var texts = rows.map { row in
            columns.map { CellText.truncated(cells.text(row[$0] ?? .null), to: Self.maximumCellWidth) }
        }
        let headers = columns.map { CellText.truncated(CellText.singleLine($0), to: Self.maximumCellWidth) }
        var widths = columns.indices.map { column in
            texts.reduce(TextWidth.of(headers[column])) { max($0, TextWidth.of($1[column])) }
        }
        let rightAligned = columns.map { column in
            rows.allSatisfy { row in row[column].map { CellText.isNumber($0) || isNull($0) } ?? true }
                && rows.contains { row in row[column].map(CellText.isNumber) ?? false }
        }

        let shown = fittingColumnCount(widths)
        let hidden = Array(columns[shown...])
        widths = Array(widths[..<shown])
        texts = texts.map { Array($0[..<shown]) }

        var out = ""
        let (bold, reset) = color ? ("\u{1B}[1m", "\u{1B}[0m") : ("", "")
        out += bold + line(Array(headers[..<shown]), widths: widths, rightAligned: rightAligned) + reset + "\n"
        for row in texts {
            out += line(row, widths: widths, rightAligned: rightAligned) + "\n"
        }
        if !hidden.isEmpty {
            let names = CellText.truncated(hidden.joined(separator: ", "), to: max(20, (width ?? 80) - 30))
            out += "(\(hidden.count) more column\(hidden.count == 1 ? "" : "s"): \(names); --output json shows all)\n"
        }
        return out
    }

    /// How many leading columns fit in `width`; always at least one.
    private func fittingColumnCount(_ widths: [Int]) -> Int {
        guard let width else { return widths.count }
        var used = 0
        for (index, columnWidth) in widths.enumerated() {
            used += columnWidth + (index > 0 ? Self.gap.count : 0)
            if used > width { return max(1, index) }
        }
        return widths.count
    }

    private func line(_ texts: [String], widths: [Int], rightAligned: [Bool]) -> String {
        var out = ""
        for (index, text) in texts.enumerated() {
            if index > 0 { out += Self.gap }
            let isLast = index == texts.count - 1
            // No trailing spaces after the last column: they only get in the way of copy and paste.
            if isLast && !rightAligned[index] { out += text } else {
                out += CellText.padded(text, to: widths[index], alignRight: rightAligned[index])
            }
        }
        return out
    }

    private func isNull(_ value: Value) -> Bool {
        if case .null = value { return true }
        return false
    }
}
