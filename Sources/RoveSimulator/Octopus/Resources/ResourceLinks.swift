// The `Links` each stored document carries, as captured from real servers (research §3).

enum ResourceLinks {
    static func links(_ kind: ResourceKind, _ document: JSONValue) -> JSONValue {
        let id = document["Id"]?.stringValue ?? ""
        let s = "/api/" + (document["SpaceId"]?.stringValue ?? "Spaces-1")
        let space = document["SpaceId"]?.stringValue ?? "Spaces-1"
        let projectId = document["ProjectId"]?.stringValue ?? ""
        switch kind {
        case .space:
            return .object([("Self", .string("/api/spaces/\(id)")), ("SpaceHome", .string("/api/\(id)")),
                            ("Web", .string("/app#/spaces/\(id)")),
                            ("Logo", .string("/api/spaces/\(id)/logo?cb=\(TaskDocuments.serverVersion)")),
                            ("Search", .string("/api/spaces/\(id)/search"))])
        case .projectGroup:
            return .object([("Self", .string("\(s)/projectgroups/\(id)")),
                            ("Projects", .string("\(s)/projectgroups/\(id)/projects{?skip,take}")),
                            ("Web", .string("/app#/\(space)/projectGroups/\(id)"))])
        case .project:
            let p = "\(s)/projects/\(id)"
            return .object([
                ("Self", .string(p)), ("Variables", .string("\(p)/variables")),
                ("Releases", .string("\(p)/releases{/version}{?skip,take,searchByVersion}")),
                ("Channels", .string("\(p)/channels{/id}{?skip,take,partialName}")),
                ("Triggers", .string("\(p)/triggers{?skip,take,partialName,triggerActionType,triggerActionCategory,runbooks}")),
                ("ScheduledTriggers", .string("\(p)/triggers/scheduled{?skip,take,partialName,ids}")),
                ("OrderChannels", .string("\(p)/channels/order")),
                ("Progression", .string("\(p)/progression{?releaseHistoryCount}")),
                ("DeploymentProcess", .string("\(p)/deploymentprocesses")),
                ("DeploymentSettings", .string("\(p)/deploymentsettings")),
                ("Web", .string("/app#/\(space)/projects/\(id)")),
                ("Logo", .string("\(p)/logo?cb=\(TaskDocuments.serverVersion)")),
                ("Metadata", .string("\(p)/metadata")),
                ("Runbooks", .string("\(p)/runbooks{?skip,take,partialName}")),
                ("RunbookSnapshots", .string("\(p)/runbookSnapshots{/name}{?skip,take,searchByName}")),
                ("Summary", .string("\(p)/summary")),
            ])
        case .environment:
            return .object([
                ("Self", .string("\(s)/environments/\(id)")),
                ("Machines", .string("\(s)/environments/\(id)/machines{?skip,take,partialName,roles,isDisabled,healthStatuses,commStyles,tenantIds,tenantTags,shellNames}")),
                ("SinglyScopedVariableDetails", .string("\(s)/environments/\(id)/singlyScopedVariableDetails")),
                ("Metadata", .string("\(s)/environments/\(id)/metadata")),
                ("Web", .string("/app#/\(space)/infrastructure/environments/\(id)")),
            ])
        case .lifecycle:
            return .object([("Self", .string("\(s)/lifecycles/\(id)")), ("Preview", .string("\(s)/lifecycles/\(id)/preview")),
                            ("Projects", .string("\(s)/lifecycles/\(id)/projects"))])
        case .channel:
            return .object([("Self", .string("\(s)/channels/\(id)")),
                            ("Releases", .string("\(s)/channels/\(id)/releases{?skip,take,searchByVersion}")),
                            ("Project", .string("\(s)/projects/\(projectId)"))])
        case .release:
            let r = "\(s)/releases/\(id)"
            let channelId = document["ChannelId"]?.stringValue ?? ""
            return .object([
                ("Self", .string(r)), ("Project", .string("\(s)/projects/\(projectId)")),
                ("Channel", .string("\(s)/projects/\(projectId)/channels/\(channelId)")),
                ("Progression", .string("\(r)/progression")),
                ("Deployments", .string("\(r)/deployments{?skip,take}")),
                ("DeploymentTemplate", .string("\(r)/deployments/template")),
                ("Artifacts", .string("\(s)/artifacts?regarding=\(id)")),
                ("ProjectVariableSnapshot", .string("\(s)/variables/\(document["ProjectVariableSetSnapshotId"]?.stringValue ?? "")")),
                ("ProjectDeploymentProcessSnapshot", .string("\(s)/deploymentprocesses/\(document["ProjectDeploymentProcessSnapshotId"]?.stringValue ?? "")")),
                ("Web", .string("/app#/\(space)/releases/\(id)")),
                ("SnapshotVariables", .string("\(r)/snapshot-variables")),
                ("Defects", .string("\(r)/defects")), ("ReportDefect", .string("\(r)/defects")),
                ("ResolveDefect", .string("\(r)/defects/resolve")),
                ("DeploymentPreviews", .string("\(r)/deployments/previews/")),
                ("Variables", .string("\(s)/projects/\(projectId)/releases/\(id)/variables")),
            ])
        case .deployment:
            return .object([
                ("Self", .string("\(s)/deployments/\(id)")),
                ("Release", .string("\(s)/releases/\(document["ReleaseId"]?.stringValue ?? "")")),
                ("Environment", .string("\(s)/environments/\(document["EnvironmentId"]?.stringValue ?? "")")),
                ("Project", .string("\(s)/projects/\(projectId)")),
                ("Task", .string("/api/tasks/\(document["TaskId"]?.stringValue ?? "")")),
                ("Web", .string("/app#/\(space)/deployments/\(id)")),
                ("Artifacts", .string("\(s)/artifacts?regarding=\(id)")),
                ("Interruptions", .string("\(s)/interruptions?regarding=\(id)")),
                ("DeploymentProcess", .string("\(s)/deploymentprocesses/\(document["DeploymentProcessId"]?.stringValue ?? "")")),
            ])
        case .tenant:
            return .object([("Self", .string("\(s)/tenants/\(id)")), ("Variables", .string("\(s)/tenants/\(id)/variables")),
                            ("Logo", .string("\(s)/tenants/\(id)/logo?cb=\(TaskDocuments.serverVersion)")),
                            ("Web", .string("/app#/\(space)/tenants/\(id)/overview"))])
        case .machine:
            return .object([
                ("Self", .string("\(s)/machines/\(id)")), ("Connection", .string("\(s)/machines/\(id)/connection")),
                ("TasksTemplate", .string("\(s)/machines/\(id)/tasks{?skip,take,type}")),
                ("SinglyScopedVariableDetails", .string("\(s)/machines/\(id)/singlyScopedVariableDetails")),
                ("Web", .string("/app#/\(space)/infrastructure/machines/\(id)/settings")),
            ])
        case .feed:
            let f = "\(s)/feeds/\(id)"
            return .object([
                ("Self", .string(f)),
                ("SearchPackagesTemplate", .string("\(f)/packages/search{?term,take,skip}")),
                ("SearchPackageVersionsTemplate", .string("\(f)/packages/versions{?packageId,take,skip,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes}")),
                ("VersionsTemplate", .string("\(f)/packages/versions{?packageId,take,skip,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes}")),
            ])
        case .account:
            return .object([("Self", .string("\(s)/accounts/\(id)")), ("Usages", .string("\(s)/accounts/\(id)/usages"))])
        case .variableSet:
            return .object([("Self", .string("\(s)/variables/\(id)"))])
        case .runbook:
            let r = "\(s)/runbooks/\(id)"
            return .object([
                ("Self", .string(r)), ("Project", .string("\(s)/projects/\(projectId)")),
                ("RunbookProcesses", .string("\(s)/runbookProcesses/\(document["RunbookProcessId"]?.stringValue ?? "")")),
                ("RunbookSnapshots", .string("\(r)/runbookSnapshots{?skip,take,partialName}")),
                ("RunbookSnapshotTemplate", .string("\(r)/runbookSnapshotTemplate")),
                ("RunbookRunTemplate", .string("\(r)/runbookRunTemplate")),
                ("CreateRunbookRun", .string("\(s)/runbookRuns")),
                ("RunbookRunPreview", .string("\(r)/runbookRuns/preview/{environment}/{tenant}")),
                ("Web", .string("/app#/\(space)/projects/\(projectId)/operations/runbooks/\(id)")),
            ])
        case .runbookSnapshot:
            let r = "\(s)/runbookSnapshots/\(id)"
            return .object([
                ("Self", .string(r)), ("Runbook", .string("\(s)/runbooks/\(document["RunbookId"]?.stringValue ?? "")")),
                ("RunbookRuns", .string("\(r)/runbookRuns{?skip,take}")),
                ("Artifacts", .string("\(s)/artifacts?regarding=\(id)")),
                ("SnapshotVariables", .string("\(r)/snapshot-variables")),
                ("RunbookRunTemplate", .string("\(r)/runbookRuns/template")),
                ("FrozenRunbookProcess", .string("\(s)/runbookProcesses/\(document["FrozenRunbookProcessId"]?.stringValue ?? "")")),
            ])
        case .runbookRun:
            return .object([
                ("Self", .string("\(s)/runbookRuns/\(id)")),
                ("Runbook", .string("\(s)/runbooks/\(document["RunbookId"]?.stringValue ?? "")")),
                ("RunbookSnapshot", .string("\(s)/runbookSnapshots/\(document["RunbookSnapshotId"]?.stringValue ?? "")")),
                ("Environment", .string("\(s)/environments/\(document["EnvironmentId"]?.stringValue ?? "")")),
                ("Project", .string("\(s)/projects/\(projectId)")),
                ("Task", .string("/api/tasks/\(document["TaskId"]?.stringValue ?? "")")),
                ("Web", .string("/app#/\(space)/projects/\(projectId)/operations/runbooks/\(document["RunbookId"]?.stringValue ?? "")/snapshots/\(document["RunbookSnapshotId"]?.stringValue ?? "")/runs/\(id)")),
                ("Artifacts", .string("\(s)/artifacts?regarding=\(id)")),
                ("Interruptions", .string("\(s)/interruptions?regarding=\(id)")),
            ])
        case .deploymentProcess:
            return .object([("Self", .string("\(s)/deploymentprocesses/\(id)")),
                            ("Project", .string("\(s)/projects/\(projectId)")),
                            ("Template", .string("\(s)/deploymentprocesses/\(id)/template{?channel,releaseId}"))])
        case .interruption:
            return .object([("Self", .string("\(s)/interruptions/\(id)")),
                            ("Submit", .string("\(s)/interruptions/\(id)/submit")),
                            ("Responsible", .string("\(s)/interruptions/\(id)/responsible"))])
        case .user:
            return .object([("Self", .string("/api/users/\(id)")), ("Permissions", .string("/api/users/\(id)/permissions")),
                            ("ApiKeys", .string("/api/users/\(id)/apikeys{/id}{?skip,take}")),
                            ("Avatar", .string("https://www.gravatar.com/avatar/00000000000000000000000000000000?d=blank")),
                            ("Spaces", .string("/api/users/\(id)/spaces")),
                            ("Teams", .string("/api/users/\(id)/teams{?spaces,includeSystem}"))])
        case .team:
            // Teams are mixed-scope: `/api/teams/{id}` reaches a space's team as well as a system one.
            return .object([("Self", .string("/api/teams/\(id)")),
                            ("ScopedUserRoles", .string("/api/teams/\(id)/scopeduserroles{?skip,take}"))])
        case .tagSet:
            return .object([("Self", .string("\(s)/tagsets/\(id)"))])
        case .libraryVariableSet:
            let l = "\(s)/libraryvariablesets/\(id)"
            return .object([("Self", .string(l)),
                            ("Variables", .string("\(s)/variables/\(document["VariableSetId"]?.stringValue ?? "")")),
                            ("Usages", .string("\(l)/usages"))])
        }
    }
}
