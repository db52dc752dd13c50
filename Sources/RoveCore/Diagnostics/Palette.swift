// The colours Rove shows at a terminal: the one place that says which role gets which style.

/// Styles for the parts of what Rove shows people: values (strings, numbers, keys, nil) and
/// diagnostics (errors, warnings, the caret).
///
/// Only the eight basic ANSI colours, bold and dim are used, and never white or black: the
/// terminal's own theme decides the exact shades, so the scheme reads on light and dark
/// backgrounds alike. Yellow and blue are left out (yellow fades on white, dark blue on black).
/// Whether colour is wanted at all (a terminal, `NO_COLOR`, `TERM=dumb`) is the caller's call;
/// `Palette.plain` styles nothing.
public struct Palette: Sendable {
    /// What a piece of text is, which decides its style.
    public enum Role: Sendable {
        /// Object keys, table headers, the key column of a record.
        case key
        /// Strings shown as literals (quoted).
        case string
        /// Integers and floats.
        case number
        /// `true` and `false`.
        case boolean
        /// `nil`, and what stands in for nothing.
        case null
        /// The word `error:` of a diagnostic.
        case error
        /// The word `warning:`.
        case warning
        /// A diagnostic's place and message: the text to read first.
        case emphasis
        /// The caret under the failing column.
        case caret
        /// Hints and asides: the "more columns" line.
        case hint
    }

    /// Whether styles are written at all.
    public let isEnabled: Bool

    public static let plain = Palette(isEnabled: false)
    public static let ansi = Palette(isEnabled: true)

    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// The SGR parameters of `role`: the scheme itself.
    static func parameters(of role: Role) -> String {
        switch role {
        case .key, .emphasis: return "1"
        case .string: return "32"
        case .number, .boolean: return "36"
        case .null, .hint: return "2"
        case .error: return "1;31"
        case .warning: return "1;35"
        case .caret: return "1;32"
        }
    }

    /// `text` in the style of `role`, or as it is when the palette is plain (or `text` is empty).
    public func paint(_ text: String, as role: Role) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        return "\u{1B}[" + Self.parameters(of: role) + "m" + text + "\u{1B}[0m"
    }
}
