// Parses `Retry-After` (RFC 9110 §10.2.3): delay seconds or an HTTP-date, without Foundation.

/// The `Retry-After` header of a response, as a number of seconds to wait.
enum RetryAfter {
    /// The wait `value` asks for, measured from `now` (seconds since the Unix epoch); nil when
    /// `value` is neither a non-negative integer nor an HTTP-date. A date in the past means 0.
    static func seconds(_ value: String, now: Double) -> Double? {
        let text = ClientText.trimmed(value)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            // Absurd values saturate instead of trapping; the total time cap rejects them anyway.
            return Double(Int(text) ?? Int.max)
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date - now)
    }

    /// Seconds since the Unix epoch of an HTTP-date in any of the three forms RFC 9110 §5.6.7
    /// says recipients must accept: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, the obsolete
    /// RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`, and asctime `Sun Nov  6 08:49:37 1994`.
    static func httpDate(_ text: String) -> Double? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var day: Int?, month: Int?, year: Int?, time: String?
        switch words.count {
        case 6 where words[5] == "GMT":      // IMF-fixdate: weekday day month year time GMT
            (day, month, year, time) = (Int(words[1]), monthNumber(words[2]), Int(words[3]), words[4])
        case 4 where words[3] == "GMT":      // RFC 850: weekday day-month-yy time GMT
            let parts = words[1].split(separator: "-").map(String.init)
            guard parts.count == 3, let yy = Int(parts[2]) else { return nil }
            // RFC 9110: a two-digit year more than 50 years ahead is in the past century.
            (day, month, year, time) = (Int(parts[0]), monthNumber(parts[1]), yy < 70 ? 2000 + yy : 1900 + yy, words[2])
        case 5:                              // asctime: weekday month day time year
            (day, month, year, time) = (Int(words[2]), monthNumber(words[1]), Int(words[4]), words[3])
        default:
            return nil
        }
        guard let day, let month, let year, let time, (1...31).contains(day) else { return nil }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2])
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Double(days * 86_400 + clock[0] * 3_600 + clock[1] * 60 + clock[2])
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func monthNumber(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }

    /// Days from 1970-01-01 to the given civil date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
