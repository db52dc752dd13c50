// Fitting a table's columns into the terminal's width: the least wanted ones go, the widest shrink.

/// Widths for the columns of a table, given how wide each would like to be, how narrow each may
/// become, and which to give up first.
struct ColumnLayout {
    /// The width of each column, or nil for a column left out.
    let widths: [Int?]

    static let gap = 2

    /// - Parameters:
    ///   - natural: each column's width with nothing cut (its widest cell or header).
    ///   - minimum: the narrowest each may be cut to; a column that must stay whole has its natural width.
    ///   - priorities: lower keeps a column longer.
    ///   - width: the room there is, or nil for as much as it takes.
    init(natural: [Int], minimum: [Int], priorities: [Int], width: Int?) {
        guard let width, !natural.isEmpty else {
            widths = natural
            return
        }
        var shown = Array(natural.indices)
        func needs(_ sizes: [Int]) -> Int {
            shown.reduce(0) { $0 + sizes[$1] } + Self.gap * (shown.count - 1)
        }
        // Leave out the least wanted columns until the rest fit at their narrowest.
        while shown.count > 1, needs(minimum) > width {
            let least = shown.max { (priorities[$0], $0) < (priorities[$1], $1) }!
            shown.removeAll { $0 == least }
        }
        // Then cut the widest down, one column at a time, so the cuts are shared out evenly.
        var sizes = natural
        var excess = needs(sizes) - width
        while excess > 0 {
            guard let widest = shown.filter({ sizes[$0] > minimum[$0] }).max(by: { (sizes[$0], -$0) < (sizes[$1], -$1) }) else { break }
            sizes[widest] -= 1
            excess -= 1
        }
        // One column wider than the screen even at its narrowest is cut to the screen.
        if shown.count == 1, let only = shown.first, sizes[only] > width { sizes[only] = max(1, width) }
        widths = natural.indices.map { shown.contains($0) ? sizes[$0] : nil }
    }
}
