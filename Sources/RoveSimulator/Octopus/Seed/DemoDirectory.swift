// The demo's people: users, the built-in system teams, each space's managers and a few teams.

extension DemoSeed {
    /// (id, username, display name, email, is a service account)
    static let users: [(String, String, String, String, Bool)] = [
        ("Users-1", "rove-demo", "Rove Demo", "demo@example.com", false),
        ("Users-2", "jane.smith", "Jane Smith", "jane.smith@example.com", false),
        ("Users-3", "sam.patel", "Sam Patel", "sam.patel@example.com", false),
        ("Users-4", "alex.kim", "Alex Kim", "alex.kim@example.com", false),
        ("Users-5", "deploy-bot", "Deploy Bot", "", true),
    ]

    /// (space index, name, description, member user ids) of the teams people made.
    static let spaceTeams: [(Int, String, String, [String])] = [
        (0, "Developers", "Builds and ships the customer-facing projects.", ["Users-2", "Users-3"]),
        (0, "Operations", "Runs production and its runbooks.", ["Users-4", "Users-5"]),
        (1, "Data Engineers", "Owns the platform data pipeline.", ["Users-3"]),
    ]

    func buildUsers() {
        for (id, username, displayName, email, isService) in Self.users {
            store.insert(.user, ResourceDefaults.make(.user, id: id, spaceId: nil, [
                ("Username", .string(username)), ("DisplayName", .string(displayName)), ("EmailAddress", .string(email)),
                ("IsService", .bool(isService)), ("CanPasswordBeEdited", .bool(!isService)), ("IsRequestor", .bool(id == "Users-1")),
            ]))
        }
        store.counters["Users"] = Self.users.count
    }

    /// System teams as every server has them (their ids are fixed), then per space its Space
    /// Managers (`teams-spacemanagers-Spaces-N`, named in the space's `SpaceManagersTeams`).
    func buildTeams(spaceIds: [String]) {
        let stamp: JSONValue = .string(OctopusTime.iso(DemoCatalog.historyEnd - 90 * 86_400))
        func team(_ id: String, _ name: String, space: String?, members: [String], description: String = "",
                  builtIn: Bool) {
            var document = ResourceDefaults.make(.team, id: id, spaceId: nil, [
                ("Name", .string(name)), ("Description", .string(description)), ("MemberUserIds", .strings(members)),
                ("CanBeDeleted", .bool(!builtIn)), ("CanBeRenamed", .bool(!builtIn)), ("CanChangeRoles", .bool(!builtIn)),
                ("CanChangeMembers", .bool(id != "teams-everyone")), ("LastModifiedOn", stamp),
            ])
            document.set("SpaceId", .optional(space))
            store.insert(.team, document)
        }
        team("teams-administrators", "Octopus Administrators", space: nil, members: ["Users-1"],
             description: "Octopus Administrators can do everything on the server.", builtIn: true)
        team("teams-everyone", "Everyone", space: nil, members: [],
             description: "Every user is a member of this team.", builtIn: true)
        team("teams-managers", "Octopus Managers", space: nil, members: [],
             description: "Octopus Managers can manage the server's spaces and teams.", builtIn: true)
        for spaceId in spaceIds {
            team("teams-spacemanagers-\(spaceId)", "Space Managers", space: spaceId, members: ["Users-1"],
                 description: "Space Managers can do everything in their space.", builtIn: true)
        }
        for (spaceIndex, name, description, members) in Self.spaceTeams where spaceIndex < spaceIds.count {
            team(store.nextId(.team), name, space: spaceIds[spaceIndex], members: members, description: description, builtIn: false)
        }
    }
}
