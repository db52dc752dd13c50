// What one field's values look like across the rows of a table, and the role that makes it.

import RoveCore

/// A field summarised over every row: how many rows hold something, of what shapes, how wide,
/// how many different values. `FieldRules` turn the summary into a role.
struct FieldProfile {
    let key: String
    /// Where the key was first seen among the rows' keys: ties keep the document's order.
    let position: Int
    /// Rows holding something other than nil or an empty string, list or record.
    private(set) var filled = 0
    /// The different values seen, as text, up to `distinctLimit` of them.
    private var distinctValues = Set<String>()
    private static let distinctLimit = 64
    private var relativePaths = 0
    private(set) var strings = 0
    private(set) var dates = 0
    private(set) var proseWithDigits = 0
    private(set) var identifierShaped = 0
    private(set) var addresses = 0
    private(set) var numbers = 0
    private(set) var booleans = 0
    private(set) var scalarLists = 0
    private(set) var namedRecords = 0
    private(set) var namedLists = 0
    private(set) var otherShapes = 0
    private(set) var longestText = 0
    private(set) var longestList = 0
    /// Date fields of nested records (`timestamps.queued_at`), in first-seen order.
    private(set) var nestedDates: [String] = []
    private var nestedDateCounts: [String: Int] = [:]
    private var nestedRecords = 0

    init(key: String, position: Int) {
        self.key = key
        self.position = position
    }

    mutating func add(_ value: Value?) {
        let value = value ?? .null
        if distinctValues.count < Self.distinctLimit, Self.isScalar(value) || Self.isShortScalarList(value) {
            distinctValues.insert(String(value.description.prefix(100)))
        }
        switch value {
        case .null:
            return
        case .string(let text):
            guard !text.isEmpty else { return }
            strings += 1
            if FieldRules.looksLikeDate(text) { dates += 1 }
            if FieldRules.looksLikeIdentifier(text) { identifierShaped += 1 }
            if FieldRules.looksLikeAddress(text) { addresses += 1 }
            if text.hasPrefix("/") { relativePaths += 1 }
            if text.contains(where: \.isNumber) { proseWithDigits += 1 }
            longestText = max(longestText, TextWidth.of(String(text.prefix(TableFormat.maximumCellWidth + 1))))
        case .int, .float:
            numbers += 1
            longestText = max(longestText, TextWidth.of(value.description))
        case .bool:
            booleans += 1
            longestText = max(longestText, 5)
        case .list(let items):
            guard !items.isEmpty else { return }
            longestList = max(longestList, items.count)
            // A long list is never a column; it is not read any further (it may be huge).
            guard items.count <= FieldRules.longestList else {
                otherShapes += 1
                break
            }
            if items.allSatisfy({ Self.name(of: $0) != nil }) {
                namedLists += 1
            } else if Self.isShortScalarList(value) {
                scalarLists += 1
                if items.contains(where: Self.isIdentifierText) { identifierShaped += 1 }
            } else {
                otherShapes += 1
            }
            longestText = max(longestText, TextWidth.of(String(value.description.prefix(TableFormat.maximumCellWidth + 1))))
        case .object(let fields):
            guard !fields.isEmpty else { return }
            if Self.name(of: value) != nil { namedRecords += 1 } else { otherShapes += 1 }
            nestedRecords += 1
            for (name, inner) in fields {
                guard case .string(let text) = inner, FieldRules.looksLikeDate(text) else { continue }
                if nestedDateCounts[name] == nil { nestedDates.append(name) }
                nestedDateCounts[name, default: 0] += 1
            }
        case .function, .host:
            otherShapes += 1
        }
        filled += 1
    }

    /// The role the rules give this field.
    var role: FieldRole {
        if FieldRules.linkNames.contains(FieldRules.normalized(key)) || filled == 0 { return .hidden }
        // `servers_url: "/projects/api/servers"`: a link written as a field, as DeployHQ does.
        if FieldRules.isLinkName(key), relativePaths == filled { return .hidden }
        if namedRecords + namedLists == filled { return .reference }
        if otherShapes > 0 || namedRecords + namedLists > 0 { return .hidden }
        if scalarLists > 0 {
            let isIdentifiers = identifierShaped > 0 || FieldRules.namesOtherIdentifier(key)
            return scalarLists == filled && longestText <= FieldRules.widestList && !isIdentifiers ? .detail : .hidden
        }
        if FieldRules.identityRank(key) != nil, booleans == 0 { return .identifier }
        if FieldRules.namesOtherIdentifier(key) || (identifierShaped > 0 && identifierShaped == strings) { return .hidden }
        if booleans > 0 { return booleans == filled && FieldRules.isFlagName(key) ? .detail : .hidden }
        guard strings == filled else { return .detail }
        if FieldRules.nameRank(key) != nil { return .name }
        if FieldRules.descriptionRank(key) != nil { return .description }
        if FieldRules.isStateName(key) { return longestText <= FieldRules.longestState ? .state : .description }
        if dates == strings || (FieldRules.isDateName(key) && proseWithDigits == strings) { return .date }
        return .detail
    }

    /// Whether every value is ISO 8601 (rather than prose such as `Tuesday, December 30, 2025`).
    var isISODate: Bool { dates == strings && strings > 0 }

    /// The nested date fields found in every nested record, as `parent.child` paths.
    var liftedDates: [String] {
        nestedDates.filter { nestedDateCounts[$0] == nestedRecords }
    }

    /// How its values sort among details, lower first: short words, then lists, numbers,
    /// addresses, yes/no; within each, the field with more different values (it tells more
    /// rows apart).
    var detailRank: (shape: Int, sameness: Int) {
        let shape = booleans > 0 ? 4 : addresses > 0 ? 3 : numbers > 0 ? 2 : scalarLists > 0 ? 1 : 0
        return (shape, -distinctValues.count)
    }

    /// Text too long to tell rows apart at a glance (a key, a paragraph): never a detail column.
    var isLongText: Bool { longestText > FieldRules.longestDetail }

    /// Whether the values are addresses (`https://…`, `/projects/api`).
    var isAddress: Bool { addresses > 0 }

    /// The name of the record a nested one refers to: `project: {name: "Web", identifier: …}`
    /// is the project Web. A nested record without both a name and an identity (a package's
    /// `{ActionName, Version}`) is not a reference to anything.
    static func name(of value: Value) -> String? {
        guard case .object(let fields) = value, fields.keys.contains(where: { FieldRules.identityRank($0) != nil }) else {
            return nil
        }
        let named = fields.compactMap { key, inner -> (Int, String)? in
            guard case .string(let text) = inner, !text.isEmpty, let rank = FieldRules.nameRank(key) else { return nil }
            return (rank, text)
        }
        return named.min { $0.0 < $1.0 }?.1
    }

    private static func isShortScalarList(_ value: Value) -> Bool {
        guard case .list(let items) = value, items.count <= FieldRules.longestList else { return false }
        return items.allSatisfy(isScalar)
    }

    private static func isIdentifierText(_ value: Value) -> Bool {
        guard case .string(let text) = value else { return false }
        return FieldRules.looksLikeIdentifier(text)
    }

    private static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .null, .bool, .int, .float, .string: return true
        case .list, .object, .function, .host: return false
        }
    }
}
