// How DeployHQ spells links, identity, tasks and paging: derived from addresses and the graph.

import RoveCore
import RoveHTTP

/// DeployHQ has no links in its documents (research/deployhq-api.md §2), so a resource's links
/// are the graph's paths one segment below its address: a project read from `projects/web` has
/// `servers`, `deployments`, `repository`, …; paths that are only written to (`star`, `abort`,
/// `rollback`) are methods. Members keep the API's snake_case names.
final class DeployHQDialect: Dialect {
    let graph: DeployHQGraph

    init(graph: DeployHQGraph = .shared) {
        self.graph = graph
    }

    // MARK: Links and addresses

    func links(of document: Fields, at address: String?) -> Fields {
        guard let address else { return [:] }
        var links: Fields = [:]
        for (name, route) in graph.children(of: DeployHQGraph.segments(of: address)) where route.answer != .none {
            var template = address.isEmpty ? name : address + "/" + name
            if !route.query.isEmpty { template += "{?" + route.query.joined(separator: ",") + "}" }
            links[name] = .string(template)
        }
        return links
    }

    func selfLink(of document: Fields, at address: String?) -> String? {
        address.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `identifier`: a UUID, or an integer for environment variables; log entries have an `id`.
    func identity(of document: Fields) -> String? {
        for key in ["identifier", "id"] {
            switch document[key] {
            case .string(let text)?: return text
            case .int(let number)?: return String(number)
            default: continue
            }
        }
        return nil
    }

    /// Collections whose items the API addresses by permalink as well as by identifier; the
    /// permalink reads better in traces and errors (`projects/web`).
    private static let addressedByPermalink: Set<Substring> = ["projects"]

    func address(ofItem item: Fields, inCollection collection: String) -> String? {
        let segments = DeployHQGraph.segments(of: collection)
        guard graph.addressesItems(below: segments) else { return nil }
        if let last = segments.last, Self.addressedByPermalink.contains(last),
           case .string(let permalink)? = item["permalink"], !permalink.isEmpty {
            return address(ofItem: permalink, inCollection: collection)
        }
        return identity(of: item).flatMap { address(ofItem: $0, inCollection: collection) }
    }

    func address(ofItem id: String, inCollection collection: String) -> String? {
        let segments = DeployHQGraph.segments(of: collection)
        guard graph.addressesItems(below: segments) else { return nil }
        let segment = (try? TemplateText.expand("{id}", with: ["id": .string(id)])) ?? id
        return segments.joined(separator: "/") + "/" + segment
    }

    /// `projects/web/server_groups/5a4b…` → `ServerGroup`: the collection's name, singular.
    func kind(of document: Fields, at address: String?) -> String? {
        guard let address else { return nil }
        let segments = DeployHQGraph.segments(of: address)
        let name: Substring?
        if let route = graph.route(at: segments) {
            name = route.segments.last == "*" ? route.segments.dropLast().last : route.segments.last
        } else if segments.count >= 2, graph.addressesItems(below: Array(segments.dropLast())) {
            name = segments[segments.count - 2]   // a step: addressed only for what lies below it
        } else {
            name = nil
        }
        return name.map { Self.singularCamelCase(String($0)) }
    }

    /// Deployment rows lack `steps`; project rows lack `capabilities` (research §2–§3).
    let listRowsAreAbridged = true

    func name(of document: Fields) -> String? {
        if case .string(let name)? = document["name"] { return name }
        return nil
    }

    func isTask(_ document: Fields, at address: String?) -> Bool {
        guard let address else { return false }
        return graph.route(at: address)?.segments == ["projects", "*", "deployments", "*"]
    }

    // MARK: Paging

    /// A bare array is the whole list; only deployments come in pages of `records`.
    func page(of document: Value) -> Page? {
        switch document {
        case .list(let items):
            return Page(items: items.array, total: items.count, next: nil, offset: 0, size: items.count)
        case .object(let fields):
            guard case .list(let items)? = fields["records"], case .object(let pagination)? = fields["pagination"] else { return nil }
            func integer(_ key: String) -> Int? { Self.integer(pagination[key]) }
            let current = integer("current_page") ?? 1
            // A full page says how big pages are; the last one may be short.
            let more = (integer("total_pages") ?? current) > current
            // A total below zero is the server not saying.
            let total = integer("total_records").flatMap { $0 >= 0 ? $0 : nil }
            return Page(items: items.array, total: total, next: nil, offset: integer("offset") ?? 0,
                        size: more ? items.count : max(items.count, 1))
        case .null, .bool, .int, .float, .string, .function, .host:
            return nil
        }
    }

    func pageArguments(offset: Int, size: Int, variables: [String]) -> [String: TemplateValue] {
        guard variables.contains("page") else { return [:] }
        return ["page": .string(String((max(0, offset) / max(1, size)).clampedAdding(1))), "per_page": .string(String(size))]
    }

    func requestedPaging(in arguments: [String: TemplateValue]) -> (offset: Int, size: Int?) {
        func integer(_ name: String) -> Int? {
            if case .string(let text)? = arguments[name] { return Int(text) }
            return nil
        }
        let page = integer("page")
        let size = integer("per_page").flatMap { $0 > 0 ? $0 : nil } ?? page.map { _ in defaultPageSize }
        return ((max(1, page ?? 1) - 1).clampedMultiplied(by: size ?? 0), size)
    }

    func isCollection(template: String, variables: [String]) -> Bool {
        let path = template.firstIndex(of: "{").map { String(template[..<$0]) } ?? template
        return graph.route(at: path)?.isList ?? false
    }

    let nameFilters: [String] = []
    /// The API documents no largest `per_page`; 100 keeps pages quick and walks short.
    let walkPageSize = 100
    let firstPageSize = 100
    let defaultPageSize = 10

    // MARK: Tasks

    /// Deployment `status`: `pending`, `running`, `completed`, `failed`, `cancelled`, and the
    /// preview states (research §3).
    func taskState(of document: Fields) -> TaskState {
        var status = "unknown"
        if case .string(let text)? = document["status"] { status = text }
        var state = TaskState(name: status, isCompleted: false, succeeded: false, errorMessage: nil,
                              pendingInterruption: false, activity: nil)
        switch status {
        case "completed", "preview_ready":
            state.isCompleted = true
            state.succeeded = true
        case "failed", "preview_failed", "cancelled", "aborted":
            state.isCompleted = true
        default:
            break
        }
        let steps = Self.steps(of: document)
        if let index = steps.firstIndex(where: { $0.status == "running" }) {
            // `step 4/5 Transferring files to server (9/15)`
            let running = steps[index]
            var activity = "step \(index + 1)/\(steps.count) \(running.description ?? running.identifier)"
            if let done = running.completedItems, let total = running.totalItems, total > 0 { activity += " (\(done)/\(total))" }
            state.activity = activity
        }
        if let failed = steps.first(where: { $0.status == "failed" }) {
            state.errorMessage = "failed at \(failed.description ?? failed.identifier)"
        }
        return state
    }

    func log(of task: Resource) throws -> String? {
        try DeployHQLogs.text(of: task)
    }

    /// `abort`, then a fresh read: the answer is only `{"status": …}`.
    func cancel(_ task: Resource) throws -> Fields? {
        try task.connection.send("POST", to: try task.selfLink() + "/abort", body: nil)
        guard case .object(let fields) = try task.connection.document(at: try task.selfLink()) else { return nil }
        return fields
    }

    // MARK: Writes

    /// Wraps `body` in the resource key of the path it goes to (`{"server": {...}}`), unless the
    /// script already did.
    func requestBody(_ body: Value, to address: String) -> Value {
        guard let wrapper = graph.route(at: address)?.wrapper, case .object(let fields) = body else { return body }
        if fields.count == 1, fields[wrapper] != nil { return body }
        return .object([wrapper: body])
    }

    /// The body without the resource key `requestBody` wrapped it in, with an `identifier`
    /// placeholder. A deployment (a new one, a rollback, a retry) is `planned`, so scripts that
    /// print its status say so, and has the shape the server answers with: revisions as
    /// `{ref: …}`, and `servers` and `steps` lists, empty since none has run.
    func standIn(for body: Value?, sentTo address: String, plan: DryRun) -> StandIn? {
        var document: Fields = [:]
        if case .object(let fields)? = body {
            document = fields
            if let wrapper = graph.route(at: address)?.wrapper, fields.count == 1, case .object(let inner)? = fields[wrapper] {
                document = inner
            }
        }
        document["identifier"] = .string(plan.issuePlaceholder())
        let segments = DeployHQGraph.segments(of: Connection.withoutQuery(address))
        if segments.count >= 3, segments[0] == "projects", segments[2] == "deployments" {
            document["status"] = "planned"
            for key in ["start_revision", "end_revision"] {
                if case .string(let ref)? = document[key] { document[key] = .object(["ref": .string(ref)]) }
            }
            for key in ["servers", "steps"] where document[key] == nil { document[key] = .list([]) }
        }
        return StandIn(document: document)
    }

    /// Only what the script changed: PUT and PATCH change just the keys sent, and sending back
    /// read-only fields (embedded servers, timestamps) is noise at best.
    func saveBody(of document: Fields, fetched: Fields, at address: String?) -> Value {
        var changed: Fields = [:]
        for (key, value) in document where fetched[key] != value { changed[key] = value }
        return .object(changed)
    }

    // MARK: Members the graph adds

    /// An embedded document or list the graph can address becomes a resource: `project.repository`
    /// gains `branches`, `deployment.steps[0]` gains `logs`. A flag saying a path has something
    /// (a step's `"logs": true`) gives way to the path itself; a step's log comes whole, oldest first.
    func field(_ name: String, _ value: Value, of resource: Resource) throws -> Value {
        guard let address = resource.address else { return value }
        let path = address + "/" + name
        switch value {
        case .bool:
            guard case .string(let link)? = links(of: resource.document, at: address)[name] else { return value }
            if name == "logs" { return .list(try DeployHQLogs(connection: resource.connection).entries(ofSteps: [address])[0]) }
            return .host(Link(template: link, rel: name, connection: resource.connection, dialect: self))
        case .object(let fields):
            guard graph.route(at: path) != nil else { return value }
            return .host(Resource(fields, connection: resource.connection, dialect: self, address: path))
        case .list(let items):
            guard graph.addressesItems(below: DeployHQGraph.segments(of: path)) else { return value }
            return .list(items.map { item in
                guard case .object(let fields) = item else { return item }
                return .host(Resource(fields, connection: resource.connection, dialect: self,
                                      address: self.address(ofItem: fields, inCollection: path)))
            })
        case .null, .int, .float, .string, .function, .host:
            return value
        }
    }

    /// What a project adds; dispatch, completion and help read it.
    static let projectMembers = HostMembers<Resource>([
        .method("deploy", doc: "deploy(to: target, branch:, revision:, mode:, from:, …) — starts a deployment and returns it") {
            project, arguments in try DeployHQDeploy(project: project, arguments: arguments).run()
        },
    ])

    /// What a deployment adds to the task members.
    static let deploymentMembers = HostMembers<Resource>([
        .property("logs", doc: "logs — the log entries of the steps that failed") { deployment, _ in
            .list(try DeployHQLogs.failedStepEntries(of: deployment))
        },
    ])

    func member(_ name: String, of resource: Resource) throws -> Value? {
        guard resource.isTask else { return nil }
        return try Self.deploymentMembers.read(name, of: resource, in: resource.connection.interpreter)
    }

    func method(_ name: String, of resource: Resource, with arguments: Arguments) throws -> Value? {
        guard let address = resource.address else { return nil }
        if isProject(at: address), let answer = try Self.projectMembers.call(name, on: resource, with: arguments) {
            return answer
        }
        guard let action = actions(at: address)[name] else { return nil }
        return try DeployHQAction(name: name, route: action, resource: resource, dialect: self).call(with: arguments)
    }

    func memberHelp(of resource: Resource) -> [HelpTopic.Entry] {
        guard let address = resource.address else { return [] }
        var entries: [HelpTopic.Entry] = []
        if isProject(at: address) { entries += Self.projectMembers.helpEntries }
        if resource.isTask { entries += Self.deploymentMembers.helpEntries }
        // Paths that are only written to, from the API's own description.
        for (name, route) in actions(at: address).sorted(by: { $0.key < $1.key }) {
            let method = route.writes.contains("POST") ? "POST" : route.writes[0]
            entries.append(HelpTopic.Entry(name: name, doc: "\(name)(…) — \(method) …/\(name), with labelled values or an object as the body"))
        }
        return entries
    }

    /// Whether `address` is a project's, which `deploy(to:)` belongs to.
    private func isProject(at address: String) -> Bool {
        graph.route(at: address)?.segments == ["projects", "*"]
    }

    /// Paths below `address` that are only written to: `abort`, `star`, `regenerate_key`.
    func actions(at address: String) -> [String: DeployHQRoute] {
        var actions: [String: DeployHQRoute] = [:]
        for (name, route) in graph.children(of: DeployHQGraph.segments(of: address))
        where route.answer == .none && !route.writes.isEmpty {
            actions[name] = route
        }
        return actions
    }

    // MARK: Helpers

    struct Step {
        var identifier: String
        var status: String
        var description: String?
        var hasLogs: Bool
        var completedItems: Int?
        var totalItems: Int?
    }

    static func steps(of document: Fields) -> [Step] {
        guard case .list(let items)? = document["steps"] else { return [] }
        return items.compactMap { item in
            guard case .object(let step) = item, case .string(let identifier)? = step["identifier"] else { return nil }
            var result = Step(identifier: identifier, status: "", description: nil, hasLogs: step["logs"] == .bool(true))
            if case .string(let status)? = step["status"] { result.status = status }
            if case .string(let description)? = step["description"] { result.description = description }
            result.completedItems = Self.integer(step["completed_items"])
            result.totalItems = Self.integer(step["total_items"])
            return result
        }
    }

    /// Counts come as numbers or as strings (research §3, "type quirks").
    static func integer(_ value: Value?) -> Int? {
        switch value {
        case .int(let number)?: return number
        case .string(let text)?: return Int(text)
        default: return nil
        }
    }

    /// `server_groups` → `ServerGroup`.
    static func singularCamelCase(_ name: String) -> String {
        var singular = name
        if singular.hasSuffix("ies") {
            singular = String(singular.dropLast(3)) + "y"
        } else if singular.hasSuffix("s"), !singular.hasSuffix("ss") {   // `test_access` stays
            singular.removeLast()
        }
        return singular.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
