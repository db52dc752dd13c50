// Builds the demo data from the seed: spaces, environments, projects, machines, variables, runbooks.

struct DemoSeed {
    let settings: SimSettings
    let store = OctopusStore()

    /// Made-up but stable ids of everything a space holds, for the history builder.
    struct SpaceData {
        let spaceId: String
        var environments: [(id: String, name: String)] = []
        var projects: [(id: String, name: String, channelIds: [String])] = []
        var tenants: [String] = []
    }

    func build() -> OctopusStore {
        var random = SeededGenerator(seed: settings.seed)
        store.installationId = ResourceDefaults.variableId(seed: "installation-\(settings.seed)")
        buildUsers()
        var spaces: [SpaceData] = []
        for (index, plan) in DemoCatalog.spaces.enumerated() {
            spaces.append(buildSpace(plan, index: index, random: &random))
        }
        buildTeams(spaceIds: spaces.map(\.spaceId))
        var history = DemoHistory(store: store, random: random)
        for space in spaces { history.build(space) }
        history.addExtraHealthTasks(settings.extraTasks, spaceId: spaces[0].spaceId,
                                    environments: spaces[0].environments.map(\.id))
        pinRunbookPackages()
        return store
    }

    func make(_ kind: ResourceKind, _ spaceId: String, _ values: [(String, JSONValue)], id: String? = nil) -> String {
        let id = id ?? store.nextId(kind)
        var values = values
        if let name = values.first(where: { $0.0 == "Name" })?.1.stringValue, kind != .release, kind != .deployment {
            values.append(("Slug", .string(ResourceDefaults.slug(name))))
        }
        store.insert(kind, ResourceDefaults.make(kind, id: id, spaceId: spaceId, values))
        return id
    }

    func buildSpace(_ plan: DemoCatalog.SpacePlan, index: Int, random: inout SeededGenerator) -> SpaceData {
        let isDefault = index == 0
        let spaceId = store.nextId(.space)
        store.insert(.space, ResourceDefaults.make(.space, id: spaceId, spaceId: nil, [
            ("Name", .string(plan.name)), ("Slug", .string(ResourceDefaults.slug(plan.name))),
            ("Description", .string(plan.description)), ("IsDefault", .bool(isDefault)),
            ("SpaceManagersTeams", .strings(["teams-administrators", "teams-managers", "teams-spacemanagers-\(spaceId)"])),
        ]))
        var data = SpaceData(spaceId: spaceId)
        _ = make(.feed, spaceId, [("Name", "Octopus Server (built-in)"), ("FeedType", "BuiltIn"),
                                  ("DeleteUnreleasedPackagesAfterDays", 30), ("IsBuiltInRepoSyncEnabled", false)], id: "feeds-builtin")
        for (order, name) in plan.environments.enumerated() {
            let id = make(.environment, spaceId, [("Name", .string(name)), ("Description", .string("\(name) environment")),
                                                  ("SortOrder", .int(order)), ("UseGuidedFailure", false)])
            data.environments.append((id, name))
        }
        let lifecycle = makeLifecycle("Default Lifecycle", phases: data.environments, spaceId: spaceId)
        let hotfix = makeLifecycle("Hotfix", phases: Array(data.environments.suffix(2)), spaceId: spaceId)
        buildTagSets(spaceIndex: index, spaceId: spaceId)
        buildLibraryVariableSets(spaceIndex: index, spaceId: spaceId)
        let groups = plan.projectGroups.map { make(.projectGroup, spaceId, [("Name", .string($0)), ("Description", .string("\($0) projects"))]) }
        for name in plan.tenants {
            data.tenants.append(make(.tenant, spaceId, [("Name", .string(name)), ("Description", .string("Customer \(name)")),
                                                        ("TenantTags", .strings(["Tier/\(random.pick(["Gold", "Silver", "Bronze"]))"]))]))
        }
        for (name, groupIndex) in plan.projects {
            data.projects.append(buildProject(name, group: groups[groupIndex], lifecycle: lifecycle, hotfix: hotfix,
                                              data: data, random: &random))
        }
        // Tenants are connected to the tenanted projects in every environment.
        for tenantId in data.tenants {
            guard var tenant = store.document(.tenant, tenantId) else { continue }
            let connected = data.projects.filter { DemoCatalog.tenantedProjects.contains($0.name) }
            tenant.set("ProjectEnvironments", .object(connected.map { ($0.id, .strings(data.environments.map(\.id))) }))
            store.insert(.tenant, tenant)
        }
        buildMachines(data, random: &random)
        if isDefault { buildAccounts(data) }
        return data
    }

