// `GET /api` and `GET /api/{spaceId}`: the entry points whose Links every client follows.

enum RootDocument {
    static let version = TaskDocuments.serverVersion

    /// System-level keys of the 2023.1 root (research §1.1), with the templates real servers send.
    static let systemLinks: [(String, String)] = [
        ("Self", "/api"),
        ("ArchivedEventFiles", "/api/events/archives{/id}{?skip,take}"),
        ("Authenticate_Azure AD", "/api/users/authenticate/AzureAD{?returnUrl}"),
        ("Authenticate_Octopus ID", "/api/users/authenticate/OctopusID{?returnUrl}"),
        ("Authentication", "/api/authentication"),
        ("BuiltInFeedStats", "/api/feeds/stats"),
        ("CommunityActionTemplates", "/api/communityactiontemplates{/id}{?skip,take,ids}"),
        ("Configuration", "/api/configuration{/id}"),
        ("CurrentLicense", "/api/licenses/licenses-current"),
        ("CurrentUser", "/api/users/me"),
        ("EventCategories", "/api/events/categories{?appliesTo}"),
        ("EventDocumentTypes", "/api/events/documenttypes"),
        ("EventGroups", "/api/events/groups{?appliesTo}"),
        ("Events", "/api/events{/id}{?skip,regarding,regardingAny,user,users,projects,projectGroups,environments,eventGroups,eventCategories,eventAgents,tenants,tags,from,to,internal,fromAutoId,toAutoId,documentTypes,asCsv,take,ids,spaces,includeSystem,excludeDifference}"),
        ("Feeds", "/api/feeds{/id}{?skip,take,ids,partialName,feedType,name}"),
        ("Invitations", "/api/users/invitations"),
        ("MaintenanceConfiguration", "/api/maintenanceconfiguration"),
        ("OctopusServerNodes", "/api/octopusservernodes{/id}{?skip,take,ids,partialName}"),
        ("PermissionDescriptions", "/api/permissions/all"),
        ("Register", "/api/users/register"),
        ("Scheduler", "/api/scheduler{/name}{?verbose,tail}"),
        ("ScopedUserRoles", "/api/scopeduserroles{/id}{?skip,take,ids,partialName,spaces,includeSystem}"),
        ("ServerConfiguration", "/api/serverconfiguration"),
        ("ServerStatus", "/api/serverstatus"),
        ("SignIn", "/api/users/login{?returnUrl}"),
        ("SignOut", "/api/users/logout"),
        ("SpaceHome", "/api/{spaceId}"),
        ("Spaces", "/api/spaces{/id}{?skip,ids,take,partialName}"),
        ("SpaceSearch", "/api/spaces/{id}/search{?keyword}"),
        ("Tasks", "/api/tasks{/id}{?skip,active,environment,tenant,runbook,project,name,node,running,states,hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,includeSystem,description,fromCompletedDate,toCompletedDate,fromQueueDate,toQueueDate,fromStartDate,toStartDate}"),
        ("TaskTypes", "/api/tasks/tasktypes"),
        ("Teams", "/api/teams{/id}{?skip,take,ids,partialName,spaces,includeSystem}"),
        ("Timezones", "/api/serverstatus/timezones"),
        ("UserAuthentication", "/api/users/authentication{/userId}"),
        ("UserRoles", "/api/userroles{/id}{?skip,take,ids,partialName}"),
        ("Users", "/api/users{/id}{?skip,take,ids,filter}"),
        ("Web", "/app"),
    ]

