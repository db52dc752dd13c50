// Each CI system's escaping for text inside its commands, so a value cannot end one and start another.

enum CIEscaping {
    /// GitHub workflow command data (after `::`): `%`, CR and LF as `%25`, `%0D`, `%0A`.
    static func githubData(_ text: String) -> String {
        percentEscaped(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A")])
    }

    /// GitHub workflow command properties (`file=…`): the data escapes, `:` and `,` as well.
    static func githubProperty(_ text: String) -> String {
        percentEscaped(text, [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")])
    }

    /// Azure Pipelines logging command data (after `]`): `%` as `%AZP25`, CR and LF as `%0D`, `%0A`.
    static func azureData(_ text: String) -> String {
        percentEscaped(text, [("%", "%AZP25"), ("\r", "%0D"), ("\n", "%0A")])
    }

    /// Azure Pipelines logging command properties (`sourcepath=…`): the data escapes, `;` and
    /// `]` as well, which would end the property or the command.
    static func azureProperty(_ text: String) -> String {
        percentEscaped(text, [("%", "%AZP25"), ("\r", "%0D"), ("\n", "%0A"), (";", "%3B"), ("]", "%5D")])
    }

    /// TeamCity service message values: `|` escapes `'`, `[`, `]`, `|`, CR, LF and the Unicode
    /// line separators; other characters below U+0020 as `|0xNNNN`.
    static func teamCity(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": out += "||"
            case "'": out += "|'"
            case "[": out += "|["
            case "]": out += "|]"
            case "\n": out += "|n"
            case "\r": out += "|r"
            case "\u{85}": out += "|x"
            case "\u{2028}": out += "|l"
            case "\u{2029}": out += "|p"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "|0x" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Replaces each character of `pairs` by its escape in one pass, so an escape's own `%` is
    /// never escaped again. Scalars, not characters: CR LF is one `Character` but two escapes.
    private static func percentEscaped(_ text: String, _ pairs: [(Unicode.Scalar, String)]) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let pair = pairs.first(where: { $0.0 == scalar }) { out += pair.1 } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
