// The `ndjson` format: one compact JSON document per line, one line per list item.

import RoveCore

enum NDJSONFormat {
    /// A list gives a line per item (so `rove -o ndjson ... | while read` streams records);
    /// any other value gives one line.
    static func render(_ value: Value, in interpreter: Interpreter) throws -> String {
        let plain = try PlainData(interpreter).convert(value)
        guard case .list(let items) = plain else {
            return try interpreter.encodeJSON(plain, pretty: false) + "\n"
        }
        var out = ""
        for item in items { out += try interpreter.encodeJSON(item, pretty: false) + "\n" }
        return out
    }
}
