// The small table of ranking rules a default view is derived from: which field names and value
// shapes mean a name, a state, a date, an identifier.

/// What a field is to a person reading a table, which decides whether it is a column and where.
enum FieldRole: Equatable {
    /// The human name: `Name`, `Version`, `name`, `title`. One per table, the first column.
    case name
    /// Free text about the row: `Description`, `StatusSummary`, `ErrorMessage`.
    case description
    /// Where the row is in its life: `State`, `status`, `HealthStatus`.
    case state
    /// A point in time: ISO 8601 text, or a field named like one (`Created`, `queued_at`).
    case date
    /// A nested record that names another thing (`project: {name: "Web", …}`), shown by its name.
    case reference
    /// Any other short scalar: a candidate for "the few fields that tell rows apart".
    case detail
    /// What identifies the row itself (`Id`, `identifier`): the last column.
    case identifier
    /// Never a column: links, other records' identifiers, hashes, nested documents, long lists.
    case hidden
}

/// The rules, after PowerShell's format files but as one table for every kind rather than a
/// column list per type. Names are compared after `normalized`, so `last_deployed_at`,
/// `LastDeployedAt` and `lastDeployedAt` read alike.
enum FieldRules {
    /// Names for a row's own identity, best first (Octopus's `Id`, DeployHQ's `identifier`).
    static let identityNames = ["Id", "identifier", "id", "ID", "uuid", "guid"]
    /// Names that are the human name of a row, best first.
    static let nameNames = ["name", "displayname", "title", "version", "username", "login", "label"]
    /// Words that make a field free text, best first.
    static let descriptionWords = ["description", "summary", "notes", "message", "comments", "comment"]
    /// Whole names (or endings) that make a short text field a state.
    static let stateWords = ["state", "status", "health", "result", "outcome", "stage", "phase"]
    /// Endings and whole names of date fields, for dates written as prose (Octopus's `Completed`).
    static let dateSuffixes = ["_at", "At", "On", "Time", "_time", "Date", "_date"]
    static let dateNames: Set<String> = ["created", "updated", "completed", "assembled", "modified", "timestamp"]
    /// Date fields by what they say, best first; a date matching none comes after these, and
    /// the bookkeeping ones (`LastModifiedOn`, `updated_at`) after everything.
    static let datePreference = ["created", "assembled", "start", "complet", "finish", "queue", "deployed", "end"]
    static let bookkeepingDateWords = ["modified", "updated", "checked"]
    /// Yes/no fields worth a column when they differ between rows: the row is switched off,
    /// paused, archived. Other flags (`CanRerun`, `use_compression`) are settings, not columns.
    static let flagWords = ["disabled", "enabled", "active", "archived", "paused", "locked"]
    /// Names of link collections.
    static let linkNames: Set<String> = ["links", "_links"]
    /// A state is a word or two; longer text under a state-like name reads as a description.
    static let longestState = 24
    /// Details are short: longer text (a public key, a paragraph) is not one.
    static let longestDetail = 40
    /// Lists of more items than this, or wider than `widestList` columns, are never columns.
    static let longestList = 3
    static let widestList = 30

    /// Whether `name` names a link when its values are paths: `url`, `servers_url`, `href`.
    static func isLinkName(_ name: String) -> Bool {
        let key = normalized(name)
        return key.hasSuffix("url") || key.hasSuffix("uri") || key == "href" || key == "self"
    }

    /// `last_deployed_at` → `lastdeployedat`: lowercased, without `_` and `-`.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Whether `name` names another record by its identifier: `ProjectId`, `EnvironmentIds`,
    /// `server_group_identifier`. Judged on the name as written, so `Valid` or `Paid` are not.
    static func namesOtherIdentifier(_ name: String) -> Bool {
        for suffix in ["Id", "Ids", "ID", "IDs", "_id", "_ids", "_identifier", "_identifiers", "Identifier", "Identifiers"]
            where name.count > suffix.count && name.hasSuffix(suffix) {
            return true
        }
        return false
    }

    /// The place of `name` among the identity names, or nil.
    static func identityRank(_ name: String) -> Int? {
        identityNames.firstIndex(of: name)
    }

    static func nameRank(_ name: String) -> Int? {
        nameNames.firstIndex(of: normalized(name))
    }

    static func descriptionRank(_ name: String) -> Int? {
        let key = normalized(name)
        return descriptionWords.firstIndex { key.hasSuffix($0) }
    }

    static func isFlagName(_ name: String) -> Bool {
        let key = normalized(name)
        return flagWords.contains { key.hasSuffix($0) }
    }

    static func isStateName(_ name: String) -> Bool {
        let key = normalized(name)
        return stateWords.contains { key == $0 || key.hasSuffix($0) }
    }

    static func isDateName(_ name: String) -> Bool {
        // Endings after a word boundary only: `queued_at`, `LastModifiedOn`, `QueueTime`, but
        // not `Format`, `Version` or `Runtime`.
        for suffix in dateSuffixes where name.count > suffix.count && name.hasSuffix(suffix) { return true }
        return dateNames.contains(normalized(name))
    }

    /// Lower is better: the order in which date columns are preferred.
    static func dateRank(_ name: String) -> Int {
        let key = normalized(name)
        if bookkeepingDateWords.contains(where: key.contains) { return datePreference.count + 1 }
        return datePreference.firstIndex(where: key.contains) ?? datePreference.count
    }

    // MARK: Shapes of values

    /// `2025-12-31T07:18:25.300+00:00`, `2025-12-31 07:18`, `2025-12-31`: ISO 8601 as APIs write it.
    static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(16))
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { $0 < bytes.count && (48...57).contains(bytes[$0]) } }
        guard digits(0..<4), bytes.count >= 10, bytes[4] == 45, digits(5..<7), bytes[7] == 45, digits(8..<10) else { return false }
        if text.utf8.count == 10 { return true }
        return bytes.count >= 16 && (bytes[10] == 84 || bytes[10] == 32) && digits(11..<13) && bytes[13] == 58 && digits(14..<16)
    }

    /// A UUID, or a long run of hex digits (a commit, a thumbprint): identifiers for machines.
    static func looksLikeIdentifier(_ text: String) -> Bool {
        let count = text.utf8.count
        guard count >= 32, count <= 64 else { return false }
        var hex = 0
        for byte in text.utf8 {
            switch byte {
            case 48...57, 65...70, 97...102: hex += 1
            case 45: continue
            default: return false
            }
        }
        return hex >= 32
    }

    /// An address rather than words: `https://…`, `git@…`, `/projects/api`.
    static func looksLikeAddress(_ text: String) -> Bool {
        text.hasPrefix("/") || text.contains("://") || text.hasPrefix("git@")
    }
}
