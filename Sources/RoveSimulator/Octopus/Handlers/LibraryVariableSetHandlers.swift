// Library variable sets: shared variables (or a script module) kept in a variable set of their own.

extension OctopusService {
    static let libraryContentTypes = ["Variables", "ScriptModule"]

    /// POST: a unique Name; the set's variables live at `variables/variableset-<id>`, created empty.
    func createLibraryVariableSet(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        let name = try requireUniqueName(body, kind: .libraryVariableSet, siblings: store.documents(.libraryVariableSet, in: context.space))
        let contentType = try libraryContentType(body) ?? "Variables"
        let id = store.nextId(.libraryVariableSet)
        var values = body.objectPairs ?? []
        values += [("Name", .string(name)), ("VariableSetId", .string("variableset-\(id)")),
                   ("ContentType", .string(contentType)), ("LastModifiedOn", timestamp())]
        let set = ResourceDefaults.make(.libraryVariableSet, id: id, spaceId: context.space, values)
        store.insert(.libraryVariableSet, set)
        store.insert(.variableSet, ResourceDefaults.make(.variableSet, id: "variableset-\(id)", spaceId: context.space,
                                                         [("OwnerId", .string(id))]))
        return OctopusResponses.json(render(.libraryVariableSet, set), status: 201)
    }

    /// PUT: the variable set it points at cannot be swapped; its variables change through `variables/{id}`.
    func updateLibraryVariableSet(_ context: RouteContext) throws -> SimResponse {
        let current = try existing(.libraryVariableSet, context.param("id"), context)
        let body = try context.body()
        var set = current
        if let type = try libraryContentType(body) { set.set("ContentType", .string(type)) }
        if body["Name"] != nil {
            let name = try requireUniqueName(body, kind: .libraryVariableSet, siblings: store.documents(.libraryVariableSet, in: context.space),
                                             excluding: current["Id"]?.stringValue)
            set.set("Name", .string(name))
        }
        for key in ["Description", "Templates"] {
            if let value = body[key], !value.isNull { set.set(key, value) }
        }
        set.set("LastModifiedOn", timestamp())
        store.insert(.libraryVariableSet, set)
        return OctopusResponses.json(render(.libraryVariableSet, set))
    }

    /// DELETE takes its variable set along, and projects stop including it.
    func deleteLibraryVariableSet(_ context: RouteContext) throws -> SimResponse {
        let set = try existing(.libraryVariableSet, context.param("id"), context)
        store.remove(.libraryVariableSet, set)
        if let variables = set["VariableSetId"]?.stringValue.flatMap({ store.find(.variableSet, $0, in: context.space) }) {
            store.remove(.variableSet, variables)
        }
        let id = set["Id"]?.stringValue ?? ""
        for project in store.documents(.project, in: context.space) where project["IncludedLibraryVariableSetIds"]?.stringArray.contains(id) == true {
            var changed = project
            changed.set("IncludedLibraryVariableSetIds", .strings((project["IncludedLibraryVariableSetIds"]?.stringArray ?? []).filter { $0 != id }))
            store.insert(.project, changed)
        }
        return OctopusResponses.empty()
    }

    /// `ContentType` when sent: `Variables` or `ScriptModule`, else a 400.
    func libraryContentType(_ body: JSONValue) throws -> String? {
        guard let sent = body["ContentType"], !sent.isNull else { return nil }
        guard let text = sent.stringValue, let type = Self.libraryContentTypes.first(where: { $0.lowercased() == text.lowercased() }) else {
            throw OctopusFailure.invalid("ContentType must be one of: \(Self.libraryContentTypes.joined(separator: ", ")).")
        }
        return type
    }
}
