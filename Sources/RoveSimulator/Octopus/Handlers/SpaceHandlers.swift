// Spaces: the system routes clients use to find their space, and creating one.

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
        // The team its `SpaceManagersTeams` names, with the creator in it, as a real server makes it.
        var managers = ResourceDefaults.make(.team, id: "teams-spacemanagers-\(id)", spaceId: nil, [
            ("Name", "Space Managers"), ("Description", "Space Managers can do everything in their space."),
            ("MemberUserIds", .strings([Self.currentUserId])), ("CanBeDeleted", false), ("CanBeRenamed", false),
            ("CanChangeRoles", false), ("LastModifiedOn", timestamp())])
        managers.set("SpaceId", .string(id))
        store.insert(.team, managers)
        return OctopusResponses.json(render(.space, space), status: 201)
    }
}
