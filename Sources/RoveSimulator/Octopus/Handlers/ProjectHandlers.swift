// Creation rules per kind, and the project-side routes: channels, variables, process, machines.

extension OctopusService {
    /// POST for the standard kinds, with each kind's required references checked first.
    func createDocument(_ kind: ResourceKind, _ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        switch kind {
        case .project:
            var errors: [String] = []
            if body["LifecycleId"]?.stringValue.flatMap({ store.find(.lifecycle, $0, in: context.space) }) == nil {
                errors.append("Please select a lifecycle.")
            }
            if body["ProjectGroupId"]?.stringValue.flatMap({ store.find(.projectGroup, $0, in: context.space) }) == nil {
                errors.append("Please select a project group.")
            }
            if (body["Name"]?.stringValue ?? "").isEmpty { errors.append("Please provide a value for Name.") }
            if !errors.isEmpty { throw OctopusFailure.badRequest("There was a problem with your request.", errors: errors) }
            return try createProject(body, context)
        case .channel, .runbook:
            guard let projectId = body["ProjectId"]?.stringValue, store.find(.project, projectId, in: context.space) != nil else {
                throw OctopusFailure.invalid("Please provide a value for ProjectId.")
            }
            let siblings = store.documents(kind, in: context.space).filter { $0["ProjectId"]?.stringValue == projectId }
            let name = try requireUniqueName(body, kind: kind, siblings: siblings)
            var values = body.objectPairs ?? []
            values.append(("Slug", .string(ResourceDefaults.slug(name))))
            let id = store.nextId(kind)
            if kind == .runbook { values.append(("RunbookProcessId", .string("RunbookProcess-\(id)"))) }
            let document = ResourceDefaults.make(kind, id: id, spaceId: context.space, values)
            store.insert(kind, document)
            return OctopusResponses.json(render(kind, document), status: 201)
        case .machine:
            if body["EnvironmentIds"]?.stringArray.isEmpty ?? true {
                throw OctopusFailure.invalid("Please select at least one environment for this deployment target.")
            }
            return try create(kind, context, body: body)
        case .tenant:
            var checked = body
            if let tags = try validatedTenantTags(body, spaceId: context.space) { checked.set("TenantTags", tags) }
            return try create(kind, context, body: checked)
        case .tagSet:
            return try createTagSet(context)
        case .libraryVariableSet:
            return try createLibraryVariableSet(context)
        case .space, .projectGroup, .environment, .lifecycle, .release, .deployment, .feed, .account,
             .variableSet, .runbookSnapshot, .runbookRun, .deploymentProcess, .interruption, .user, .team:
            return try create(kind, context, body: body)
        }
    }

    func createProject(_ body: JSONValue, _ context: RouteContext) throws -> SimResponse {
        let name = try requireUniqueName(body, kind: .project, siblings: store.documents(.project, in: context.space))
        let id = store.nextId(.project)
        var values = body.objectPairs ?? []
        values += [("Slug", .string(ResourceDefaults.slug(name))), ("VariableSetId", .string("variableset-\(id)")),
                   ("DeploymentProcessId", .string("deploymentprocess-\(id)")), ("LastModifiedOn", timestamp())]
        let project = ResourceDefaults.make(.project, id: id, spaceId: context.space, values)
        store.insert(.project, project)
        store.insert(.variableSet, ResourceDefaults.make(.variableSet, id: "variableset-\(id)", spaceId: context.space,
                                                         [("OwnerId", .string(id))]))
        store.insert(.deploymentProcess, ResourceDefaults.make(.deploymentProcess, id: "deploymentprocess-\(id)",
                                                               spaceId: context.space, [("ProjectId", .string(id))]))
        store.insert(.channel, ResourceDefaults.make(.channel, id: store.nextId(.channel), spaceId: context.space, [
            ("Name", "Default"), ("Slug", "default"), ("ProjectId", .string(id)), ("IsDefault", true)]))
        return OctopusResponses.json(render(.project, project), status: 201)
    }

    func projectGroupProjects(_ context: RouteContext) throws -> SimResponse {
        let group = try existing(.projectGroup, context.param("id"), context)
        return try list(.project, context, path: "/api/\(context.space)/projectgroups/\(group["Id"]?.stringValue ?? "")/projects") {
            $0["ProjectGroupId"] == group["Id"]
        }
    }

