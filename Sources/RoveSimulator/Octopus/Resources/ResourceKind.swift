// The document kinds the simulator stores, with the names the real API gives them.

/// One kind of stored Octopus document; tasks are kept apart as compact records.
enum ResourceKind: String, CaseIterable, Sendable {
    case space, projectGroup, project, environment, lifecycle, channel, release, deployment
    case tenant, machine, feed, account, variableSet, runbook, runbookSnapshot, runbookRun
    case deploymentProcess, interruption, user, team, tagSet, libraryVariableSet

    /// The `<Prefix>-<n>` of generated ids.
    var idPrefix: String {
        switch self {
        case .space: return "Spaces"
        case .projectGroup: return "ProjectGroups"
        case .project: return "Projects"
        case .environment: return "Environments"
        case .lifecycle: return "Lifecycles"
        case .channel: return "Channels"
        case .release: return "Releases"
        case .deployment: return "Deployments"
        case .tenant: return "Tenants"
        case .machine: return "Machines"
        case .feed: return "Feeds"
        case .account: return "Accounts"
        case .variableSet: return "variableset"
        case .runbook: return "Runbooks"
        case .runbookSnapshot: return "RunbookSnapshots"
        case .runbookRun: return "RunbookRuns"
        case .deploymentProcess: return "deploymentprocess"
        case .interruption: return "Interruptions"
        case .user: return "Users"
        case .team: return "Teams"
        case .tagSet: return "TagSets"
        case .libraryVariableSet: return "LibraryVariableSets"
        }
    }

    /// The collection's path segment, as the real routes spell it.
    var segment: String {
        switch self {
        case .space: return "spaces"
        case .projectGroup: return "projectgroups"
        case .project: return "projects"
        case .environment: return "environments"
        case .lifecycle: return "lifecycles"
        case .channel: return "channels"
        case .release: return "releases"
        case .deployment: return "deployments"
        case .tenant: return "tenants"
        case .machine: return "machines"
        case .feed: return "feeds"
        case .account: return "accounts"
        case .variableSet: return "variables"
        case .runbook: return "runbooks"
        case .runbookSnapshot: return "runbookSnapshots"
        case .runbookRun: return "runbookRuns"
        case .deploymentProcess: return "deploymentprocesses"
        case .interruption: return "interruptions"
        case .user: return "users"
        case .team: return "teams"
        case .tagSet: return "tagsets"
        case .libraryVariableSet: return "libraryvariablesets"
        }
    }

    /// `ItemType` of a collection: the C# class name without "Resource" (research §2).
    var itemType: String {
        switch self {
        case .space: return "Space"
        case .projectGroup: return "ProjectGroup"
        case .project: return "Project"
        case .environment: return "Environment"
        case .lifecycle: return "Lifecycle"
        case .channel: return "Channel"
        case .release: return "Release"
        case .deployment: return "Deployment"
        case .tenant: return "Tenant"
        case .machine: return "DeploymentTarget"
        case .feed: return "Feed"
        case .account: return "Account"
        case .variableSet: return "VariableSet"
        case .runbook: return "Runbook"
        case .runbookSnapshot: return "RunbookSnapshot"
        case .runbookRun: return "RunbookRun"
        case .deploymentProcess: return "DeploymentProcess"
        case .interruption: return "Interruption"
        case .user: return "User"
        case .team: return "Team"
        case .tagSet: return "TagSet"
        case .libraryVariableSet: return "LibraryVariableSet"
        }
    }

    /// The query part of the collection link template (root `Links`, collection `Template`).
    var queryTemplate: String {
        switch self {
        case .space: return "{?skip,ids,take,partialName}"
        case .projectGroup: return "{?skip,take,ids,partialName}"
        case .project: return "{?name,skip,ids,clone,take,partialName,clonedFromProjectId}"
        case .environment: return "{?name,skip,ids,take,partialName}"
        case .lifecycle: return "{?skip,take,ids,partialName}"
        case .channel: return "{?skip,take,ids,partialName}"
        case .release: return "{?skip,ignoreChannelRules,take,ids}"
        case .deployment: return "{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}"
        case .tenant: return "{?skip,projectId,name,tags,take,ids,clone,partialName,clonedFromTenantId}"
        case .machine:
            return "{?skip,take,name,ids,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,environmentIds,thumbprint,deploymentId,shellNames,deploymentTargetTypes}"
        case .feed: return "{?skip,take,ids,partialName,feedType,name}"
        case .account: return "{?skip,take,ids,partialName,accountType}"
        case .variableSet: return "{?ids}"
        case .runbook: return "{?skip,take,ids,partialName,clone,projectIds}"
        case .runbookSnapshot: return "{?skip,take,ids,publish}"
        case .runbookRun: return "{?skip,take,ids,projects,environments,tenants,runbooks,taskState,partialName}"
        case .deploymentProcess: return "{?skip,take,ids}"
        case .interruption: return "{?skip,take,regarding,pendingOnly,ids}"
        case .user: return "{?skip,take,ids,filter}"
        case .team: return "{?skip,take,ids,partialName,spaces,includeSystem}"
        case .tagSet: return "{?skip,take,ids,partialName}"
        case .libraryVariableSet: return "{?skip,contentType,take,ids,partialName}"
        }
    }

    /// The order a collection lists in: the Swagger's words for teams ("sorted alphabetically by
    /// name"), users (by username) and tag sets (by `SortOrder`); newest first for releases,
    /// deployments and runs; creation order for the rest, as the simulator always listed them.
    var listOrder: ListOrder {
        switch self {
        case .release, .deployment, .runbookRun, .runbookSnapshot, .interruption: return .newestFirst
        case .team, .libraryVariableSet: return .byName
        case .user: return .byField("Username")
        case .tagSet: return .byField("SortOrder")
        case .space, .projectGroup, .project, .environment, .lifecycle, .channel, .tenant, .machine,
             .feed, .account, .variableSet, .runbook, .deploymentProcess:
            return .creation
        }
    }

    /// Spaces and users live outside any space; teams live in one or none (`SpaceId` null for
    /// system teams), so their handlers scope them themselves.
    var isSpaceScoped: Bool {
        switch self {
        case .space, .user, .team: return false
        case .projectGroup, .project, .environment, .lifecycle, .channel, .release, .deployment, .tenant,
             .machine, .feed, .account, .variableSet, .runbook, .runbookSnapshot, .runbookRun,
             .deploymentProcess, .interruption, .tagSet, .libraryVariableSet:
            return true
        }
    }
}

/// How a collection orders its items before paging.
enum ListOrder: Equatable {
    case creation
    case newestFirst
    /// Case-insensitive by `Name`.
    case byName
    /// By one field: numbers numerically, text case-insensitively.
    case byField(String)

    func sorted(_ documents: [JSONValue]) -> [JSONValue] {
        switch self {
        case .creation: return documents
        case .newestFirst: return documents.reversed()
        case .byName: return ListOrder.byField("Name").sorted(documents)
        case .byField(let field):
            // Stable, so equal keys keep creation order.
            return documents.enumerated().sorted { left, right in
                let a = left.element[field], b = right.element[field]
                if let x = a?.intValue, let y = b?.intValue, x != y { return x < y }
                let x = a?.stringValue?.lowercased() ?? "", y = b?.stringValue?.lowercased() ?? ""
                return x != y ? x < y : left.offset < right.offset
            }.map(\.element)
        }
    }
}
