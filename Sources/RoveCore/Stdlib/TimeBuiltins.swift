// Times as the APIs write them (ISO 8601) and as scripts compare them (seconds since 1970).

/// `parseTime("2026-06-30T14:02:11.000+01:00")` → seconds since 1970, and `formatTime(seconds)`
/// back to `2026-06-30T13:02:11Z`. Both are pure: the clock is `now()`'s business.
enum TimeBuiltins {
    static let table: [Builtin] = [
        Builtin("parseTime", doc: "parseTime(text) — seconds since 1970 of an ISO 8601 time as the APIs write them") { args in
            try args.expect(1)
            let text = try args.string(0)
            guard let seconds = ISOTime.seconds(of: text) else {
                throw args.badArgument(0, "'\(text)' is not an ISO 8601 time such as 2026-06-30T14:02:11Z")
            }
            return seconds == seconds.rounded() && abs(seconds) < 1e15 ? .int(Int(seconds)) : .float(seconds)
        },
        Builtin("formatTime", doc: "formatTime(seconds) — the ISO 8601 UTC time, such as 2026-06-30T13:02:11Z") { args in
            try args.expect(1)
            let seconds = try args.number(0)
            guard seconds.isFinite, abs(seconds) < 1e13 else { throw args.badArgument(0, "a time in seconds since 1970 expected") }
            return .string(ISOTime.text(of: seconds))
        },
    ]
}

/// The ISO 8601 forms Octopus and DeployHQ write: a date, then optionally `T` (or a space),
/// `HH:MM[:SS[.fff]]`, and a zone (`Z`, `±HH:MM`, `±HHMM`, `±HH`); no zone means UTC.
enum ISOTime {
    static func seconds(of text: String) -> Double? {
        var scanner = Array(text.utf8)[...]
        guard let year = number(&scanner, digits: 4), take("-", &scanner),
              let month = number(&scanner, digits: 2), take("-", &scanner),
              let day = number(&scanner, digits: 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Double(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        guard let separator = scanner.first else { return seconds }
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else { return nil }
        scanner.removeFirst()
        guard let hour = number(&scanner, digits: 2), take(":", &scanner), let minute = number(&scanner, digits: 2),
              hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if take(":", &scanner) {
            guard let second = number(&scanner, digits: 2), second < 61 else { return nil }
            seconds += Double(second)
            if take(".", &scanner) || take(",", &scanner) {
                var scale = 0.1
                var digits = 0
                while let byte = scanner.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    seconds += Double(byte - UInt8(ascii: "0")) * scale
                    scale /= 10
                    digits += 1
                    scanner.removeFirst()
                }
                guard digits > 0 else { return nil }
            }
        }
        guard let zone = scanner.first else { return seconds }
        if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
            scanner.removeFirst()
            return scanner.isEmpty ? seconds : nil
        }
        guard zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") else { return nil }
        scanner.removeFirst()
        guard let hours = number(&scanner, digits: 2), hours < 24 else { return nil }
        var minutes = 0
        if !scanner.isEmpty {
            _ = take(":", &scanner)
            guard let given = number(&scanner, digits: 2), given < 60, scanner.isEmpty else { return nil }
            minutes = given
        }
        let offset = Double(hours * 3600 + minutes * 60)
        // 14:00+01:00 is 13:00 UTC.
        return zone == UInt8(ascii: "+") ? seconds - offset : seconds + offset
    }

    /// `2026-06-30T13:02:11Z`; fractions of a second are kept to the millisecond when present.
    static func text(of seconds: Double) -> String {
        let whole = seconds.rounded(.down)
        let days = Int((whole / 86_400).rounded(.down))
        var rest = Int(whole) - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let hour = rest / 3600
        rest %= 3600
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(rest / 60, 2)):\(pad(rest % 60, 2))"
        let milliseconds = Int(((seconds - whole) * 1000).rounded())
        if milliseconds > 0 && milliseconds < 1000 { text += "." + pad(milliseconds, 3) }
        return text + "Z"
    }

    // MARK: The calendar (proleptic Gregorian; Howard Hinnant's days-from-civil)

    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func number(_ scanner: inout ArraySlice<UInt8>, digits: Int) -> Int? {
        guard scanner.count >= digits else { return nil }
        var value = 0
        for byte in scanner.prefix(digits) {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        scanner.removeFirst(digits)
        return value
    }

    private static func take(_ character: Unicode.Scalar, _ scanner: inout ArraySlice<UInt8>) -> Bool {
        guard scanner.first == UInt8(ascii: character) else { return false }
        scanner.removeFirst()
        return true
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
