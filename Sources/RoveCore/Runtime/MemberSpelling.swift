// How a member's name is written in source: `.Name`, or `["Odd name"]` when it is no identifier.

/// Spells names that come from outside (link names, field names a server sent) so that the text
/// is valid Rove and safe to show on a terminal.
///
/// A name is *plain* when it can follow a dot: an identifier as the lexer reads one (keywords
/// too: `x.if` parses), made only of characters a terminal prints as themselves. Anything else
/// is written as a subscript with a string literal whose quotes, backslashes and every
/// control, format and separator character are escaped, so neither Tab completion nor help can
/// put a raw escape sequence on the screen: `["Authenticate_Azure AD"]`, `["a\u{1b}[2Jb"]`.
public enum MemberSpelling {
    /// Whether `name` can be written after a dot as it is.
    public static func isPlain(_ name: String) -> Bool {
        guard let first = name.utf8.first, Lexer.isIdentifierStart(first) else { return false }
        guard name.utf8.allSatisfy(Lexer.isIdentifierPart) else { return false }
        return name.unicodeScalars.allSatisfy(isShownAsItself)
    }

    /// Whether every character of `prefix` may appear in a plain name: the start of a name
    /// being typed, which may still be completed into one.
    static func isPlainPrefix(_ prefix: String) -> Bool {
        prefix.isEmpty || isPlain(prefix)
    }

    /// `name` as the member part of an expression: `.Name` or `["Odd name"]`.
    public static func member(_ name: String) -> String {
        isPlain(name) ? "." + name : bracketed(name)
    }

    /// `name` as a subscript: `["Odd name"]`.
    public static func bracketed(_ name: String) -> String {
        "[" + literal(name) + "]"
    }

    /// `name` as it is listed for a reader (help, the candidates Tab shows): plain names as they
    /// are, others in subscript form.
    public static func display(_ name: String) -> String {
        isPlain(name) ? name : bracketed(name)
    }

    /// A Rove string literal holding `text`, quotes included.
    public static func literal(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// `text` as the inside of a string literal: `"`, `\` and every character a terminal would
    /// act on or hide (controls, format characters such as bidirectional overrides, line and
    /// paragraph separators) written as escapes.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default:
                if scalar == " " || isShownAsItself(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                }
            }
        }
        return out
    }

    /// `text` with every character a terminal would act on or hide written as an escape, and
    /// nothing else changed: for prose that quotes outside text (help's descriptions).
    public static func printable(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy({ $0 == " " || isShownAsItself($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == " " || isShownAsItself(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return out
    }

    /// Whether a terminal shows `scalar` as a glyph of its own: not a control (C0, DEL, C1),
    /// not a format character (zero-width, bidirectional overrides), not a separator other than
    /// the plain space, not private, unassigned or a lone surrogate.
    static func isShownAsItself(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value > 0x20 && scalar.value != 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator,
             .privateUse, .surrogate, .unassigned:
            return false
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
             .modifierSymbol, .otherSymbol:
            return true
        @unknown default:
            return false
        }
    }
}
