// The uniform list / all / get / create / update / delete behaviour every stored kind shares.

extension OctopusService {
    /// A stored document with its `Links`; sensitive variable values are never sent back.
    func render(_ kind: ResourceKind, _ document: JSONValue) -> JSONValue {
        var rendered = document
        if kind == .variableSet, let variables = document["Variables"]?.arrayValue {
            rendered.set("Variables", .array(variables.map { variable in
                var copy = variable
                if copy["IsSensitive"]?.boolValue == true { copy.set("Value", .null) }
                return copy
            }))
        }
        if kind == .interruption { rendered = interruptionView(rendered) }
        rendered.set("Links", ResourceLinks.links(kind, document))
        return rendered
    }

    /// Documents of `kind` in the context's space, filtered by the query, in listing order.
    func listed(_ kind: ResourceKind, _ context: RouteContext, where include: (JSONValue) -> Bool = { _ in true }) -> [JSONValue] {
        var documents = store.documents(kind, in: kind.isSpaceScoped ? context.space : nil).filter(include)
        if kind == .interruption { documents = documents.filter(interruptionIsVisible) }
        documents = kind.listOrder.sorted(documents)
        documents = ResourceFilters.apply(documents, kind: kind, context: context)
        // `taskState` reads the task behind a deployment or run, so it needs the clock.
        let states = Set(context.queryList("taskState").map { $0.lowercased() })
        if !states.isEmpty && (kind == .deployment || kind == .runbookRun) {
            let tasks = taskDocuments
            let time = now()
            documents = documents.filter { document in
                guard let record = document["TaskId"]?.stringValue.flatMap(store.task) else { return false }
                return states.contains(tasks.timeline(record).snapshot(at: time).state.rawValue.lowercased())
            }
        }
        return documents
    }

    func collectionPath(_ kind: ResourceKind, _ context: RouteContext) -> String {
        kind.isSpaceScoped ? "/api/\(context.space)/\(kind.segment)" : "/api/\(kind.segment)"
    }

    func list(_ kind: ResourceKind, _ context: RouteContext, path: String? = nil,
              where include: (JSONValue) -> Bool = { _ in true }) throws -> SimResponse {
        let base = path ?? collectionPath(kind, context)
        let template = base + (path == nil ? "{/id}" : "") + kind.queryTemplate
        let page = try CollectionPage.render(listed(kind, context, where: include), itemType: kind.itemType, path: base,
                                             template: template, context: context) { render(kind, $0) }
        return OctopusResponses.json(page)
    }

    /// The `/all` sibling: a bare array, no paging.
    func all(_ kind: ResourceKind, _ context: RouteContext, where include: (JSONValue) -> Bool = { _ in true }) -> SimResponse {
        OctopusResponses.json(.array(listed(kind, context, where: include).map { render(kind, $0) }))
    }

    func existing(_ kind: ResourceKind, _ idOrSlug: String, _ context: RouteContext) throws -> JSONValue {
        guard let document = store.find(kind, idOrSlug, in: kind.isSpaceScoped ? context.space : nil) else {
            throw OctopusFailure.notFound
        }
        return document
    }

    func get(_ kind: ResourceKind, _ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(render(kind, try existing(kind, context.param("id"), context)))
    }

    func timestamp() -> JSONValue { .string(OctopusTime.iso(now())) }

    /// Checks a name is given and unique among `siblings`; duplicates are a 409 (research §10).
    func requireUniqueName(_ body: JSONValue, kind: ResourceKind, siblings: [JSONValue], excluding id: String? = nil) throws -> String {
        guard let name = body["Name"]?.stringValue?.trimmedSpaces(), !name.isEmpty else {
            throw OctopusFailure.invalid("Please provide a value for Name.")
        }
        if siblings.contains(where: { $0["Name"]?.stringValue?.lowercased() == name.lowercased() && $0["Id"]?.stringValue != id }) {
            throw OctopusFailure.conflict("There was a problem with your request.",
                                          errors: ["A \(kind.itemType.lowercased()) with the name '\(name)' already exists. Please choose a different name."])
        }
        return name
    }

    /// POST for kinds with no special rules: a Name, unique in the space.
    func create(_ kind: ResourceKind, _ context: RouteContext, body sent: JSONValue? = nil) throws -> SimResponse {
        let body = try sent ?? context.body()
        let spaceId = kind.isSpaceScoped ? context.space : nil
        let name = try requireUniqueName(body, kind: kind, siblings: store.documents(kind, in: spaceId))
        var values = body.objectPairs ?? []
        if body["Slug"]?.stringValue?.isEmpty ?? true { values.append(("Slug", .string(ResourceDefaults.slug(name)))) }
        values.append(("LastModifiedOn", timestamp()))
        let document = ResourceDefaults.make(kind, id: store.nextId(kind), spaceId: spaceId, values)
        store.insert(kind, document)
        return OctopusResponses.json(render(kind, document), status: 201)
    }

    /// PUT: the body replaces the document's fields; `Id` and `SpaceId` stay as they are.
    func update(_ kind: ResourceKind, _ context: RouteContext) throws -> SimResponse {
        let current = try existing(kind, context.param("id"), context)
        var body = try context.body()
        if kind == .tenant, let tags = try validatedTenantTags(body, spaceId: context.space) { body.set("TenantTags", tags) }
        let id = current["Id"]?.stringValue ?? ""
        if body["Name"] != nil {
            let siblings = store.documents(kind, in: kind.isSpaceScoped ? context.space : nil).filter {
                kind != .channel && kind != .runbook || $0["ProjectId"] == current["ProjectId"]
            }
            _ = try requireUniqueName(body, kind: kind, siblings: siblings, excluding: id)
        }
        var document = current
        for (key, value) in body.objectPairs ?? [] where key != "Id" && key != "SpaceId" && key != "Links" {
            document.set(key, value)
        }
        document.set("LastModifiedOn", timestamp())
        store.insert(kind, document)
        return OctopusResponses.json(render(kind, document))
    }

    /// DELETE answers 200 with an empty body (research §5.1).
    func delete(_ kind: ResourceKind, _ context: RouteContext) throws -> SimResponse {
        let document = try existing(kind, context.param("id"), context)
        store.remove(kind, document)
        return OctopusResponses.empty()
    }
}
