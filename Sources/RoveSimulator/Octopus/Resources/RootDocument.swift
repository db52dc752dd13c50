// `GET /api` and `GET /api/{spaceId}`: the entry points whose Links every client follows.

enum RootDocument {
    static let version = TaskDocuments.serverVersion

    /// The server root's links: the captured 2023.1 root, its space keys in the default space.
    /// Without a default space the space keys are left out, as on real servers (research §1.1);
    /// system and mixed keys stay in their system form (`Feeds` is `/api/feeds…` even so).
    static func rootLinks(defaultSpaceId: String?) -> [(String, String)] {
        RootLinks.captured.compactMap { key, template, scope in
            switch scope {
            case .system, .mixed: return (key, template)
            case .space: return defaultSpaceId.map { (key, "/api/\($0)" + template) }
            }
        }
    }

    /// A space root's links: `Self`, then every space key and the space form of every mixed
    /// key, in the root's case-insensitive order. Clients resolve links here first, so each
    /// collection the Swagger scopes by space (Feeds, Events, Tasks, Teams…) must be here.
    static func spaceLinks(_ spaceId: String) -> [(String, String)] {
        let links: [(String, String)] = RootLinks.captured.compactMap { key, template, scope in
            switch scope {
            case .system: return nil
            case .space: return (key, "/api/\(spaceId)" + template)
            case .mixed: return (key, "/api/\(spaceId)" + template.dropFirst("/api".count))
            }
        }
        return [("Self", "/api/\(spaceId)")] + links.sorted { $0.0.lowercased() < $1.0.lowercased() }
    }

    static func root(installationId: String, defaultSpaceId: String?) -> JSONValue {
        .object([
            ("Application", "Octopus Deploy"),
            ("Version", .string(version)),
            ("ApiVersion", "3.0.0"),
            ("InstallationId", .string(installationId)),
            ("IsEarlyAccessProgram", false),
            ("HasLongTermSupport", true),
            ("Links", .object(rootLinks(defaultSpaceId: defaultSpaceId).map { ($0.0, .string($0.1)) })),
        ])
    }

    static func spaceRoot(_ spaceId: String) -> JSONValue {
        .object([
            ("Id", .null),
            ("LastModifiedBy", .null),
            ("LastModifiedOn", .null),
            ("Links", .object(spaceLinks(spaceId).map { ($0.0, .string($0.1)) })),
        ])
    }
}