    func makeLifecycle(_ name: String, phases: [(id: String, name: String)], spaceId: String) -> String {
        let phaseDocuments: [JSONValue] = phases.enumerated().map { index, environment in
            .object([("Id", .string(ResourceDefaults.variableId(seed: "\(spaceId)-\(name)-phase-\(index)"))),
                     ("Name", .string(environment.name)), ("AutomaticDeploymentTargets", index == 0 && name == "Default Lifecycle" ? .strings([environment.id]) : []),
                     ("OptionalDeploymentTargets", index == 0 && name == "Default Lifecycle" ? [] : .strings([environment.id])),
                     ("MinimumEnvironmentsBeforePromotion", 0), ("IsOptionalPhase", false), ("IsPriorityPhase", false),
                     ("ReleaseRetentionPolicy", .null), ("TentacleRetentionPolicy", .null)])
        }
        return make(.lifecycle, spaceId, [("Name", .string(name)), ("Description", .string("\(name) phases")),
                                          ("Phases", .array(phaseDocuments))])
    }

    func buildProject(_ name: String, group: String, lifecycle: String, hotfix: String, data: SpaceData,
                      random: inout SeededGenerator) -> (id: String, name: String, channelIds: [String]) {
        let spaceId = data.spaceId
        let id = store.nextId(.project)
        let tenanted = DemoCatalog.tenantedProjects.contains(name) && !data.tenants.isEmpty
        _ = make(.project, spaceId, [
            ("VariableSetId", .string("variableset-\(id)")), ("DeploymentProcessId", .string("deploymentprocess-\(id)")),
            ("TenantedDeploymentMode", tenanted ? "TenantedOrUntenanted" : "Untenanted"),
            ("LifecycleId", .string(lifecycle)), ("ProjectGroupId", .string(group)), ("Name", .string(name)),
            ("Description", .string("The \(name) project")),
        ], id: id)
        var channels = [make(.channel, spaceId, [("Name", "Default"), ("Description", ""), ("ProjectId", .string(id)),
                                                 ("IsDefault", true)])]
        if DemoCatalog.hotfixChannelProjects.contains(name) {
            channels.append(make(.channel, spaceId, [("Name", "Hotfix"), ("Description", "Urgent fixes straight to Staging"),
                                                     ("ProjectId", .string(id)), ("LifecycleId", .string(hotfix))]))
        }
        let steps: [JSONValue] = DemoCatalog.processSteps(name).enumerated().map { index, step in
            let manual = step.lowercased().contains("approv")
            let packageStep = step.hasPrefix("Deploy ")
            let action: JSONValue = .object([
                ("Id", .string(ResourceDefaults.variableId(seed: "\(id)-action-\(index)"))), ("Name", .string(step)),
                ("ActionType", .string(manual ? "Octopus.Manual" : (packageStep ? "Octopus.TentaclePackage" : "Octopus.Script"))),
                ("IsDisabled", false), ("Environments", manual ? .strings([data.environments.last?.id ?? ""]) : []),
                ("Packages", packageStep ? .array([.object([("Name", ""), ("PackageId", .string(DemoCatalog.packageId(name))),
                                                           ("FeedId", "feeds-builtin"), ("AcquisitionLocation", "Server")])]) : []),
                ("Properties", .object([])),
            ])
            return .object([("Id", .string(ResourceDefaults.variableId(seed: "\(id)-step-\(index)"))), ("Name", .string(step)),
                            ("PackageRequirement", "LetOctopusDecide"), ("Condition", "Success"),
                            ("StartTrigger", "StartAfterPrevious"), ("Properties", .object([("Octopus.Action.TargetRoles", manual ? "" : "web-server")])),
                            ("Actions", .array([action]))])
        }
        store.insert(.deploymentProcess, ResourceDefaults.make(.deploymentProcess, id: "deploymentprocess-\(id)", spaceId: spaceId, [
            ("ProjectId", .string(id)), ("Version", .int(steps.count)), ("Steps", .array(steps))]))
        buildVariables(projectId: id, name: name, data: data, random: &random)
        for runbook in DemoCatalog.runbooks(name) {
            let runbookId = store.nextId(.runbook)
            let snapshotId = store.nextId(.runbookSnapshot)
            _ = make(.runbook, spaceId, [("Name", .string(runbook)), ("Description", .string("\(runbook) for \(name)")),
                                         ("ProjectId", .string(id)), ("RunbookProcessId", .string("RunbookProcess-\(runbookId)")),
                                         ("PublishedRunbookSnapshotId", .string(snapshotId))], id: runbookId)
            _ = make(.runbookSnapshot, spaceId, [("Name", .string("Snapshot \(random.int(1000...9999))")),
                                                 ("Notes", "Published by the demo seed"), ("ProjectId", .string(id)),
                                                 ("RunbookId", .string(runbookId)),
                                                 ("FrozenRunbookProcessId", .string("RunbookProcess-\(runbookId)-s-1")),
                                                 ("FrozenProjectVariableSetId", .string("variableset-\(id)-s-1")),
                                                 ("Assembled", .string(OctopusTime.iso(DemoCatalog.historyEnd - 86_400 * 10)))], id: snapshotId)
        }
        return (id, name, channels)
    }

