// Spaces and the current user: the system routes clients use to find their space.

extension OctopusService {
    func getSpace(_ context: RouteContext) throws -> SimResponse {
        let key = context.param("id")
        guard let space = store.find(.space, key, in: nil) ?? spaceNamed(key) else { throw OctopusFailure.notFound }
        return OctopusResponses.json(render(.space, space))
    }

    func createSpace(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        let name = try requireUniqueName(body, kind: .space, siblings: store.documents(.space, in: nil))
        let id = store.nextId(.space)
        var values = body.objectPairs ?? []
        values.append(("Slug", .string(ResourceDefaults.slug(name))))
        values.append(("IsDefault", false))
        values.append(("SpaceManagersTeams", .strings(["teams-administrators", "teams-managers", "teams-spacemanagers-\(id)"])))
        let space = ResourceDefaults.make(.space, id: id, spaceId: nil, values)
        store.insert(.space, space)
        let builtIn = ResourceDefaults.make(.feed, id: "feeds-builtin", spaceId: id, [
            ("Name", "Octopus Server (built-in)"), ("Slug", "octopus-server-built-in"), ("FeedType", "BuiltIn"),
            ("DeleteUnreleasedPackagesAfterDays", 30), ("IsBuiltInRepoSyncEnabled", false)])
        store.insert(.feed, builtIn)
        return OctopusResponses.json(render(.space, space), status: 201)
    }

    func currentUser(_ context: RouteContext) throws -> SimResponse {
        guard let user = store.document(.user, "Users-1") else { throw OctopusFailure.notFound }
        return OctopusResponses.json(render(.user, user))
    }

    /// `/api/users/{id}/spaces` is a bare array; clients find the default space here (research §1.2).
    func userSpaces(_ context: RouteContext) throws -> SimResponse {
        let id = context.param("id")
        guard id.lowercased() == "users-1" || id.lowercased() == "me" else { throw OctopusFailure.notFound }
        return OctopusResponses.json(.array(store.documents(.space, in: nil).map { render(.space, $0) }))
    }
}
