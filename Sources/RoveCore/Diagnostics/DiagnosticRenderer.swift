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
    /// `color` adds ANSI colour; the CLI asks for it only on a terminal without `NO_COLOR`.
    public static func render(_ diagnostic: Diagnostic, color: Bool = false) -> String {
        let palette = color ? Palette.ansi : Palette.plain
        var out = ""
        guard let location = diagnostic.location else {
            out += palette.paint("error:", as: .error) + " " + palette.paint(diagnostic.message, as: .emphasis) + "\n"
            appendTrace(diagnostic, to: &out)
            return out
        }
        let (line, column) = location.file.lineAndColumn(of: location.offset)
        out += palette.paint("\(location.file.name):\(line):\(column):", as: .emphasis) + " "
        out += palette.paint("error:", as: .error) + " " + palette.paint(diagnostic.message, as: .emphasis) + "\n"
        let text = location.file.text(ofLine: line)
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        out += " \(gutter) | \(sanitized(text))\n"
        out += " \(pad) | \(caretPadding(text, column: column))" + palette.paint("^", as: .caret) + "\n"
        appendTrace(diagnostic, to: &out)
        return out
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
