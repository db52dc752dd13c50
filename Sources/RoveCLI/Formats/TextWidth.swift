// How many terminal columns text takes: East Asian wide characters and emoji take two.

/// Column widths for aligning tables; approximates wcwidth(3) without depending on the C locale.
enum TextWidth {
    static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// `text` without the SGR styles the palette adds (`ESC [ … m`), for measuring styled text.
    static func withoutStyles(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var inStyle = false
        for scalar in text.unicodeScalars {
            if inStyle {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inStyle = false }
            } else if scalar == "\u{1B}" {
                inStyle = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.properties.isEmojiPresentation || isWide(first.value) { return 2 }
        return 1
    }

    /// The wide ranges of Unicode's East Asian Width property, abridged to the blocks seen in practice.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
