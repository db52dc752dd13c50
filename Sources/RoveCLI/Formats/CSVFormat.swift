// The `csv` format: RFC 4180 rows (CRLF line ends, fields quoted only when they must be).

import RoveCore

/// Writes values as comma-separated rows.
///
/// A list of records gets a header of every key (first-seen order) and a row per record; a
/// record gets a header and one row; a list of lists gets a row per inner list; a list of scalars
/// a row per item; a scalar a single field. Nested lists and objects go into a field as JSON.
enum CSVFormat {
    static func render(_ value: Value, in interpreter: Interpreter) throws -> String {
        let field = { (value: Value) throws -> String in try fieldText(value, in: interpreter) }
        if let rows = PlainData.records(in: value) {
            let columns = PlainData.columns(of: rows)
            var out = row(columns)
            for record in rows { out += row(try columns.map { try field(record[$0] ?? .null) }) }
            return out
        }
        switch value {
        case .object(let fields):
            return row(Array(fields.keys)) + row(try fields.values.map(field))
        case .list(let items):
            return try items.map { item in
                if case .list(let cells) = item { return row(try cells.map(field)) }
                return row([try field(item)])
            }.joined()
        case .null, .bool, .int, .float, .string, .function, .host:
            return row([try field(value)])
        }
    }

    /// One record: fields joined by commas, ending in CRLF as RFC 4180 asks.
    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// `text` in double quotes (inner quotes doubled) when it holds a comma, quote, CR or LF.
    static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        var out = "\""
        for character in text {
            if character == "\"" { out += "\"" }
            out.append(character)
        }
        return out + "\""
    }

    private static func fieldText(_ value: Value, in interpreter: Interpreter) throws -> String {
        switch value {
        case .null: return ""
        case .list, .object: return try interpreter.encodeJSON(value, pretty: false)
        case .bool, .int, .float, .string, .function, .host: return interpreter.describe(value)
        }
    }
}