    /// The projects using a lifecycle, directly or through one of their channels: a bare
    /// array, not a page, as the real route answers ("Gets all projects that use this lifecycle").
    func lifecycleProjects(_ context: RouteContext) throws -> SimResponse {
        let lifecycle = try existing(.lifecycle, context.param("id"), context)
        let throughChannels = Set(store.documents(.channel, in: context.space)
            .filter { $0["LifecycleId"] == lifecycle["Id"] }.compactMap { $0["ProjectId"]?.stringValue })
        return OctopusResponses.json(.array(store.documents(.project, in: context.space)
            .filter { $0["LifecycleId"] == lifecycle["Id"] || throughChannels.contains($0["Id"]?.stringValue ?? "") }
            .map { render(.project, $0) }))
    }

    func projectChannels(_ context: RouteContext) throws -> SimResponse {
        let project = try existing(.project, context.param("id"), context)
        let projectId = project["Id"]?.stringValue ?? ""
        return try list(.channel, context, path: "/api/\(context.space)/projects/\(projectId)/channels") {
            $0["ProjectId"]?.stringValue == projectId
        }
    }

    func projectChannel(_ context: RouteContext) throws -> SimResponse {
        let project = try existing(.project, context.param("id"), context)
        guard let channel = store.find(.channel, context.param("channelId"), in: context.space),
              channel["ProjectId"] == project["Id"] else { throw OctopusFailure.notFound }
        return OctopusResponses.json(render(.channel, channel))
    }

    func projectVariableSet(_ context: RouteContext) throws -> JSONValue {
        let project = try existing(.project, context.param("id"), context)
        guard let id = project["VariableSetId"]?.stringValue, let set = store.find(.variableSet, id, in: context.space) else {
            throw OctopusFailure.notFound
        }
        return set
    }

    func projectVariables(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(render(.variableSet, try projectVariableSet(context)))
    }

    func putProjectVariables(_ context: RouteContext) throws -> SimResponse {
        try replaceVariables(try projectVariableSet(context), context)
    }

    func putVariables(_ context: RouteContext) throws -> SimResponse {
        try replaceVariables(try existing(.variableSet, context.param("id"), context), context)
    }

    /// Read-modify-write: the body must carry the set's current `Version` (research §3, VariableSet).
    func replaceVariables(_ current: JSONValue, _ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        let version = current["Version"]?.intValue ?? 0
        guard let sent = body["Version"]?.intValue else {
            throw OctopusFailure.invalid("Please provide the Version of the variable set you are updating.")
        }
        guard sent == version else {
            throw OctopusFailure.conflict("The variable set has been modified by another user. Please reload and try again.",
                                          errors: ["The variable set version \(sent) is out of date; the current version is \(version)."])
        }
        guard let sentVariables = body["Variables"]?.arrayValue else {
            throw OctopusFailure.invalid("Please provide the Variables of the variable set.")
        }
        let previous = current["Variables"]?.arrayValue ?? []
        var variables: [JSONValue] = []
        for (index, variable) in sentVariables.enumerated() {
            guard case .object = variable, let name = variable["Name"]?.stringValue, !name.isEmpty else {
                throw OctopusFailure.invalid("Variable \(index + 1) needs a Name.")
            }
            var stored = ResourceDefaults.variable(name: name, value: .null)
            for (key, value) in variable.objectPairs ?? [] { stored.set(key, value) }
            if stored["Id"]?.stringValue?.isEmpty ?? true {
                stored.set("Id", .string(ResourceDefaults.variableId(seed: "\(current["Id"]?.stringValue ?? "")-\(version + 1)-\(index)")))
            }
            // A sensitive value sent back as null keeps its stored value: the client never saw it.
            if stored["IsSensitive"]?.boolValue == true, stored["Value"]?.isNull ?? true,
               let old = previous.first(where: { $0["Id"] == stored["Id"] }) {
                stored.set("Value", old["Value"] ?? .null)
            }
            variables.append(stored)
        }
        var updated = current
        updated.set("Variables", .array(variables))
        updated.set("Version", .int(version + 1))
        updated.set("LastModifiedOn", timestamp())
        store.insert(.variableSet, updated)
        return OctopusResponses.json(render(.variableSet, updated))
    }

    func projectDeploymentProcess(_ context: RouteContext) throws -> SimResponse {
        let project = try existing(.project, context.param("id"), context)
        guard let id = project["DeploymentProcessId"]?.stringValue, let process = store.find(.deploymentProcess, id, in: context.space) else {
            throw OctopusFailure.notFound
        }
        return OctopusResponses.json(render(.deploymentProcess, process))
    }

    func environmentMachines(_ context: RouteContext) throws -> SimResponse {
        let environment = try existing(.environment, context.param("id"), context)
        let id = environment["Id"]?.stringValue ?? ""
        return try list(.machine, context, path: "/api/\(context.space)/environments/\(id)/machines") {
            $0["EnvironmentIds"]?.stringArray.contains(id) ?? false
        }
    }
}
