// Users: the list, the current user, and what a user belongs to (teams, spaces).

extension OctopusService {
    /// The API key belongs to the demo user.
    static let currentUserId = "Users-1"
    /// System teams whose members reach every space.
    static let allSpacesTeams: Set<String> = ["teams-administrators", "teams-managers"]

    func currentUser(_ context: RouteContext) throws -> SimResponse {
        guard let user = store.document(.user, Self.currentUserId) else { throw OctopusFailure.notFound }
        return OctopusResponses.json(render(.user, user))
    }

    /// `me` or a user id, as `users/{id}/…` routes take it.
    func existingUser(_ context: RouteContext) throws -> JSONValue {
        let id = context.param("id")
        guard let user = store.find(.user, id.lowercased() == "me" ? Self.currentUserId : id, in: nil) else {
            throw OctopusFailure.notFound
        }
        return user
    }

    /// Teams `userId` is in: those listing it, and Everyone, which holds every user implicitly.
    func teams(of userId: String) -> [JSONValue] {
        store.documents(.team, in: nil).filter {
            $0["Id"]?.stringValue == "teams-everyone" || $0["MemberUserIds"]?.stringArray.contains(userId) == true
        }
    }

    /// `/api/users/{id}/spaces` is a bare array; clients find the default space here (research §1.2).
    /// A user reaches the spaces of its teams, or every space through an administrators' team.
    func userSpaces(_ context: RouteContext) throws -> SimResponse {
        let userId = try existingUser(context)["Id"]?.stringValue ?? ""
        let memberships = teams(of: userId).filter { $0["Id"]?.stringValue != "teams-everyone" }
        let everywhere = memberships.contains { Self.allSpacesTeams.contains($0["Id"]?.stringValue ?? "") }
        let spaceIds = Set(memberships.compactMap { $0["SpaceId"]?.stringValue })
        let spaces = store.documents(.space, in: nil).filter { everywhere || spaceIds.contains($0["Id"]?.stringValue ?? "") }
        return OctopusResponses.json(.array(spaces.map { render(.space, $0) }))
    }

    /// `users/{id}/teams`: a bare array of `{Id, Name, SpaceId, IsDirectlyAssigned,
    /// ExternalSecurityGroups}`, scoped like the team list (`spaces`, `includeSystem`).
    func userTeams(_ context: RouteContext) throws -> SimResponse {
        let userId = try existingUser(context)["Id"]?.stringValue ?? ""
        let visible = Set(visibleTeams(context).compactMap { $0["Id"]?.stringValue })
        let references: [JSONValue] = ResourceKind.team.listOrder.sorted(teams(of: userId)).compactMap { team in
            guard let id = team["Id"]?.stringValue, visible.contains(id) else { return nil }
            return .object([("Id", .string(id)), ("Name", team["Name"] ?? ""), ("SpaceId", team["SpaceId"] ?? .null),
                            ("IsDirectlyAssigned", .bool(team["MemberUserIds"]?.stringArray.contains(userId) == true)),
                            ("ExternalSecurityGroups", [])])
        }
        return OctopusResponses.json(.array(references))
    }
}
