// The query filters collection templates advertise, applied to stored documents.

enum ResourceFilters {
    /// Applies every filter the request carries that `kind` understands.
    static func apply(_ documents: [JSONValue], kind: ResourceKind, context: RouteContext) -> [JSONValue] {
        var result = documents
        let ids = Set(context.queryList("ids"))
        if !ids.isEmpty { result = result.filter { ids.contains($0["Id"]?.stringValue ?? "") } }
        // `name` matches like `partialName` on real servers (research §9.3, Issues#7449).
        for parameter in ["partialName", "name"] {
            if let needle = context.query(parameter)?.lowercased() {
                result = result.filter { ($0["Name"]?.stringValue ?? "").lowercased().contains(needle) }
            }
        }
        func anyOf(_ parameter: String, _ field: String) {
            let wanted = Set(context.queryList(parameter).map { $0.lowercased() })
            guard !wanted.isEmpty else { return }
            result = result.filter { document in
                if let value = document[field]?.stringValue { return wanted.contains(value.lowercased()) }
                return document[field]?.stringArray.contains { wanted.contains($0.lowercased()) } ?? false
            }
        }
        switch kind {
        case .machine:
            anyOf("roles", "Roles")
            anyOf("healthStatuses", "HealthStatus")
            anyOf("environmentIds", "EnvironmentIds")
            anyOf("tenantIds", "TenantIds")
            anyOf("deploymentTargetTypes", "DeploymentTargetType")
            if let disabled = context.queryBool("isDisabled") { result = result.filter { $0["IsDisabled"]?.boolValue == disabled } }
        case .deployment, .runbookRun:
            anyOf("projects", "ProjectId")
            anyOf("environments", "EnvironmentId")
            anyOf("tenants", "TenantId")
            anyOf("channels", "ChannelId")
            anyOf("runbooks", "RunbookId")
        case .feed:
            anyOf("feedType", "FeedType")
        case .account:
            anyOf("accountType", "AccountType")
        case .tenant:
            anyOf("tags", "TenantTags")
            if let project = context.query("projectId") {
                result = result.filter { $0["ProjectEnvironments"]?[project] != nil }
            }
        case .runbook:
            anyOf("projectIds", "ProjectId")
        case .interruption:
            if let regarding = context.query("regarding") {
                result = result.filter { $0["RelatedDocumentIds"]?.stringArray.contains(regarding) ?? false }
            }
            if context.queryBool("pendingOnly") == true { result = result.filter { $0["IsPending"]?.boolValue == true } }
        case .release:
            if let search = context.query("searchByVersion")?.lowercased() {
                result = result.filter { ($0["Version"]?.stringValue ?? "").lowercased().contains(search) }
            }
        case .libraryVariableSet:
            anyOf("contentType", "ContentType")
        case .user:
            // `filter` searches user names, display names and email addresses.
            if let needle = context.query("filter")?.lowercased() {
                result = result.filter { user in
                    ["Username", "DisplayName", "EmailAddress"].contains {
                        (user[$0]?.stringValue ?? "").lowercased().contains(needle)
                    }
                }
            }
        case .space, .projectGroup, .project, .environment, .lifecycle, .channel, .variableSet,
             .runbookSnapshot, .deploymentProcess, .team, .tagSet:
            break
        }
        return result
    }
}
