// Warnings on standard error in the palette's warning style, when standard error is a colour terminal.

import RoveCore
import RoveHost

/// Standard error as scripts' hosts write to it, with `warning:` styled.
///
/// The providers report a walk that went wrong (a collection changing while it was read, a
/// next-page loop) as a line starting `warning:`, through the host's standard error; this is
/// where that word gets its colour, so the providers stay free of terminal concerns. The rest
/// of such a line quotes server text, so its control characters are made inert as well.
final class StyledWarnings: TextOutput {
    private let base: TextOutput
    private let palette: Palette
    static let word = "warning:"

    init(_ base: TextOutput, palette: Palette) {
        self.base = base
        self.palette = palette
    }

    func write(_ text: String) {
        guard text.hasPrefix(Self.word) else { return base.write(text) }
        base.write(Self.styled(String(text.dropFirst(Self.word.count)), palette: palette))
    }

    func flush() {
        base.flush()
    }

    /// `warning:` styled, then `rest` with its control characters (but line breaks) made inert.
    static func styled(_ rest: String, palette: Palette) -> String {
        palette.paint(word, as: .warning) + CellText.withoutControls(rest)
    }
}
