// When a scheduled deployment runs: its frequency and time, checked, and its next run after a moment.

/// The timing fields of a scheduled deployment (`frequency`, `at`, `weekday`, `day`, `month`,
/// `year`, `schedule`), in UTC. `future` runs once; the others recur.
struct DeploymentSchedule {
    enum Frequency: String, CaseIterable {
        case future, daily, weekly, monthly, custom
    }

    static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    let frequency: Frequency
    let hour: Int
    let minute: Int
    /// 0 is Sunday.
    let weekday: Int?
    let day: Int?
    let month: Int?
    let year: Int?
    let cron: CronSchedule?

    /// Reads the fields of a stored or sent document; `errors` lists every problem in the
    /// `{"errors": [...]}` wording scheduled deployments answer with.
    static func read(_ fields: [(String, JSONValue)]) -> (schedule: DeploymentSchedule?, errors: [String]) {
        var errors: [String] = []
        guard let frequencyText = fields.text("frequency") else { return (nil, ["Frequency can't be blank"]) }
        guard let frequency = Frequency(rawValue: frequencyText.lowercased()) else {
            return (nil, ["Frequency is not included in the list"])
        }
        var hour = 0, minute = 0
        if let at = fields.text("at") {
            let parts = at.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]),
               (0...23).contains(h), (0...59).contains(m) {
                hour = h
                minute = m
            } else {
                errors.append("At is invalid")
            }
        }
        func number(_ key: String, _ range: ClosedRange<Int>, needed: Bool) -> Int? {
            guard let text = fields.text(key) else {
                if needed { errors.append("\(key.prefix(1).uppercased() + key.dropFirst()) can't be blank") }
                return nil
            }
            guard let value = Int(text), range.contains(value) else {
                errors.append("\(key.prefix(1).uppercased() + key.dropFirst()) is not included in the list")
                return nil
            }
            return value
        }
        var weekday: Int? = nil
        if let text = fields.text("weekday") {
            weekday = Int(text).flatMap { (0...6).contains($0) ? $0 : nil }
                ?? weekdayNames.firstIndex { $0 == text.lowercased() || $0.prefix(3) == text.lowercased() }
            if weekday == nil { errors.append("Weekday is not included in the list") }
        } else if frequency == .weekly {
            errors.append("Weekday can't be blank")
        }
        let day = number("day", 1...31, needed: frequency == .monthly || frequency == .future)
        let month = number("month", 1...12, needed: frequency == .future)
        let year = number("year", 2000...9999, needed: frequency == .future)
        if frequency == .future, let day, let month, let year,
           OctopusTime.civil(OctopusTime.days(year: year, month: month, day: day)) != (year, month, day) {
            errors.append("Day is invalid")
        }
        var cron: CronSchedule? = nil
        if frequency == .custom {
            if let text = fields.text("schedule") {
                cron = CronSchedule(text)
                if cron == nil { errors.append("Schedule is invalid") }
            } else {
                errors.append("Schedule can't be blank")
            }
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (DeploymentSchedule(frequency: frequency, hour: hour, minute: minute, weekday: weekday, day: day,
                                   month: month, year: year, cron: cron), [])
    }

    /// The next run strictly after `now`; nil for a one-off whose time has passed (it has run).
    func next(after now: Double) -> Double? {
        let timeOfDay = Double(hour * 3600 + minute * 60)
        let today = Int((now / 86_400).rounded(.down))
        switch frequency {
        case .future:
            let at = Double(OctopusTime.days(year: year ?? 1970, month: month ?? 1, day: day ?? 1)) * 86_400 + timeOfDay
            return at > now ? at : nil
        case .daily:
            return (today...(today + 1)).lazy.map { Double($0) * 86_400 + timeOfDay }.first { $0 > now }
        case .weekly:
            return (today...(today + 7)).lazy.filter { (($0 + 4) % 7 + 7) % 7 == (weekday ?? 0) }
                .map { Double($0) * 86_400 + timeOfDay }.first { $0 > now }
        case .monthly:
            let date = OctopusTime.civil(today)
            for offset in 0...12 {
                let months = date.year * 12 + (date.month - 1) + offset
                let (y, m) = (months / 12, months % 12 + 1)
                let last = OctopusTime.civil(OctopusTime.days(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1) - 1).day
                let at = Double(OctopusTime.days(year: y, month: m, day: min(day ?? 1, last))) * 86_400 + timeOfDay
                if at > now { return at }
            }
            return nil
        case .custom:
            return cron?.next(after: now)
        }
    }
}
