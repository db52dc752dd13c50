// Teams: mixed-scope documents (a space's, or the system's with `SpaceId` null) and their members.

extension OctopusService {
    /// Teams a request can see: at `/api/{space}/teams` that space's and (unless
    /// `includeSystem=false`) the system's; at `/api/teams` every space's, narrowed by `spaces`.
    func visibleTeams(_ context: RouteContext) -> [JSONValue] {
        let includeSystem = context.queryBool("includeSystem") ?? true
        let spaces = context.spaceExplicit ? [context.space] : context.queryList("spaces")
        return store.documents(.team, in: nil).filter { team in
            guard let spaceId = team["SpaceId"]?.stringValue else { return includeSystem }
            return spaces.isEmpty || spaces.contains(spaceId)
        }
    }

    func teamsPath(_ context: RouteContext) -> String {
        context.spaceExplicit ? "/api/\(context.space)/teams" : "/api/teams"
    }

    func listTeams(_ context: RouteContext) throws -> SimResponse {
        let path = teamsPath(context)
        let teams = ResourceFilters.apply(ResourceKind.team.listOrder.sorted(visibleTeams(context)), kind: .team, context: context)
        let page = try CollectionPage.render(teams, itemType: ResourceKind.team.itemType, path: path,
                                             template: path + "{/id}" + ResourceKind.team.queryTemplate,
                                             context: context) { render(.team, $0) }
        return OctopusResponses.json(page)
    }

    func allTeams(_ context: RouteContext) -> SimResponse {
        let teams = ResourceFilters.apply(ResourceKind.team.listOrder.sorted(visibleTeams(context)), kind: .team, context: context)
        return OctopusResponses.json(.array(teams.map { render(.team, $0) }))
    }

    /// A team the request can see; another space's team is not found, as for any space resource.
    func existingTeam(_ context: RouteContext) throws -> JSONValue {
        let id = context.param("id").lowercased()
        guard let team = store.documents(.team, in: nil).first(where: { $0["Id"]?.stringValue?.lowercased() == id }) else {
            throw OctopusFailure.notFound
        }
        if context.spaceExplicit, let spaceId = team["SpaceId"]?.stringValue, spaceId != context.space {
            throw OctopusFailure.notFound
        }
        return team
    }

    func getTeam(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(render(.team, try existingTeam(context)))
    }

    /// POST: a Name unique among the teams of the same space; members must be users that exist.
    func createTeam(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        let spaceId = try teamSpace(body, context)
        let siblings = store.documents(.team, in: nil).filter { $0["SpaceId"]?.stringValue == spaceId }
        let name = try requireUniqueName(body, kind: .team, siblings: siblings)
        let members = try memberUserIds(body) ?? []
        var values = body.objectPairs ?? []
        values += [("Name", .string(name)), ("MemberUserIds", .strings(members)), ("LastModifiedOn", timestamp())]
        // Only the server grants these; a client cannot create an undeletable team.
        values.removeAll { ["CanBeDeleted", "CanBeRenamed", "CanChangeRoles", "CanChangeMembers"].contains($0.0) }
        var team = ResourceDefaults.make(.team, id: store.nextId(.team), spaceId: nil, values)
        team.set("SpaceId", .optional(spaceId))
        store.insert(.team, team)
        return OctopusResponses.json(render(.team, team), status: 201)
    }

    /// PUT replaces the fields sent; built-in teams keep their names and (Everyone) their members.
    func updateTeam(_ context: RouteContext) throws -> SimResponse {
        let current = try existingTeam(context)
        let body = try context.body()
        var team = current
        let teamName = current["Name"]?.stringValue ?? ""
        if body["Name"] != nil {
            let siblings = store.documents(.team, in: nil).filter { $0["SpaceId"] == current["SpaceId"] }
            let name = try requireUniqueName(body, kind: .team, siblings: siblings, excluding: current["Id"]?.stringValue)
            if name != teamName && current["CanBeRenamed"]?.boolValue == false {
                throw OctopusFailure.invalid("The team '\(teamName)' cannot be renamed.")
            }
            team.set("Name", .string(name))
        }
        if let members = try memberUserIds(body) {
            if Set(members) != Set(current["MemberUserIds"]?.stringArray ?? []) && current["CanChangeMembers"]?.boolValue == false {
                throw OctopusFailure.invalid("The members of the team '\(teamName)' cannot be changed.")
            }
            team.set("MemberUserIds", .strings(members))
        }
        for key in ["Description", "ExternalSecurityGroups"] {
            if let value = body[key] { team.set(key, value) }
        }
        team.set("LastModifiedOn", timestamp())
        store.insert(.team, team)
        return OctopusResponses.json(render(.team, team))
    }

    func deleteTeam(_ context: RouteContext) throws -> SimResponse {
        let team = try existingTeam(context)
        if team["CanBeDeleted"]?.boolValue == false {
            throw OctopusFailure.invalid("The team '\(team["Name"]?.stringValue ?? "")' cannot be deleted.")
        }
        store.remove(.team, team)
        return OctopusResponses.empty()
    }

    /// The space a new team belongs to: the one the path names, else the body's `SpaceId`
    /// (null for a system team), which must be a space that exists.
    func teamSpace(_ body: JSONValue, _ context: RouteContext) throws -> String? {
        if context.spaceExplicit { return context.space }
        guard let sent = body["SpaceId"], !sent.isNull else { return nil }
        guard let id = sent.stringValue, let space = store.find(.space, id, in: nil) else {
            throw OctopusFailure.invalid("The space '\(sent.stringValue ?? "\(sent)")' could not be found.")
        }
        return space["Id"]?.stringValue
    }

    /// `MemberUserIds` as sent: nil when absent; a 400 unless every entry is an existing user's id.
    func memberUserIds(_ body: JSONValue) throws -> [String]? {
        guard let sent = body["MemberUserIds"], !sent.isNull else { return nil }
        guard let items = sent.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
            throw OctopusFailure.invalid("MemberUserIds must be a list of user ids.")
        }
        var members: [String] = []
        for id in items.compactMap(\.stringValue) {
            guard let user = store.find(.user, id, in: nil), let userId = user["Id"]?.stringValue else {
                throw OctopusFailure.invalid("The user '\(id)' could not be found.")
            }
            if !members.contains(userId) { members.append(userId) }
        }
        return members
    }
}
