// The `text` format: a value exactly as `print` would show it.

import RoveCore

enum TextFormat {
    static func render(_ value: Value, in interpreter: Interpreter) -> String {
        interpreter.describe(value) + "\n"
    }
}
