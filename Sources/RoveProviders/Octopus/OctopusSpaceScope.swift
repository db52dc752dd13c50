// Which Octopus collections belong to a space, and how a server-root link is kept in one.

/// The collections Octopus scopes by space: those its API serves as `/api/{spaceId}/<name>`.
///
/// A server lists some of them only in its root, with the legacy unscoped address that reads the
/// default space (`/api/feeds`) or every space (`/api/events`, `/api/tasks`). In a space a script
/// named, such a link is moved into the space (`/api/Spaces-2/feeds`), so no read or write
/// reaches another space unless the script asks for the server-wide view (`octopus.server`),
/// which offers only the root's links outside any space.
enum OctopusSpaceScope {
    /// Every `/api/{baseSpaceId}/<name>` route of the vendor's Swagger (2020.5), lowercased.
    /// `OctopusSpaceScopeTests` derives the list from the Swagger file and fails when it drifts.
    static let collections: Set<String> = [
        "accounts", "actiontemplates", "artifacts", "build-information", "certificates", "channels", "dashboard",
        "dashboardconfiguration", "deploymentprocesses", "deployments", "environments", "events", "feeds",
        "interruptions", "libraryvariablesets", "lifecycles", "machinepolicies", "machines", "package-metadata",
        "packages", "projectgroups", "projects", "projecttriggers", "proxies", "releases", "runbookprocesses",
        "runbookruns", "runbooks", "runbooksnapshots", "scopeduserroles", "subscriptions", "tagsets", "tasks",
        "teammembership", "teams", "tenants", "useronboarding", "workerpools", "workers",
    ]

    /// `/api/feeds{/id}{?skip}` in space `Spaces-2` → `/api/Spaces-2/feeds{/id}{?skip}`; nil for a
    /// link that is not to a space-scoped collection, or is already scoped.
    static func scoped(_ template: String, toSpace spaceId: String) -> String? {
        guard let rest = unscopedRest(of: template) else { return nil }
        return "/api/" + spaceId + "/" + rest
    }

    /// Whether `template` is a space's own link (`/api/Spaces-1/projects{/id}`), which a server
    /// root lists for its default space: not part of the server-wide view.
    static func isInASpace(_ template: String) -> Bool {
        let segments = template.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        return segments.count >= 3 && segments[0].isEmpty && segments[1] == "api" && isSpaceId(segments[2])
    }

    /// What follows `/api/` when the first segment names a space-scoped collection.
    private static func unscopedRest(of template: String) -> Substring? {
        guard template.hasPrefix("/api/") else { return nil }
        let rest = template.dropFirst("/api/".count)
        let name = rest.prefix { $0 != "/" && $0 != "{" && $0 != "?" }
        return collections.contains(name.lowercased()) ? rest : nil
    }

    private static func isSpaceId(_ segment: Substring) -> Bool {
        guard segment.hasPrefix("Spaces-") else { return false }
        let number = segment.dropFirst("Spaces-".count)
        return !number.isEmpty && number.allSatisfy(\.isNumber)
    }
}
