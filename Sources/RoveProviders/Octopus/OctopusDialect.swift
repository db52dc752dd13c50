// How Octopus Deploy spells links, identity, tasks and paging (research/octopus-api.md §2–§4).

import RoveCore
import RoveHTTP

final class OctopusDialect: Dialect {
    func links(of document: Fields) -> Fields {
        if case .object(let links)? = document["Links"] { return links }
        return [:]
    }

    func links(of document: Fields, at address: String?) -> Fields {
        links(of: document)
    }

    func selfLink(of document: Fields, at address: String?) -> String? {
        guard case .string(let link)? = links(of: document)["Self"] else { return nil }
        return link
    }

    /// Items carry their own `Self`; `get(id)` needs the collection's `{id}` template.
    func address(ofItem item: Fields, inCollection collection: String) -> String? { nil }
    func address(ofItem id: String, inCollection collection: String) -> String? { nil }

    func identity(of document: Fields) -> String? {
        if case .string(let id)? = document["Id"] { return id }
        return nil
    }

    /// `Projects-12` → `Project`; ids of other shapes (`feeds-builtin`) say nothing.
    func kind(of document: Fields, at address: String?) -> String? {
        guard let id = identity(of: document), let dash = id.lastIndex(of: "-"),
              id[id.index(after: dash)...].allSatisfy(\.isNumber) else { return nil }
        var plural = id[..<dash]
        guard !plural.isEmpty, plural.allSatisfy(\.isLetter), plural.first!.isUppercase else { return nil }
        if plural.hasSuffix("s") { plural.removeLast() }
        return String(plural)
    }

    /// Octopus lists carry whole resources.
    let listRowsAreAbridged = false

    func name(of document: Fields) -> String? {
        if case .string(let name)? = document["Name"] { return name }
        return nil
    }

    func isTask(_ document: Fields, at address: String?) -> Bool {
        identity(of: document)?.hasPrefix("ServerTasks-") ?? false
    }

    func page(of document: Value) -> Page? {
        // Some links answer a bare array (`lifecycle.Projects`, `CurrentUser.Spaces`): all of
        // it, one page, so every collection member works on it.
        if case .list(let items) = document {
            return Page(items: items.array, total: items.count, next: nil, offset: 0, size: items.count)
        }
        guard case .object(let fields) = document, case .list(let items)? = fields["Items"] else { return nil }
        var page = Page(items: items.array, total: nil, next: nil, offset: 0, size: items.count)
        // A total below zero, or a page size of zero or less, is the server not saying.
        if case .int(let total)? = fields["TotalResults"], total >= 0 { page.total = total }
        if case .int(let size)? = fields["ItemsPerPage"], size > 0 { page.size = size }
        let links = links(of: fields)
        if case .string(let next)? = links["Page.Next"] { page.next = next }
        if case .string(let current)? = links["Page.Current"], let skip = Self.skip(in: current) { page.offset = skip }
        return page
    }

    func pageArguments(offset: Int, size: Int, variables: [String]) -> [String: TemplateValue] {
        ["skip": .string(String(offset)), "take": .string(String(size))]
    }

    func requestedPaging(in arguments: [String: TemplateValue]) -> (offset: Int, size: Int?) {
        func integer(_ name: String) -> Int? {
            if case .string(let text)? = arguments[name] { return Int(text) }
            return nil
        }
        return (max(0, integer("skip") ?? 0), integer("take").flatMap { $0 > 0 ? $0 : nil })
    }

    func isCollection(template: String, variables: [String]) -> Bool {
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
                         pendingInterruption: flag("HasPendingInterruptions"), activity: string("Description"))
    }

    let walkPageSize = 500
    let firstPageSize = 50
    /// Octopus's `take` when none is given.
    let defaultPageSize = 30

    // MARK: Writes

    func requestBody(_ body: Value, to address: String) -> Value { body }

    /// Octopus replaces the whole document on PUT, so the whole document goes back.
    func saveBody(of document: Fields, fetched: Fields, at address: String?) -> Value { .object(document) }

    /// The body with `Id` and `Links.Self` in the collection it was posted to. A deployment or
    /// runbook run brings its task (`TaskId`, `Links.Task`), so `deploy()` can wait on it; a
    /// POST to `tasks` is the task. A POST without a body is an action on a resource
    /// (`Cancel`): its answer is that resource, which the script already holds.
    func standIn(for body: Value?, sentTo address: String, plan: DryRun) -> StandIn? {
        guard case .object(var document)? = body else { return nil }
        let collection = Connection.withoutQuery(address)
        let kind = collection.split(separator: "/").last?.lowercased() ?? ""
        let id = plan.issuePlaceholder(prefix: kind == "tasks" ? Self.taskPrefix : "")
        document["Id"] = .string(id)
        var links: Fields = ["Self": .string(collection + "/" + id)]
        var standIn = StandIn(document: document)
        if kind == "tasks" {
            for (key, value) in Self.plannedTask(id) where document[key] == nil { document[key] = value }
        } else if kind == "deployments" || kind == "runbookruns" {
            let task = plan.issuePlaceholder(prefix: Self.taskPrefix)
            let taskLink = collection.dropLast(kind.count) + "tasks/" + task
            document["TaskId"] = .string(task)
            links["Task"] = .string(taskLink)
            var taskDocument = Self.plannedTask(task)
            taskDocument["Links"] = .object(["Self": .string(taskLink)])
            standIn.implied.append((taskLink, taskDocument))
        }
        document["Links"] = .object(links)
        standIn.document = document
        return standIn
    }

    /// Task ids start so (`isTask`), placeholders too.
    private static let taskPrefix = "ServerTasks-"

    /// A task that will not run: `wait()` returns at once (`TaskBehaviour`), and its state says why.
    private static func plannedTask(_ id: String) -> Fields {
        ["Id": .string(id), "State": "Planned", "Description": "planned by a dry run, not run",
         "IsCompleted": false, "FinishedSuccessfully": false, "HasPendingInterruptions": false]
    }

    // MARK: What links already say

    func field(_ name: String, _ value: Value, of resource: Resource) -> Value { value }
    func member(_ name: String, of resource: Resource) throws -> Value? { nil }
    func method(_ name: String, of resource: Resource, with arguments: Arguments) throws -> Value? { nil }
    func memberHelp(of resource: Resource) -> [HelpTopic.Entry] { [] }

    // MARK: Tasks

    /// The plain-text log at `Links.Raw`.
    func log(of task: Resource) throws -> String? {
        guard case .string(let raw)? = task.links["Raw"] else { return nil }
        return try task.connection.text(at: try TemplateText.withoutVariables(raw))
    }

    func cancel(_ task: Resource) throws -> Fields? {
        guard case .string(let link)? = task.links["Cancel"] else {
            throw Diagnostic(.value, "\(task.identity ?? "this task") cannot be cancelled: it has no Cancel link")
        }
        if case .object(let fields)? = try task.connection.send("POST", to: try TemplateText.withoutVariables(link), body: nil) {
            return fields
        }
        return nil
    }

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