    /// Space-scoped keys, as a suffix after `/api/{spaceId}` (research §1.1).
    static func spaceLinks(_ spaceId: String) -> [(String, String)] {
        let s = "/api/\(spaceId)"
        var links: [(String, String)] = [
            ("Accounts", "\(s)/accounts{/id}{?skip,take,ids,partialName,accountType}"),
            ("ActionTemplates", "\(s)/actiontemplates{/id}{?skip,take,ids,partialName}"),
            ("Artifacts", "\(s)/artifacts{/id}{?skip,take,regarding,ids,partialName,order}"),
            ("BuildInformation", "\(s)/build-information{/id}{?skip,take,packageId,filter,latest}"),
            ("Certificates", "\(s)/certificates{/id}{?skip,take,search,archived,tenant,firstResult,orderBy,ids,partialName}"),
            ("Channels", "\(s)/channels{/id}{?skip,take,ids,partialName}"),
            ("Dashboard", "\(s)/dashboard{?projectId,releaseId,selectedTenants,selectedTags,showAll,highestLatestVersionPerProjectAndEnvironment}"),
            ("DashboardConfiguration", "\(s)/dashboardconfiguration"),
            ("DeploymentProcesses", "\(s)/deploymentprocesses{/id}{?skip,take,ids}"),
            ("Deployments", "\(s)/deployments{/id}{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}"),
            ("Environments", "\(s)/environments{/id}{?name,skip,ids,take,partialName}"),
            ("EnvironmentSortOrder", "\(s)/environments/sortorder"),
            ("EnvironmentsSummary", "\(s)/environments/summary{?ids,partialName,machinePartialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,hideEmptyEnvironments,shellNames,deploymentTargetTypes}"),
            ("Interruptions", "\(s)/interruptions{/id}{?skip,take,regarding,pendingOnly,ids}"),
            ("LibraryVariables", "\(s)/libraryvariablesets{/id}{?skip,contentType,take,ids,partialName}"),
            ("Lifecycles", "\(s)/lifecycles{/id}{?skip,take,ids,partialName}"),
            ("MachinePolicies", "\(s)/machinepolicies{/id}{?skip,take,ids,partialName}"),
            ("MachineRoles", "\(s)/machineroles/all"),
            ("Machines", "\(s)/machines{/id}{?skip,take,name,ids,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,environmentIds,thumbprint,deploymentId,shellNames,deploymentTargetTypes}"),
            ("Packages", "\(s)/packages{/id}{?nugetPackageId,filter,latest,skip,take,includeNotes}"),
            ("PackageUpload", "\(s)/packages/raw{?replace,overwriteMode}"),
            ("ProjectGroups", "\(s)/projectgroups{/id}{?skip,take,ids,partialName}"),
            ("Projects", "\(s)/projects{/id}{?name,skip,ids,clone,take,partialName,clonedFromProjectId}"),
            ("ProjectTriggers", "\(s)/projecttriggers{/id}{?skip,take,ids,runbooks}"),
            ("Releases", "\(s)/releases{/id}{?skip,ignoreChannelRules,take,ids}"),
            ("Reporting/DeploymentsCountedByWeek", "\(s)/reporting/deployments-counted-by-week{?projectIds}"),
            ("RunbookProcesses", "\(s)/runbookProcesses{/id}{?skip,take,ids}"),
            ("RunbookRuns", "\(s)/runbookRuns{/id}{?skip,take,ids,projects,environments,tenants,runbooks,taskState,partialName}"),
            ("Runbooks", "\(s)/runbooks{/id}{?skip,take,ids,partialName,clone,projectIds}"),
            ("RunbookSnapshots", "\(s)/runbookSnapshots{/id}{?skip,take,ids,publish}"),
            ("Subscriptions", "\(s)/subscriptions{/id}{?skip,take,ids,partialName,spaces}"),
            ("TagSets", "\(s)/tagsets{/id}{?skip,take,ids,partialName}"),
            ("Tenants", "\(s)/tenants{/id}{?skip,projectId,name,tags,take,ids,clone,partialName,clonedFromTenantId}"),
            ("TenantVariables", "\(s)/tenantvariables/all{?projectId}"),
            ("VariableNames", "\(s)/variables/names{?project,runbook,projectEnvironmentsFilter}"),
            ("VariablePreview", "\(s)/variables/preview{?project,runbook,environment,channel,tenant,action,machine,role}"),
            ("Variables", "\(s)/variables{/id}{?ids}"),
            ("WorkerPools", "\(s)/workerpools{/id}{?skip,take,ids,partialName}"),
            ("Workers", "\(s)/workers{/id}{?skip,take,name,ids,partialName,isDisabled,healthStatuses,commStyles,workerPoolIds,thumbprint,shellNames}"),
        ]
        links.sort { $0.0 < $1.0 }
        return links
    }

    static func root(installationId: String, defaultSpaceId: String?) -> JSONValue {
        var links = systemLinks
        if let defaultSpaceId {
            // With a default space, its scoped keys appear at the root (research §1.1 gotcha).
            links.append(contentsOf: spaceLinks(defaultSpaceId))
        }
        return .object([
            ("Application", "Octopus Deploy"),
            ("Version", .string(version)),
            ("ApiVersion", "3.0.0"),
            ("InstallationId", .string(installationId)),
            ("IsEarlyAccessProgram", false),
            ("HasLongTermSupport", true),
            ("Links", .object(links.map { ($0.0, .string($0.1)) })),
        ])
    }

    static func spaceRoot(_ spaceId: String) -> JSONValue {
        .object([
            ("Id", .null),
            ("LastModifiedBy", .null),
            ("LastModifiedOn", .null),
            ("Links", .object([("Self", .string("/api/\(spaceId)"))] + spaceLinks(spaceId).map { ($0.0, .string($0.1)) })),
        ])
    }
}
