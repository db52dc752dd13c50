// How Octopus Deploy spells links, identity, tasks and paging (research/octopus-api.md §2–§4).

import RoveCore
import RoveHTTP

final class OctopusDialect: Dialect {
    func links(of document: Fields) -> Fields {
        if case .object(let links)? = document["Links"] { return links }
        return [:]
    }

    func identity(of document: Fields) -> String? {
        if case .string(let id)? = document["Id"] { return id }
        return nil
    }

    /// `Projects-12` → `Project`; ids of other shapes (`feeds-builtin`) say nothing.
    func kind(of document: Fields) -> String? {
        guard let id = identity(of: document), let dash = id.lastIndex(of: "-"),
              id[id.index(after: dash)...].allSatisfy(\.isNumber) else { return nil }
        var plural = id[..<dash]
        guard !plural.isEmpty, plural.allSatisfy(\.isLetter), plural.first!.isUppercase else { return nil }
        if plural.hasSuffix("s") { plural.removeLast() }
        return String(plural)
    }

    func name(of document: Fields) -> String? {
        if case .string(let name)? = document["Name"] { return name }
        return nil
    }

    func isTask(_ document: Fields) -> Bool {
        identity(of: document)?.hasPrefix("ServerTasks-") ?? false
    }

    func page(of document: Value) -> Page? {
        guard case .object(let fields) = document, case .list(let items)? = fields["Items"] else { return nil }
        var page = Page(items: items, total: nil, next: nil, offset: 0, size: items.count)
        if case .int(let total)? = fields["TotalResults"] { page.total = total }
        if case .int(let size)? = fields["ItemsPerPage"] { page.size = size }
        let links = links(of: fields)
        if case .string(let next)? = links["Page.Next"] { page.next = next }
        if case .string(let current)? = links["Page.Current"], let skip = Self.skip(in: current) { page.offset = skip }
        return page
    }

    func pageArguments(offset: Int, size: Int) -> [String: TemplateValue] {
        ["skip": .string(String(offset)), "take": .string(String(size))]
    }

    func requestedPaging(in arguments: [String: TemplateValue]) -> (offset: Int, size: Int?) {
        func integer(_ name: String) -> Int? {
            if case .string(let text)? = arguments[name] { return Int(text) }
            return nil
        }
        return (integer("skip") ?? 0, integer("take"))
    }

    func isCollection(template variables: [String]) -> Bool {
        variables.contains("skip") || variables.contains("take")
    }

    /// Octopus's `name` filter matches like `partialName` (Issues#7449), so either narrows.
    let nameFilters = ["partialName", "name"]

    func taskState(of document: Fields) -> TaskState {
        func string(_ key: String) -> String? {
            if case .string(let text)? = document[key], !text.isEmpty { return text }
            return nil
        }
        func flag(_ key: String) -> Bool { document[key] == .bool(true) }
        return TaskState(name: string("State") ?? "Unknown", isCompleted: flag("IsCompleted"),
                         succeeded: flag("FinishedSuccessfully"), errorMessage: string("ErrorMessage"),
                         pendingInterruption: flag("HasPendingInterruptions"))
    }

    let walkPageSize = 500
    let firstPageSize = 50

    /// The `skip` of a page link such as `/api/tasks?skip=30&take=30`.
    private static func skip(in link: String) -> Int? {
        guard let query = link.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "skip" { return Int(parts[1]) }
        }
        return nil
    }
}
