// The `json` format: one pretty JSON document, as the stdlib's `json(x, pretty: true)` writes it.

import RoveCore

enum JSONFormat {
    static func render(_ value: Value, in interpreter: Interpreter) throws -> String {
        try interpreter.encodeJSON(PlainData(interpreter).convert(value), pretty: true) + "\n"
    }
}
