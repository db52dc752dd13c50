// A record as a key/value block: keys in a column, values beside them.

import RoveCore

/// Shows one record (a resource, an object) a field per line.
struct KeyValueFormat {
    let cells: CellText
    /// The terminal's width; values are cut to fit it. Nil leaves them whole.
    let width: Int?
    let palette: Palette

    func render(_ fields: Fields) -> String {
        let keys = fields.keys.map { CellText.truncated(CellText.singleLine($0), to: 40) }
        let keyWidth = keys.reduce(0) { max($0, TextWidth.of($1)) }
        let valueWidth = width.map { max(20, $0 - keyWidth - 2) }
        var out = ""
        for (key, value) in zip(keys, fields.values) {
            var text = cells.text(value)
            if let valueWidth { text = CellText.truncated(text, to: valueWidth) }
            let padding = String(repeating: " ", count: keyWidth - TextWidth.of(key))
            let styled = CellText.role(of: value).map { palette.paint(text, as: $0) } ?? text
            out += palette.paint(key, as: .key) + padding + "  " + styled + "\n"
        }
        return out
    }
}
