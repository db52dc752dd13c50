// What one Tab does to the line: the text that replaces libedit's word, and the list of candidates it shows.

import RoveCore

/// The line-editing side of Tab, kept apart from libedit so it can be tested as plain text.
///
/// libedit deletes the *word* before the cursor (up to a word-break character) and inserts what
/// completion gives; `Completion.replaced` is what the interpreter wants to replace, which may
/// reach before that word (a key with a space in it, `["Authenticate_Azure A`) or be only its
/// end (`octopus.Pro`, where the word is the whole chain).
enum TabCompletion {
    /// Word-break characters: a chain with its dots, brackets and quoted keys is one word, so
    /// that a member can turn into a subscript (`octopus.Auth` → `octopus["Authenticate_Azure AD"]`).
    static let wordBreaks = " \t\n'`@$><=;|&{}(),+-*/%!:#"

    /// The listing names at most this many candidates, then says how many more there are: a
    /// server may send thousands of links, and no prompt should block on them.
    static let listingLimit = 100

    /// The text to put in place of `word` (what libedit deletes), or nil when Tab changes
    /// nothing or cannot reach what it would change.
    static func replacement(forWord word: String, _ completion: Completion) -> String? {
        let replaced = completion.replaced
        let insertion = completion.insertion
        guard insertion != replaced, !completion.candidates.isEmpty else { return nil }
        if word.hasSuffix(replaced) {
            return String(word.dropLast(replaced.count)) + insertion
        }
        // The change starts before the word: only what lies inside it can be replaced, and
        // only when the part before it stays as it is.
        guard replaced.hasSuffix(word) else { return nil }
        let outside = replaced.dropLast(word.count)
        guard insertion.hasPrefix(outside) else { return nil }
        return String(insertion.dropFirst(outside.count))
    }

    /// The candidates in columns no wider than `width`, down then across as shells list them,
    /// ending in a newline; at most `listingLimit` of them, then how many more there are.
    /// Names are already escaped (`Completion.Candidate.display`), so nothing in them can move
    /// the cursor or change the terminal.
    static func listing(_ candidates: [Completion.Candidate], width: Int) -> String {
        let shown = candidates.prefix(listingLimit).map(\.display)
        guard !shown.isEmpty else { return "" }
        let widths = shown.map(TextWidth.of)
        let column = (widths.max() ?? 0) + 2
        let columns = max(1, width / column)
        let rows = (shown.count + columns - 1) / columns
        var out = ""
        for row in 0..<rows {
            var line = ""
            for columnIndex in 0..<columns {
                let index = row + columnIndex * rows
                guard index < shown.count else { break }
                let isLast = columnIndex == columns - 1 || index + rows >= shown.count
                line += shown[index] + (isLast ? "" : String(repeating: " ", count: column - widths[index]))
            }
            out += line + "\n"
        }
        if candidates.count > shown.count {
            out += "… and \(candidates.count - shown.count) more; type more of the name\n"
        }
        return out
    }
}
