// The default view of a list of records: which columns a table shows, in which order, derived
// from the records themselves the way PowerShell's format files choose them per type.

import RoveCore

/// The columns of a table, chosen from the rows.
///
/// Records as small as `select` makes (`smallRecordFields` fields or fewer) are shown whole, in
/// their own order: someone chose those fields. Larger ones (API documents) get a view: the
/// human name first, then a description, the state, dates, what the row refers to and the few
/// fields that tell rows apart, and the row's own identifier last. Links, nested documents,
/// long lists, other records' identifiers and hashes are never columns; neither is a field
/// that holds the same value in every row, unless it is the name or a state.
///
/// Nothing here is written per resource kind: a kind's view follows from its documents' field
/// names and value shapes, through the rule table in `FieldRules`.
struct TableView {
    let columns: [Column]
    /// Every field of the rows, in first-seen order: what the hint names when some are left out.
    let fields: [String]

    static let smallRecordFields = 8
    /// Identifiers up to this wide keep their column before a description or a detail does.
    static let longestCheapIdentifier = 20
    /// How many of each role a view takes at most.
    static let maximumStates = 2, maximumDates = 2, maximumReferences = 2, maximumDetails = 3

    init(rows: [Fields]) {
        fields = PlainData.columns(of: rows)
        if fields.count <= Self.smallRecordFields {
            columns = Self.wholeRecords(fields, rows: rows)
            return
        }
        var profiles = fields.enumerated().map { FieldProfile(key: $0.element, position: $0.offset) }
        for row in rows {
            for index in profiles.indices { profiles[index].add(row[profiles[index].key]) }
        }
        let view = Self.view(of: profiles, rows: rows)
        // Records the rules find nothing to show in (every field nil, or nested) still get a
        // table: their first fields, as they are.
        columns = view.isEmpty ? Self.wholeRecords(Array(fields.prefix(Self.smallRecordFields)), rows: rows) : view
    }

    /// Small records: every field in its place, the rightmost giving way first. The role only
    /// decides how far a column may be cut, so the first rows are enough to judge it by.
    private static func wholeRecords(_ fields: [String], rows: [Fields]) -> [Column] {
        fields.enumerated().map { position, key in
            var profile = FieldProfile(key: key, position: position)
            for row in rows.prefix(1000) { profile.add(row[key]) }
            let role = profile.role == .hidden ? .detail : profile.role
            return Column(key: key, role: role, priority: position)
        }
    }

    private static func view(of profiles: [FieldProfile], rows: [Fields]) -> [Column] {
        let byRole = Dictionary(grouping: profiles, by: \.role)
        func candidates(_ role: FieldRole) -> [FieldProfile] { byRole[role] ?? [] }

        /// The candidate of `role` that `rank` puts first; document order breaks ties.
        func best(_ role: FieldRole, by rank: (String) -> Int?) -> FieldProfile? {
            candidates(role).min { (rank($0.key) ?? .max, $0.position) < (rank($1.key) ?? .max, $1.position) }
        }
        let name = best(.name, by: FieldRules.nameRank)
        let description = best(.description, by: FieldRules.descriptionRank)
        let states = Array(candidates(.state).prefix(maximumStates))
        let identity = best(.identifier, by: FieldRules.identityRank)

        // Dates: the document's own, and those of nested records (`timestamps.started_at`).
        var datePaths: [(path: [String], rank: Int, isISO: Bool, position: Int)] = candidates(.date).map {
            ([$0.key], FieldRules.dateRank($0.key), $0.isISODate, $0.position)
        }
        for profile in profiles where profile.role == .hidden {
            for inner in profile.liftedDates {
                datePaths.append(([profile.key, inner], FieldRules.dateRank(inner), true, profile.position))
            }
        }
        datePaths.sort { ($0.rank, $0.isISO ? 0 : 1, $0.position) < ($1.rank, $1.isISO ? 0 : 1, $1.position) }

        // Details: the name's fellow name fields (`Version` beside `Name`) are details too.
        let otherNames = candidates(.name).filter { $0.key != name?.key }
        var details = (candidates(.detail) + otherNames).filter { !$0.isLongText }.sorted {
            ($0.detailRank.shape, $0.detailRank.sameness, $0.position) < ($1.detailRank.shape, $1.detailRank.sameness, $1.position)
        }
        // One address (a URL, a path) says where the row lives; a second rarely tells rows apart.
        if let address = details.first(where: \.isAddress)?.key {
            details.removeAll { $0.isAddress && $0.key != address }
        }
        let references = candidates(.reference)

        var chosen: [Column] = []
        func take(_ path: [String], _ role: FieldRole, priority: Int, limit: Int = .max) {
            guard chosen.filter({ $0.role == role }).count < limit else { return }
            let column = Column(path: path, role: role, priority: priority)
            // A field that holds the same in every row tells none of them apart.
            if rows.count >= 2, role == .date || role == .reference || role == .detail,
               rows.allSatisfy({ column.value(in: $0) == column.value(in: rows[0]) }) { return }
            // A column that repeats one already chosen in every row (a slug beside its name,
            // `LastModifiedOn` equal to `Assembled`) says nothing new.
            guard !chosen.contains(where: { repeats(column, $0, rows: rows) }) else { return }
            chosen.append(column)
        }
        // Priorities, lowest kept longest: the name; the first state and date; a short id (a
        // UUID gives way to a reference and a detail first); the description; the first
        // reference; the details; then the second state, date and reference.
        func taken(_ role: FieldRole) -> Int { chosen.filter { $0.role == role }.count }
        if let name { take([name.key], .name, priority: 0) }
        for state in states { take([state.key], .state, priority: taken(.state) == 0 ? 1 : 9) }
        for date in datePaths { take(date.path, .date, priority: taken(.date) == 0 ? 2 : 10, limit: maximumDates) }
        if let identity {
            take([identity.key], .identifier, priority: identity.longestText <= longestCheapIdentifier ? 3 : 7)
        }
        if let description { take([description.key], .description, priority: 4) }
        for reference in references {
            take([reference.key], .reference, priority: taken(.reference) == 0 ? 5 : 11, limit: maximumReferences)
        }
        for detail in details { take([detail.key], .detail, priority: 6 + taken(.detail), limit: maximumDetails) }
        return chosen.sorted { (displayOrder($0.role), $0.priority) < (displayOrder($1.role), $1.priority) }
    }

    /// Left to right: name, description, state, dates, references, details, identifier.
    private static func displayOrder(_ role: FieldRole) -> Int {
        switch role {
        case .name: return 0
        case .description: return 1
        case .state: return 2
        case .date: return 3
        case .reference: return 4
        case .detail, .hidden: return 5
        case .identifier: return 6
        }
    }

    /// Whether `column` shows what `other` shows in every row, letters compared without case
    /// or punctuation (`web-api` repeats `Web API`).
    private static func repeats(_ column: Column, _ other: Column, rows: [Fields]) -> Bool {
        guard column.role != .identifier, other.role != .identifier else { return false }
        return rows.allSatisfy { row in
            let a = column.value(in: row), b = other.value(in: row)
            if a == b { return true }
            guard case .string(let left)? = a, case .string(let right)? = b else { return false }
            return letters(left) == letters(right)
        }
    }

    private static func letters(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
