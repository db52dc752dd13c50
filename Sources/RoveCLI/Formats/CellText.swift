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

    /// The colour a cell of `value` gets: numbers and yes/no stand out, text stays plain.
    static func role(of value: Value) -> Palette.Role? {
        switch value {
        case .int, .float: return .number
        case .bool: return .boolean
        case .null, .string, .list, .object, .function, .host: return nil
        }
    }

    /// Newlines and tabs become spaces and other control characters '?', so that a hostile or
    /// multi-line field cannot break the layout or drive the terminal.
    static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar {
            case "\n", "\r", "\t": return " "
            default: return isControl(scalar) ? "?" : scalar
            }
        }))
    }

    /// `text` with every control character but the line break shown as '?': what may reach a
    /// terminal from a server (an escape sequence would recolour it, move the cursor, or worse).
    static func withoutControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar == "\n" || !isControl(scalar) ? scalar : scalar == "\t" ? " " : "?"
        }))
    }

    /// C0 controls, DEL, and the C1 controls (U+0080–U+009F), which some terminals obey too
    /// (U+009B is a one-character CSI).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
