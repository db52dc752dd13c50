// The fields a new document of each kind starts with, in the order real servers send them.

enum ResourceDefaults {
    static func fields(_ kind: ResourceKind) -> [(String, JSONValue)] {
        switch kind {
        case .space:
            return [("Name", ""), ("Slug", ""), ("Description", ""), ("IsDefault", false), ("IsPrivate", false),
                    ("TaskQueueStopped", false), ("SpaceManagersTeams", []), ("SpaceManagersTeamMembers", []),
                    ("Icon", .null), ("ExtensionSettings", [])]
        case .projectGroup:
            return [("Name", ""), ("Slug", ""), ("Description", ""), ("EnvironmentIds", []), ("RetentionPolicyId", .null)]
        case .project:
            return [("VariableSetId", .null), ("DeploymentProcessId", .null), ("ClonedFromProjectId", .null),
                    ("DiscreteChannelRelease", false), ("IncludedLibraryVariableSetIds", []),
                    ("DefaultToSkipIfAlreadyInstalled", false), ("TenantedDeploymentMode", "Untenanted"),
                    ("DefaultGuidedFailureMode", "EnvironmentDefault"),
                    ("VersioningStrategy", .object([("Template", "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}"), ("DonorPackage", .null)])),
                    ("ReleaseCreationStrategy", .object([("ChannelId", .null), ("ReleaseCreationPackage", .null), ("ReleaseCreationPackageStepId", .null)])),
                    ("Templates", []), ("AutoDeployReleaseOverrides", []), ("LifecycleId", .null), ("AutoCreateRelease", false),
                    ("IsDisabled", false), ("ProjectGroupId", .null), ("Name", ""), ("Slug", ""), ("Description", ""),
                    ("IsVersionControlled", false),
                    ("PersistenceSettings", .object([("Type", "Database")])),
                    ("ProjectConnectivityPolicy", .object([("SkipMachineBehavior", "None"), ("TargetRoles", []),
                                                           ("AllowDeploymentsToNoTargets", false), ("ExcludeUnhealthyTargets", false)])),
                    ("Icon", .null), ("ExtensionSettings", [])]
        case .environment:
            return [("Name", ""), ("Slug", ""), ("Description", ""), ("SortOrder", 0), ("UseGuidedFailure", false),
                    ("AllowDynamicInfrastructure", false), ("ExtensionSettings", [])]
        case .lifecycle:
            let retention: JSONValue = .object([("Unit", "Days"), ("QuantityToKeep", 30), ("ShouldKeepForever", false)])
            return [("Name", ""), ("Slug", ""), ("Description", ""), ("ReleaseRetentionPolicy", retention),
                    ("TentacleRetentionPolicy", retention), ("Phases", [])]
        case .channel:
            return [("Name", ""), ("Slug", ""), ("Description", ""), ("ProjectId", .null), ("LifecycleId", .null),
                    ("IsDefault", false), ("Rules", []), ("TenantTags", [])]
        case .release:
            return [("Version", ""), ("ChannelId", .null), ("ReleaseNotes", ""), ("ProjectDeploymentProcessSnapshotId", .null),
                    ("IgnoreChannelRules", false), ("BuildInformation", []), ("Assembled", .null),
                    ("ProjectId", .null), ("LibraryVariableSetSnapshotIds", []), ("SelectedPackages", []),
                    ("ProjectVariableSetSnapshotId", .null), ("VersionControlReference", .null)]
        case .deployment:
            return [("ReleaseId", .null), ("EnvironmentId", .null), ("TenantId", .null), ("ForcePackageDownload", false),
                    ("ForcePackageRedeployment", false), ("SkipActions", []), ("SpecificMachineIds", []),
                    ("ExcludedMachineIds", []), ("DeploymentProcessId", .null), ("ManifestVariableSetId", .null),
                    ("TaskId", .null), ("ProjectId", .null), ("ChannelId", .null), ("UseGuidedFailure", false),
                    ("Comments", .null), ("FormValues", .object([])), ("QueueTime", .null), ("QueueTimeExpiry", .null),
                    ("Name", ""), ("Created", .null), ("DeployedBy", "rove"), ("DeployedById", "Users-1"),
                    ("FailureEncountered", false), ("DeployedToMachineIds", []), ("Priority", "LifecycleDefault"),
                    ("Changes", []), ("ChangesMarkdown", "")]
        case .tenant:
            return [("Name", ""), ("Slug", ""), ("Description", ""), ("TenantTags", []), ("ProjectEnvironments", .object([])),
                    ("ClonedFromTenantId", .null), ("IsDisabled", false), ("Icon", .null)]
        case .machine:
            return [("Name", ""), ("Slug", ""), ("EnvironmentIds", []), ("Roles", []), ("TenantedDeploymentParticipation", "Untenanted"),
                    ("TenantIds", []), ("TenantTags", []), ("Thumbprint", .null), ("Uri", .null), ("IsDisabled", false),
                    ("MachinePolicyId", "MachinePolicies-1"), ("HealthStatus", "Unknown"), ("HasLatestCalamari", true),
                    ("StatusSummary", "This machine has not been health checked yet."), ("IsInProcess", false),
                    ("OperatingSystem", "Ubuntu 22.04"), ("ShellName", "Bash"), ("ShellVersion", "5.1.16"),
                    ("Architecture", "x64"), ("Endpoint", .object([("CommunicationStyle", "TentaclePassive")]))]
        case .feed:
            return [("Name", ""), ("Slug", ""), ("FeedType", "NuGet"), ("FeedUri", .null), ("PackageAcquisitionLocationOptions", ["Server", "ExecutionTarget"])]
        case .account:
            return [("Name", ""), ("Slug", ""), ("Description", ""), ("AccountType", "UsernamePassword"), ("EnvironmentIds", []),
                    ("TenantedDeploymentParticipation", "Untenanted"), ("TenantIds", []), ("TenantTags", [])]
        case .variableSet:
            return [("OwnerId", .null), ("Version", 0), ("Variables", []),
                    ("ScopeValues", .object([("Environments", []), ("Machines", []), ("Actions", []), ("Roles", []),
                                             ("Channels", []), ("TenantTags", []), ("Processes", [])]))]
        case .runbook:
            return [("Name", ""), ("Slug", ""), ("Description", ""), ("ProjectId", .null), ("RunbookProcessId", .null),
                    ("PublishedRunbookSnapshotId", .null), ("EnvironmentScope", "All"), ("Environments", []),
                    ("MultiTenancyMode", "Untenanted"), ("DefaultGuidedFailureMode", "EnvironmentDefault"),
                    ("ConnectivityPolicy", .object([("SkipMachineBehavior", "None"), ("TargetRoles", []),
                                                    ("AllowDeploymentsToNoTargets", true), ("ExcludeUnhealthyTargets", false)])),
                    ("RunRetentionPolicy", .object([("QuantityToKeep", 100), ("ShouldKeepForever", false)]))]
        case .runbookSnapshot:
            return [("Name", ""), ("Notes", .null), ("ProjectId", .null), ("RunbookId", .null), ("FrozenRunbookProcessId", .null),
                    ("FrozenProjectVariableSetId", .null), ("LibraryVariableSetSnapshotIds", []), ("SelectedPackages", []),
                    ("Assembled", .null)]
        case .runbookRun:
            return [("ProjectId", .null), ("RunbookId", .null), ("RunbookSnapshotId", .null), ("FrozenRunbookProcessId", .null),
                    ("EnvironmentId", .null), ("TenantId", .null), ("SkipActions", []), ("SpecificMachineIds", []),
                    ("ExcludedMachineIds", []), ("TaskId", .null), ("Name", ""), ("Created", .null),
                    ("QueueTime", .null), ("QueueTimeExpiry", .null), ("UseGuidedFailure", false), ("Comments", .null),
                    ("FormValues", .object([])), ("FailureEncountered", false), ("RunBy", "rove"), ("RunById", "Users-1")]
        case .deploymentProcess:
            return [("ProjectId", .null), ("Version", 0), ("LastSnapshotId", .null), ("Steps", [])]
        case .interruption:
            return [("Title", ""), ("Created", .null), ("IsPending", true), ("Form", .object([])), ("RelatedDocumentIds", []),
                    ("ResponsibleTeamIds", ["teams-managers"]), ("ResponsibleUserId", .null), ("CanTakeResponsibility", true),
                    ("HasResponsibility", false), ("TaskId", .null), ("CorrelationId", .null), ("IsLinkedToOtherInterruption", false)]
        case .user:
            return [("Username", ""), ("DisplayName", ""), ("IsActive", true), ("IsService", false), ("EmailAddress", ""),
                    ("CanPasswordBeEdited", true), ("IsRequestor", true), ("Identities", [])]
        case .team:
            return [("Name", ""), ("SpaceId", .null), ("Description", ""), ("MemberUserIds", []), ("ExternalSecurityGroups", []),
                    ("CanBeDeleted", true), ("CanBeRenamed", true), ("CanChangeRoles", true), ("CanChangeMembers", true)]
        case .tagSet:
            return [("Name", ""), ("Description", ""), ("SortOrder", 0), ("Tags", [])]
        case .libraryVariableSet:
            return [("Name", ""), ("Description", ""), ("VariableSetId", .null), ("ContentType", "Variables"), ("Templates", [])]
        }
    }

    /// A document: `Id` (and `SpaceId`) first, then defaults overridden by `values`, then any extra values.
    static func make(_ kind: ResourceKind, id: String, spaceId: String?, _ values: [(String, JSONValue)]) -> JSONValue {
        var document: JSONValue = .object([("Id", .string(id))])
        if kind.isSpaceScoped, let spaceId { document.set("SpaceId", .string(spaceId)) }
        for (key, value) in fields(kind) { document.set(key, value) }
        for (key, value) in values where key != "Id" && key != "SpaceId" && key != "Links" { document.set(key, value) }
        if kind.isSpaceScoped || kind == .space || kind == .team {
            document.set("LastModifiedOn", document["LastModifiedOn"] ?? .string("2026-01-05T09:00:00.000+00:00"))
            document.set("LastModifiedBy", document["LastModifiedBy"] ?? "admin")
        }
        return document
    }

    /// `My Project` → `my-project`, as the server derives slugs.
    static func slug(_ name: String) -> String {
        var out = ""
        var lastDash = true
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
                lastDash = false
            } else if !lastDash {
                out.append("-")
                lastDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
