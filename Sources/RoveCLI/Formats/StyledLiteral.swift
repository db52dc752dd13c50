// A value in Rove's literal syntax, as `repr` writes it, with the palette's colours and no raw
// control characters: how the REPL shows values that are not tables.

import RoveCore

/// Writes `[1, "a", {id: nil}]` with strings, numbers, keys and nil styled by the palette.
///
/// The text is `repr`'s, piece by piece: scalars are written by the interpreter itself, so the
/// two never disagree on how a float or an escaped string looks. Any control character left
/// (host objects describe themselves with server text) becomes '?' before it reaches a terminal.
struct StyledLiteral {
    let interpreter: Interpreter
    let palette: Palette
    /// Deeper than this, lists and objects show as `[...]` and `{...}`, as `repr` does.
    static let maximumDepth = 64

    func text(_ value: Value) -> String {
        var out = ""
        write(value, to: &out, depth: 0)
        return out
    }

    private func write(_ value: Value, to out: inout String, depth: Int) {
        switch value {
        case .null:
            out += palette.paint("nil", as: .null)
        case .bool, .int, .float:
            out += palette.paint(interpreter.repr(value), as: CellText.role(of: value) ?? .number)
        case .string:
            out += palette.paint(CellText.withoutControls(interpreter.repr(value)), as: .string)
        case .list(let items):
            guard depth < Self.maximumDepth else { out += "[...]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                // A million items take longer than an interrupt may wait: cut the text short.
                if index & 4095 == 4095, interpreter.isInterrupted { out += "..."; break }
                write(item, to: &out, depth: depth + 1)
            }
            out += "]"
        case .object(let fields):
            guard depth < Self.maximumDepth else { out += "{...}"; return }
            guard !fields.isEmpty else { out += "{}"; return }
            out += "{"
            for (index, (key, item)) in fields.enumerated() {
                if index > 0 { out += ", " }
                let name = Interpreter.isIdentifier(key) ? key : CellText.withoutControls(interpreter.repr(.string(key)))
                out += palette.paint(name, as: .key) + ": "
                write(item, to: &out, depth: depth + 1)
            }
            out += "}"
        case .function, .host:
            out += CellText.withoutControls(interpreter.repr(value))
        }
    }
}
