// Turns a Diagnostic into the text a person reads: clang-style, with the source line and a caret.

/// The single place where diagnostics become text.
public enum DiagnosticRenderer {
    /// Renders `diagnostic` as
    /// ```
    /// deploy.rove:12:18: error: expected ')' after arguments
    ///    12 | octopus.Releases.create({Version: "1.2"
    ///       |                  ^
    ///   at deploy (deploy.rove:30)
    /// ```
    /// followed by its notes (`file:line:column: note: ...` and their line, as clang writes
    /// them) and then by each of its `furtherErrors` the same way, with a count at the end.
    /// `color` adds ANSI colour; the CLI asks for it only on a terminal without `NO_COLOR`.
    public static func render(_ diagnostic: Diagnostic, color: Bool = false) -> String {
        let palette = color ? Palette.ansi : Palette.plain
        let errors = diagnostic.allErrors
        var out = ""
        for error in errors { append(error, to: &out, palette: palette) }
        if errors.count > 1 { out += "\(errors.count) errors\n" }
        return out
    }

    /// One error: its header and excerpt, its notes, its trace.
    private static func append(_ diagnostic: Diagnostic, to out: inout String, palette: Palette) {
        append(palette.paint("error:", as: .error), diagnostic.message, at: diagnostic.location, to: &out, palette: palette)
        for note in diagnostic.notes {
            append(palette.paint("note:", as: .note), note.message, at: note.location, to: &out, palette: palette)
        }
        appendTrace(diagnostic, to: &out)
    }

    /// `file:line:column: label message`, then the line with a caret under the column.
    private static func append(_ label: String, _ message: String, at location: SourceLocation?,
                               to out: inout String, palette: Palette) {
        guard let location else {
            out += label + " " + palette.paint(message, as: .emphasis) + "\n"
            return
        }
        let (line, column) = location.file.lineAndColumn(of: location.offset)
        out += palette.paint("\(location.file.name):\(line):\(column):", as: .emphasis) + " "
        out += label + " " + palette.paint(message, as: .emphasis) + "\n"
        let (text, caretColumn) = excerpt(location.file.text(ofLine: line), column: column)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        out += " \(gutter) | \(sanitized(text))\n"
        out += " \(pad) | \(caretPadding(text, column: caretColumn))" + palette.paint("^", as: .caret) + "\n"
    }

    /// Characters of a source line shown at most; longer lines show a window around the caret.
    static let excerptWidth = 120

    /// The part of `line` to show, and the caret's column in it: the whole line when it is
    /// short, else `excerptWidth` characters around `column` with `…` where it was cut, so a
    /// minified or hostile line of any length prints a few lines.
    private static func excerpt(_ line: String, column: Int) -> (text: String, column: Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > excerptWidth else { return (line, column) }
        // The caret's index among the scalars, and how far past the line's end it sits.
        var caret = 0, bytesSeen = 0
        while caret < scalars.count, bytesSeen < column - 1 {
            bytesSeen += String(scalars[caret]).utf8.count
            caret += 1
        }
        let beyond = max(0, column - 1 - bytesSeen)
        let end = min(scalars.count, max(caret, excerptWidth / 2) + excerptWidth / 2)
        let start = max(0, end - excerptWidth)
        var text = start > 0 ? "…" : ""
        text.unicodeScalars.append(contentsOf: scalars[start..<caret])
        let caretColumn = text.utf8.count + beyond + 1
        text.unicodeScalars.append(contentsOf: scalars[caret..<end])
        if end < scalars.count { text += "…" }
        return (text, caretColumn)
    }

    /// One line per frame; runs of the same frame (runaway recursion) show as one line.
    private static func appendTrace(_ diagnostic: Diagnostic, to out: inout String) {
        for frame in diagnostic.trace {
            let text = "at \(frame.function) (\(frame.location.file.name):\(frame.location.line))"
            out += "  \(text)" + (frame.repeats > 1 ? " (\(frame.repeats) times)\n" : "\n")
        }
        if diagnostic.omittedFrames > 0 { out += "  ... \(diagnostic.omittedFrames) more\n" }
    }

    /// Spaces (and tabs, where the line has them) up to the caret's column, so the caret lines up.
    private static func caretPadding(_ line: String, column: Int) -> String {
        var padding = ""
        var bytesSeen = 0
        for scalar in line.unicodeScalars {
            if bytesSeen >= column - 1 { break }
            bytesSeen += String(scalar).utf8.count
            padding += scalar == "\t" ? "\t" : " "
        }
        while bytesSeen < column - 1 { padding += " "; bytesSeen += 1 }
        return padding
    }

    /// Control characters in hostile input would corrupt the terminal; show them as '?'.
    private static func sanitized(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { scalar in
            scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F ? "?" : scalar
        }))
    }
}