    func buildVariables(projectId: String, name: String, data: SpaceData, random: inout SeededGenerator) {
        var variables: [JSONValue] = []
        func add(_ variableName: String, _ value: String, sensitive: Bool = false, environment: String? = nil) {
            let scope: JSONValue = environment.map { .object([("Environment", .strings([$0]))]) } ?? .object([])
            variables.append(ResourceDefaults.variable(name: variableName, value: .string(value), sensitive: sensitive, scope: scope,
                                                       id: ResourceDefaults.variableId(seed: "\(projectId)-\(variables.count)")))
        }
        let slug = ResourceDefaults.slug(name)
        for environment in data.environments {
            add("ConnectionString", "Server=\(DemoCatalog.environmentPrefix(environment.name))-db-01;Database=\(slug)",
                environment: environment.id)
        }
        add("LogLevel", random.pick(["Information", "Warning", "Debug"]))
        add("App.Port", String(random.int(8000...8999)))
        add("DatabasePassword", "demo-password-\(random.int(1000...9999))", sensitive: true)
        add("ApiKey", "API-DEMO\(random.int(100_000...999_999))", sensitive: true)
        let scopeValues: JSONValue = .object([
            ("Environments", .array(data.environments.map { .object([("Id", .string($0.id)), ("Name", .string($0.name))]) })),
            ("Machines", []), ("Actions", []), ("Roles", .array(DemoCatalog.machineShapes.flatMap(\.1).uniqued().map { .object([("Id", .string($0)), ("Name", .string($0))]) })),
            ("Channels", []), ("TenantTags", []), ("Processes", []),
        ])
        store.insert(.variableSet, ResourceDefaults.make(.variableSet, id: "variableset-\(projectId)", spaceId: data.spaceId, [
            ("OwnerId", .string(projectId)), ("Version", .int(random.int(1...9))), ("Variables", .array(variables)),
            ("ScopeValues", scopeValues)]))
    }

    func buildMachines(_ data: SpaceData, random: inout SeededGenerator) {
        for environment in data.environments {
            let prefix = DemoCatalog.environmentPrefix(environment.name)
            let shapes = environment.name == "Production" ? DemoCatalog.machineShapes : Array(DemoCatalog.machineShapes.prefix(3))
            for (stem, roles) in shapes {
                let name = "\(prefix)-\(stem)"
                let health = random.pick(DemoCatalog.healthStatuses)
                let thumbprint = ResourceDefaults.variableId(seed: "\(data.spaceId)-\(name)").replacingDashes().uppercased()
                _ = make(.machine, data.spaceId, [
                    ("Name", .string(name)), ("EnvironmentIds", .strings([environment.id])), ("Roles", .strings(roles)),
                    ("Thumbprint", .string(String(thumbprint.prefix(40)))), ("Uri", .string("https://\(name).example.internal:10933/")),
                    ("HealthStatus", .string(health)),
                    ("StatusSummary", .string(health == "Unknown" ? "This machine has not been health checked yet." : "Last health check reported \(health).")),
                    ("Endpoint", .object([("CommunicationStyle", "TentaclePassive"), ("Uri", .string("https://\(name).example.internal:10933/")),
                                          ("Thumbprint", .string(String(thumbprint.prefix(40)))), ("DefaultWorkerPoolId", .null)])),
                ])
            }
        }
    }

    func buildAccounts(_ data: SpaceData) {
        _ = make(.account, data.spaceId, [("Name", "Azure Production"), ("AccountType", "AzureServicePrincipal"),
                                          ("SubscriptionNumber", "00000000-0000-0000-0000-00000000aaaa"),
                                          ("ClientId", "00000000-0000-0000-0000-00000000bbbb"), ("TenantId", "00000000-0000-0000-0000-00000000cccc"),
                                          ("Password", .object([("HasValue", true), ("NewValue", .null)]))])
        _ = make(.account, data.spaceId, [("Name", "AWS Staging"), ("AccountType", "AmazonWebServicesAccount"),
                                          ("AccessKey", "AKIADEMO0000000000"), ("SecretKey", .object([("HasValue", true), ("NewValue", .null)]))])
        _ = make(.account, data.spaceId, [("Name", "Deploy SSH Key"), ("AccountType", "SshKeyPair"), ("Username", "deploy"),
                                          ("PrivateKeyFile", .object([("HasValue", true), ("NewValue", .null)]))])
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension String {
    func replacingDashes() -> String { split(separator: "-").joined() }
}
