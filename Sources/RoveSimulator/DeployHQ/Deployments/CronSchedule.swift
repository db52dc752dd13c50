// A five-field cron expression (minute hour day-of-month month day-of-week), for custom schedules.

/// `*/15 2 * * 1-5` and the like: `*`, numbers, ranges, lists and `/` steps, in UTC.
struct CronSchedule {
    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    /// 0 is Sunday; 7 is read as Sunday too.
    let weekdays: Set<Int>
    /// Cron's rule: when both day fields are restricted, a day matching either one runs.
    let restrictsDayOfMonth: Bool
    let restrictsWeekday: Bool

    /// Nil unless `text` is five valid fields.
    init?(_ text: String) {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5,
              let minutes = Self.field(fields[0], 0...59), let hours = Self.field(fields[1], 0...23),
              let days = Self.field(fields[2], 1...31), let months = Self.field(fields[3], 1...12),
              let weekdays = Self.field(fields[4], 0...7) else { return nil }
        self.minutes = minutes
        self.hours = hours
        daysOfMonth = days
        self.months = months
        self.weekdays = Set(weekdays.map { $0 % 7 })
        restrictsDayOfMonth = fields[2] != "*"
        restrictsWeekday = fields[4] != "*"
    }

    /// The values one field allows: `*`, `5`, `1-5`, `*/15`, `0-30/10`, and lists of those.
    static func field(_ text: String, _ range: ClosedRange<Int>) -> Set<Int>? {
        var values = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { return nil }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else { return nil }
                step = parsed
            }
            let span: ClosedRange<Int>
            if pieces[0] == "*" {
                span = range
            } else if let dash = pieces[0].firstIndex(of: "-") {
                guard let low = Int(pieces[0][..<dash]), let high = Int(pieces[0][pieces[0].index(after: dash)...]),
                      low <= high, range.contains(low), range.contains(high) else { return nil }
                span = low...high
            } else {
                guard let single = Int(pieces[0]), range.contains(single) else { return nil }
                span = pieces.count == 2 ? single...range.upperBound : single...single
            }
            values.formUnion(stride(from: span.lowerBound, through: span.upperBound, by: step))
        }
        return values.isEmpty ? nil : values
    }

    /// The first minute strictly after `now` the expression allows, looking up to five years ahead.
    func next(after now: Double) -> Double? {
        let start = Int((now / 60).rounded(.down)) + 1
        let firstDay = start / 1440 - (start < 0 && start % 1440 != 0 ? 1 : 0)
        for day in firstDay..<(firstDay + 5 * 366) {
            let date = OctopusTime.civil(day)
            guard months.contains(date.month) else { continue }
            let weekday = ((day + 4) % 7 + 7) % 7 // 1970-01-01 was a Thursday
            let dayMatches: Bool
            switch (restrictsDayOfMonth, restrictsWeekday) {
            case (true, true): dayMatches = daysOfMonth.contains(date.day) || weekdays.contains(weekday)
            case (true, false): dayMatches = daysOfMonth.contains(date.day)
            case (false, true): dayMatches = weekdays.contains(weekday)
            case (false, false): dayMatches = true
            }
            guard dayMatches else { continue }
            for hour in hours.sorted() {
                for minute in minutes.sorted() {
                    let candidate = day * 1440 + hour * 60 + minute
                    if candidate >= start { return Double(candidate * 60) }
                }
            }
        }
        return nil
    }
}
