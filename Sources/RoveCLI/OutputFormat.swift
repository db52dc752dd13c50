// The `--output` formats and how a result value is turned into text in each.

import RoveCore

/// How `rove` prints expression results.
public enum OutputFormat: String, CaseIterable {
    /// For people: tables for lists of records, key/value blocks for records, text otherwise.
    case table
    /// Pretty JSON: the default when standard output is not a terminal.
    case json
    /// One compact JSON document per list item.
    case ndjson
    /// RFC 4180 rows with a header.
    case csv
    /// What `print` shows.
    case text
}

/// Turns result values into the text of one output format.
struct ResultPrinter {
    let interpreter: Interpreter
    let format: OutputFormat
    /// The terminal's width in columns; nil when not printing to a terminal.
    let width: Int?
    /// Whether ANSI styling (a bold table header) may be used.
    let color: Bool

    /// The full text for `value`, ending in a newline.
    func render(_ value: Value) throws -> String {
        switch format {
        case .table: return try renderForPeople(value)
        case .json: return try JSONFormat.render(value, in: interpreter)
        case .ndjson: return try NDJSONFormat.render(value, in: interpreter)
        case .csv: return try CSVFormat.render(PlainData(interpreter).convert(value), in: interpreter)
        case .text: return TextFormat.render(value, in: interpreter)
        }
    }

    private func renderForPeople(_ value: Value) throws -> String {
        let plain = try PlainData(interpreter).convert(value)
        let cells = CellText(interpreter: interpreter)
        if let rows = PlainData.records(in: plain) {
            return TableFormat(cells: cells, width: width, color: color).render(rows)
        }
        if case .object(let fields) = plain, !fields.isEmpty {
            return KeyValueFormat(cells: cells, width: width, color: color).render(fields)
        }
        return TextFormat.render(plain, in: interpreter)
    }
}
