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

    /// The format called `name`, as `--output` and `:output` take it.
    init(named name: String) throws(UsageError) {
        guard let format = OutputFormat(rawValue: name) else {
            let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(message: "unknown output format '\(CellText.withoutControls(name))' (expected one of \(names))")
        }
        self = format
    }
}

/// Turns result values into the text of one output format.
struct ResultPrinter {
    let interpreter: Interpreter
    let format: OutputFormat
    /// The terminal's width in columns at this render; nil when not printing to a terminal.
    let width: Int?
    /// The styles for people's formats; `Palette.plain` off a terminal or under `NO_COLOR`.
    let palette: Palette
    /// Who reads the hint under a table that leaves fields out.
    let audience: MoreColumnsHint.Audience

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

    /// Tables for lists of records, key/value blocks for records, a bare string as itself and
    /// anything else as a literal, coloured; no control character from the data gets through.
    private func renderForPeople(_ value: Value) throws -> String {
        let plain = try PlainData(interpreter).convert(value)
        let cells = CellText(interpreter: interpreter)
        if let rows = PlainData.records(in: plain) {
            return TableFormat(cells: cells, width: width, palette: palette, audience: audience).render(rows)
        }
        switch plain {
        case .object(let fields) where !fields.isEmpty:
            return KeyValueFormat(cells: cells, width: width, palette: palette).render(fields)
        case .string(let text):
            return CellText.withoutControls(text) + "\n"
        case .null, .bool, .int, .float, .list, .object, .function, .host:
            return StyledLiteral(interpreter: interpreter, palette: palette).text(plain) + "\n"
        }
    }
}
