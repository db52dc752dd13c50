// Arithmetic on numbers a server or a script chose: it saturates at the ends of Int instead of trapping.

/// Totals, offsets and page numbers come from JSON and from scripts, so any of them may be
/// `Int.max` or `Int.min` (DESIGN §9). Paging sums them; an overflow there would crash the
/// host, while the nearest end of `Int` is simply a place past every real collection.
extension Int {
    /// `self + other`, or the end of `Int` it ran past.
    func clampedAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, or the end of `Int` it ran past.
    func clampedSubtracting(_ other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }

    /// `self * other`, or the end of `Int` it ran past.
    func clampedMultiplied(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }
}
