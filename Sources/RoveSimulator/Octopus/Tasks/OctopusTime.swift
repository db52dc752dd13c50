// Formats clock seconds the way Octopus writes times (ISO with offset, log clock, long dates),
// and reads the ISO dates clients send in filters.

enum OctopusTime {
    /// Proleptic Gregorian civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// `2026-03-20T21:00:17.205+00:00`, the shape of every timestamp field.
    static func iso(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded(.down))
        let totalSeconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = millis - totalSeconds * 1000
        let days = totalSeconds >= 0 ? totalSeconds / 86_400 : (totalSeconds - 86_399) / 86_400
        let secondOfDay = totalSeconds - days * 86_400
        let date = civil(days)
        return "\(pad(date.year, 4))-\(pad(date.month))-\(pad(date.day))T\(pad(secondOfDay / 3600)):"
            + "\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)).\(pad(fraction, 3))+00:00"
    }

    /// `13:02:11`, the time column of a raw task log.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let secondOfDay = ((whole % 86_400) + 86_400) % 86_400
        return "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
    }

    static let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    /// `Monday, March 20, 2017 9:00 PM`, the task's human `Completed` field.
    static func long(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let date = civil(days)
        let weekday = weekdays[((days % 7) + 7) % 7]
        let hour24 = secondOfDay / 3600
        let hour12 = hour24 % 12 == 0 ? 12 : hour24 % 12
        return "\(weekday), \(months[date.month - 1]) \(date.day), \(date.year) \(hour12):\(pad(secondOfDay / 60 % 60)) \(hour24 < 12 ? "AM" : "PM")"
    }

    /// `32 seconds`, `1 minute`, `2 hours`: the task's `Duration`.
    static func duration(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        func unit(_ n: Int, _ name: String) -> String { n == 1 ? "1 \(name)" : "\(n) \(name)s" }
        if whole < 60 { return unit(whole, "second") }
        if whole < 3600 { return unit(whole / 60, "minute") }
        if whole < 86_400 { return unit(whole / 3600, "hour") }
        return unit(whole / 86_400, "day")
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date, the inverse of `civil`.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Seconds since 1970 of `2026-01-01`, `2026-01-01T10:30`, `2026-01-01T10:30:00.5Z` or
    /// `…+02:00` (no offset means UTC); nil for anything else.
    static func parse(_ text: String) -> Double? {
        let characters = Array(text.trimmedSpaces())
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= characters.count else { return nil }
            let digits = characters[index..<(index + width)]
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            index += width
            return Int(String(digits))
        }
        func skip(_ character: Character) -> Bool {
            guard index < characters.count, characters[index] == character else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Double(days(year: year, month: month, day: day) * 86_400)
        if skip("T") || skip(" ") {
            guard let hour = number(2), skip(":"), let minute = number(2), hour < 24, minute < 60 else { return nil }
            seconds += Double(hour * 3600 + minute * 60)
            if skip(":") {
                guard let second = number(2), second < 60 else { return nil }
                seconds += Double(second)
                if skip(".") {
                    let start = index
                    while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
                    guard index > start, let fraction = Double("0." + String(characters[start..<index])) else { return nil }
                    seconds += fraction
                }
            }
            if !skip("Z"), index < characters.count, characters[index] == "+" || characters[index] == "-" {
                let sign: Double = characters[index] == "-" ? -1 : 1
                index += 1
                guard let hours = number(2) else { return nil }
                _ = skip(":")  // `+0200` and `+02:00` both occur
                guard let minutes = number(2) else { return nil }
                seconds -= sign * Double(hours * 3600 + minutes * 60)
            }
        }
        return index == characters.count ? seconds : nil
    }
}
