// "Did you mean": the one place that picks the nearest valid spelling of a misspelt name.

/// Finds the candidate a misspelt name most likely meant, for messages such as
/// `undefined name 'pirnt'; did you mean 'print'?`.
///
/// Every "did you mean" in Rove comes from here: unknown names, members, methods and argument
/// labels in the core, and unknown links in the providers. The rules, after rustc's
/// `find_best_match_for_name`:
///
/// - Names are compared without regard to case, so a candidate differing only in case wins.
/// - The distance is Damerau–Levenshtein (optimal string alignment: an insertion, a deletion, a
///   substitution or a swap of two neighbouring characters costs 1), over Characters, so
///   `café` and `cafe` differ by one.
/// - A candidate is close enough when the distance is at most a third of the name's length
///   (at least 1), and smaller than the name's length: a name is never "corrected" into a
///   completely different one (`e` does not suggest `f`).
/// - Ties go to the candidate closer in case (`nAme` prefers `Name` to `NAME`), then to the
///   one that sorts first, so the answer never depends on the candidates' order.
/// - Work is bounded: names or candidates longer than `maximumLength` characters are not
///   compared, so each comparison costs at most `maximumLength`² steps however long the input.
public enum Suggestion {
    /// Names longer than this get no suggestion and candidates longer than this are skipped:
    /// identifiers that long are generated, not typed, and comparing them costs length².
    public static let maximumLength = 64

    /// The candidate nearest to `name`, or nil when none is close enough (or `name` is empty,
    /// or is itself a candidate).
    ///
    /// ```swift
    /// Suggestion.nearest(to: "Relases", in: ["Releases", "Channels"])   // "Releases"
    /// ```
    public static func nearest(to name: String, in candidates: some Sequence<String>) -> String? {
        var alphabet = Alphabet()
        guard let typed = alphabet.spelling(of: name), !typed.exact.isEmpty else { return nil }
        let length = typed.folded.count
        let threshold = max(length, 3) / 3
        var best: (name: String, distance: Int, caseDistance: Int)?
        for candidate in candidates {
            // The name exists after all (a host may list names it then refuses): nothing to fix.
            if candidate == name { return nil }
            let limit = min(threshold, length - 1, best?.distance ?? threshold)
            guard limit >= 0, let spelt = alphabet.spelling(of: candidate), !spelt.exact.isEmpty,
                  let distance = distance(typed.folded, spelt.folded, atMost: limit) else { continue }
            if let current = best, distance == current.distance {
                // A tie: closer in case wins, then the name that sorts first.
                guard let caseDistance = self.distance(typed.exact, spelt.exact, atMost: current.caseDistance),
                      caseDistance < current.caseDistance || candidate < current.name else { continue }
                best = (candidate, distance, caseDistance)
            } else {
                best = (candidate, distance, self.distance(typed.exact, spelt.exact, atMost: maximumLength) ?? maximumLength)
            }
        }
        return best?.name
    }

    /// `message` with `; did you mean 'X'?` added when a candidate is close to `name`, and
    /// unchanged otherwise: how every "did you mean" message is worded.
    ///
    /// ```swift
    /// Suggestion.appending(to: "Project has no link 'Relases'", for: "Relases", in: links)
    /// // "Project has no link 'Relases'; did you mean 'Releases'?"
    /// ```
    public static func appending(to message: String, for name: String, in candidates: some Sequence<String>) -> String {
        guard let suggestion = nearest(to: name, in: candidates) else { return message }
        return message + "; did you mean '\(suggestion)'?"
    }

    /// Like `appending(to:for:in:)` for an argument label, shown with its colon as the
    /// messages quote labels: `...labelled 'tu:'; did you mean 'to:'?`.
    public static func appending(to message: String, forLabel label: String, in labels: some Sequence<String>) -> String {
        guard let suggestion = nearest(to: label, in: labels) else { return message }
        return message + "; did you mean '\(suggestion):'?"
    }

    /// The optimal-string-alignment distance between `a` and `b`, or nil when it exceeds
    /// `limit`. Only the band of the table within `limit` of its diagonal is filled (a path
    /// leaving it already costs more), and the work stops once a whole row exceeds `limit`:
    /// at most `a.count × (2 × limit + 1)` steps.
    static func distance(_ a: [Int], _ b: [Int], atMost limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let beyond = limit + 1  // stands for every cost over the limit
        // Three rows of the table: two back (for swaps), one back, and this one.
        var beforePrevious = [Int](repeating: beyond, count: b.count + 1)
        var previous = (0...b.count).map { min($0, beyond) }
        var current = [Int](repeating: beyond, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = min(i, beyond)
            if low > 1 { current[low - 1] = beyond }
            var rowMinimum = current[0]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var cell = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cell = min(cell, beforePrevious[j - 2] + 1)
                }
                current[j] = min(cell, beyond)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < b.count { current[high + 1] = beyond }
            if rowMinimum > limit { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        let result = previous[b.count]
        return result <= limit ? result : nil
    }

    /// Numbers for the Characters of names, so the distance table compares integers: an ASCII
    /// character is its code, any other is numbered on first sight (canonically equivalent
    /// spellings, such as a precomposed and a combining `é`, share a number).
    struct Alphabet {
        private var numbers: [String: Int] = [:]

        /// `text` as numbers, as written and lowercased; nil when it is longer than
        /// `maximumLength` characters, found without reading past that many.
        mutating func spelling(of text: String) -> (exact: [Int], folded: [Int])? {
            var exact: [Int] = []
            var isASCII = true
            for character in text {
                guard exact.count < maximumLength else { return nil }
                if let ascii = character.asciiValue {
                    exact.append(Int(ascii))
                } else {
                    exact.append(number(for: String(character)))
                    isASCII = false
                }
            }
            if isASCII {
                return (exact, exact.map { (65...90).contains($0) ? $0 + 32 : $0 })
            }
            return (exact, text.lowercased().map { character in
                character.asciiValue.map(Int.init) ?? number(for: String(character))
            })
        }

        private mutating func number(for character: String) -> Int {
            if let known = numbers[character] { return known }
            let new = 128 + numbers.count
            numbers[character] = new
            return new
        }
    }
}
