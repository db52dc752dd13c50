// One value as the text of a table cell: single-line, control characters removed, cut to a width.

import RoveCore

/// Renders values for the cells of tables and key/value blocks.
struct CellText {
    let interpreter: Interpreter

    /// `value` on one line: strings bare, nil as an empty cell, lists and objects in Rove syntax.
    func text(_ value: Value) -> String {
        if case .null = value { return "" }
        return Self.singleLine(interpreter.describe(value))
    }

    /// Whether `value` should be right-aligned in its column.
    static func isNumber(_ value: Value) -> Bool {
        switch value {
        case .int, .float: return true
        case .null, .bool, .string, .list, .object, .function, .host: return false
        }
    }

    /// Newlines and tabs become spaces and other control characters '?', so that a hostile or
    /// multi-line field cannot break the layout or drive the terminal.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar {
            case "\n", "\r", "\t": return " "
            default: return scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar
            }
        }))
    }

    /// `text` cut to at most `width` terminal columns, ending in '…' when something was cut.
    static func truncated(_ text: String, to width: Int) -> String {
        guard TextWidth.of(text) > width else { return text }
        guard width > 1 else { return String(repeating: "…", count: max(width, 0)) }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = TextWidth.of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// `text` padded with spaces to `width` columns, on the left when `alignRight`.
    static func padded(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - TextWidth.of(text)))
        return alignRight ? padding + text : text + padding
    }
}
