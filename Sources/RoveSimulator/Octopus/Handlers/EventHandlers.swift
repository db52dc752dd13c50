// The audit log, derived from deployments and their tasks at read time (queued, started, finished).

/// One audit event; its number is derived from the deployment's, so ids stay stable.
struct AuditEvent {
    let number: Int
    let spaceId: String
    let category: String
    let occurred: Double
    let message: String
    let related: [String]

    var id: String { "Events-\(number)" }
}

extension OctopusService {
    static let eventTemplateQuery =
        "{?skip,regarding,regardingAny,user,users,projects,projectGroups,environments,eventGroups,eventCategories,eventAgents,tenants,tags,from,to,internal,fromAutoId,toAutoId,documentTypes,asCsv,take,ids,spaces,includeSystem,excludeDifference}"

    /// Every deployment's events as of now, newest first.
    func auditEvents(spaces: [String]) -> [AuditEvent] {
        let documents = taskDocuments
        let time = now()
        var events: [AuditEvent] = []
        for deployment in store.documents(.deployment, in: nil) {
            guard let spaceId = deployment["SpaceId"]?.stringValue, spaces.isEmpty || spaces.contains(spaceId),
                  let id = deployment["Id"]?.stringValue, let number = Int(id.dropFirst("Deployments-".count)),
                  let record = deployment["TaskId"]?.stringValue.flatMap(store.task) else { continue }
            let snapshot = documents.timeline(record).snapshot(at: time)
            let release = deployment["ReleaseId"]?.stringValue.flatMap { store.document(.release, $0) }
            let project = store.document(.project, deployment["ProjectId"]?.stringValue ?? "")?["Name"]?.stringValue ?? ""
            let subject = "\(deployment["Name"]?.stringValue ?? "Deploy") for \(project) release \(release?["Version"]?.stringValue ?? "")"
            let related = [id, deployment["ProjectId"]?.stringValue, deployment["ReleaseId"]?.stringValue,
                           deployment["EnvironmentId"]?.stringValue, record.id].compactMap { $0 }
            func add(_ offset: Int, _ category: String, _ at: Double, _ verb: String) {
                events.append(AuditEvent(number: number * 3 + offset, spaceId: spaceId, category: category, occurred: at,
                                         message: "\(subject) \(verb)", related: related))
            }
            add(0, "DeploymentQueued", record.queuedAt, "queued")
            if let started = snapshot.startTime { add(1, "DeploymentStarted", started, "started") }
            if let completed = snapshot.completedTime {
                switch snapshot.state {
                case .success: add(2, "DeploymentSucceeded", completed, "succeeded")
                case .failed: add(2, "DeploymentFailed", completed, "failed")
                case .canceled: add(2, "DeploymentCanceled", completed, "was canceled")
                case .queued, .executing: break
                }
            }
        }
        return events.sorted { $0.occurred != $1.occurred ? $0.occurred > $1.occurred : $0.number > $1.number }
    }

    func eventDocument(_ event: AuditEvent) -> JSONValue {
        .object([
            ("Id", .string(event.id)), ("RelatedDocumentIds", .strings(event.related)), ("Category", .string(event.category)),
            ("UserId", "Users-1"), ("Username", "rove-demo"), ("IsService", false), ("IdentityEstablishedWith", "API key"),
            ("UserAgent", "rove"), ("Occurred", .string(OctopusTime.iso(event.occurred))), ("Message", .string(event.message)),
            ("MessageHtml", .string(event.message)), ("MessageReferences", []), ("Comments", .null), ("Details", .null),
            ("SpaceId", .string(event.spaceId)), ("Links", .object([("Self", .string("/api/events/\(event.id)"))])),
        ])
    }

    func listEvents(_ context: RouteContext) throws -> SimResponse {
        var events = auditEvents(spaces: context.spaceExplicit ? [context.space] : context.queryList("spaces"))
        let regarding = Set(context.queryList("regarding") + context.queryList("regardingAny"))
        if !regarding.isEmpty { events = events.filter { !regarding.isDisjoint(with: $0.related) } }
        for parameter in ["projects", "environments"] {
            let wanted = Set(context.queryList(parameter))
            if !wanted.isEmpty { events = events.filter { !wanted.isDisjoint(with: $0.related) } }
        }
        let categories = Set(context.queryList("eventCategories"))
        if !categories.isEmpty { events = events.filter { categories.contains($0.category) } }
        let ids = Set(context.queryList("ids"))
        if !ids.isEmpty { events = events.filter { ids.contains($0.id) } }
        // Every event is the demo user's, so `users`/`user` keep all or nothing.
        let users = Set(context.queryList("users") + context.queryList("user"))
        if !users.isEmpty && !users.contains(Self.currentUserId) { events = [] }
        if let from = try eventTime(context, "from") { events = events.filter { $0.occurred >= from } }
        if let to = try eventTime(context, "to") { events = events.filter { $0.occurred <= to } }
        let path = context.spaceExplicit ? "/api/\(context.space)/events" : "/api/events"
        let page = try CollectionPage.render(events, itemType: "Event", path: path,
                                             template: path + "{/id}" + OctopusService.eventTemplateQuery,
                                             context: context) { eventDocument($0) }
        return OctopusResponses.json(page)
    }

    /// `from`/`to` as ISO dates (`2026-01-01`, `2026-01-01T10:00:00+00:00`); both bounds are inclusive.
    func eventTime(_ context: RouteContext, _ name: String) throws -> Double? {
        guard let text = context.query(name) else { return nil }
        guard let seconds = OctopusTime.parse(text) else {
            throw OctopusFailure.invalid("The value '\(text)' is not valid for \(name).")
        }
        return seconds
    }

    func getEvent(_ context: RouteContext) throws -> SimResponse {
        let id = context.param("id")
        let spaces = context.spaceExplicit ? [context.space] : []
        guard let event = auditEvents(spaces: spaces).first(where: { $0.id.lowercased() == id.lowercased() }) else {
            throw OctopusFailure.notFound
        }
        return OctopusResponses.json(eventDocument(event))
    }
}
