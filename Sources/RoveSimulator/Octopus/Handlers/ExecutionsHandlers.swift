// The executions API (2022.3+): create releases, deployments and runbook runs by name (research §4.2).

extension OctopusService {
    /// Fields are read case-insensitively: clients send camelCase, some send PascalCase.
    func field(_ body: JSONValue, _ name: String) -> JSONValue? {
        guard let value = body.member(ignoringCase: name), !value.isNull else { return nil }
        return value
    }

    func text(_ body: JSONValue, _ name: String) -> String? {
        field(body, name)?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
    }

    func texts(_ body: JSONValue, _ name: String) -> [String] {
        field(body, name)?.stringArray ?? []
    }

    /// The body must repeat the space (research §4.2 gotcha) and name a project.
    func executionProject(_ body: JSONValue, _ context: RouteContext) throws -> JSONValue {
        var errors: [String] = []
        if text(body, "spaceIdOrName") == nil { errors.append("SpaceIdOrName must be specified") }
        if text(body, "projectName") == nil { errors.append("ProjectName must be specified") }
        if !errors.isEmpty { throw OctopusFailure.badRequest("There was a problem with your request.", errors: errors) }
        return try named(.project, text(body, "projectName")!, context)
    }

    /// Exact (case-insensitive) name, or id or slug: this API does not match partially.
    func named(_ kind: ResourceKind, _ name: String, _ context: RouteContext, where include: (JSONValue) -> Bool = { _ in true }) throws -> JSONValue {
        let lower = name.lowercased()
        let candidates = store.documents(kind, in: context.space).filter(include)
        if let match = candidates.first(where: { $0["Name"]?.stringValue?.lowercased() == lower })
            ?? candidates.first(where: { $0["Id"]?.stringValue?.lowercased() == lower || $0["Slug"]?.stringValue?.lowercased() == lower }) {
            return match
        }
        throw OctopusFailure.invalid("Unable to find \(kind.itemType.lowercased()) '\(name)' in space \(context.space).")
    }

    func createReleaseV1(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        let project = try executionProject(body, context)
        let pid = project["Id"]?.stringValue ?? ""
        var channelId: String? = nil
        if let channelName = text(body, "channelName") {
            channelId = try named(.channel, channelName, context) { $0["ProjectId"]?.stringValue == pid }["Id"]?.stringValue
        }
        let existing = store.documents(.release, in: context.space).filter { $0["ProjectId"]?.stringValue == pid }
        let version = text(body, "releaseVersion") ?? text(body, "packageVersion")
            ?? ResourceDefaults.nextVersion(after: existing.last?["Version"]?.stringValue)
        if field(body, "ignoreIfAlreadyExists")?.boolValue == true,
           let found = existing.first(where: { $0["Version"]?.stringValue?.lowercased() == version.lowercased() }) {
            return OctopusResponses.json(.object([("ReleaseId", found["Id"] ?? .null), ("ReleaseVersion", found["Version"] ?? .null)]))
        }
        let packages: [JSONValue] = texts(body, "packages").map { spec in
            let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
            return .object([("ActionName", .string(parts.first ?? "")), ("PackageReferenceName", ""),
                            ("Version", .string(parts.count > 1 ? parts[1] : version))])
        }
        let release = try makeRelease(projectId: pid, channelId: channelId, version: version,
                                      notes: text(body, "releaseNotes"), packages: .array(packages), context: context)
        return OctopusResponses.json(.object([("ReleaseId", release["Id"] ?? .null), ("ReleaseVersion", release["Version"] ?? .null)]))
    }

    func executionRelease(_ body: JSONValue, project: JSONValue, _ context: RouteContext) throws -> JSONValue {
        guard let version = text(body, "releaseVersion") else {
            throw OctopusFailure.invalid("ReleaseVersion must be specified")
        }
        guard let release = store.documents(.release, in: context.space).first(where: {
            $0["ProjectId"] == project["Id"] && $0["Version"]?.stringValue?.lowercased() == version.lowercased()
        }) else {
            throw OctopusFailure.invalid("Unable to find release '\(version)' for project '\(project["Name"]?.stringValue ?? "")'.")
        }
        return release
    }

    func createDeploymentsV1(_ context: RouteContext, tenanted: Bool) throws -> SimResponse {
        let body = try context.body()
        let project = try executionProject(body, context)
        let release = try executionRelease(body, project: project, context)
        var targets: [(environment: JSONValue, tenantId: String?)] = []
        if tenanted {
            guard let environmentName = text(body, "environmentName") else {
                throw OctopusFailure.invalid("EnvironmentName must be specified")
            }
            let environment = try named(.environment, environmentName, context)
            var tenants = try texts(body, "tenants").map { try named(.tenant, $0, context) }
            let tags = Set(texts(body, "tenantTags"))
            if !tags.isEmpty {
                tenants += store.documents(.tenant, in: context.space).filter { !tags.isDisjoint(with: $0["TenantTags"]?.stringArray ?? []) }
            }
            guard !tenants.isEmpty else { throw OctopusFailure.invalid("At least one tenant or tenant tag must be specified") }
            var seen = Set<String>()
            for tenant in tenants where seen.insert(tenant["Id"]?.stringValue ?? "").inserted {
                targets.append((environment, tenant["Id"]?.stringValue))
            }
        } else {
            let names = texts(body, "environmentNames")
            guard !names.isEmpty else { throw OctopusFailure.invalid("EnvironmentNames must be specified") }
            targets = try names.map { (try named(.environment, $0, context), nil) }
        }
        let created: [JSONValue] = targets.map { target in
            let deployment = startDeployment(release: release, environment: target.environment, tenantId: target.tenantId,
                                             extra: .object([]), spaceId: context.space)
            return .object([("DeploymentId", deployment["Id"] ?? .null), ("ServerTaskId", deployment["TaskId"] ?? .null)])
        }
        return OctopusResponses.json(.object([("DeploymentServerTasks", .array(created))]))
    }

    func createRunbookRunsV1(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        let project = try executionProject(body, context)
        guard let runbookName = text(body, "runbookName") else { throw OctopusFailure.invalid("RunbookName must be specified") }
        let runbook = try named(.runbook, runbookName, context) { $0["ProjectId"] == project["Id"] }
        let names = texts(body, "environmentNames")
        guard !names.isEmpty else { throw OctopusFailure.invalid("EnvironmentNames must be specified") }
        let environments = try names.map { try named(.environment, $0, context) }
        var snapshotId = runbook["PublishedRunbookSnapshotId"]?.stringValue
        if let snapshot = text(body, "snapshot") {
            snapshotId = try named(.runbookSnapshot, snapshot, context) { $0["RunbookId"] == runbook["Id"] }["Id"]?.stringValue
        }
        guard let snapshotId else {
            throw OctopusFailure.invalid("The runbook has no published snapshot. Publish a snapshot before running it.")
        }
        let tenantIds: [String?] = try texts(body, "tenants").map { try named(.tenant, $0, context)["Id"]?.stringValue }.nilIfEmpty ?? [nil]
        var created: [JSONValue] = []
        for environment in environments {
            for tenantId in tenantIds {
                let run = startRunbookRun(runbook: runbook, snapshotId: snapshotId, environment: environment,
                                          tenantId: tenantId, spaceId: context.space)
                created.append(.object([("RunbookRunId", run["Id"] ?? .null), ("ServerTaskId", run["TaskId"] ?? .null)]))
            }
        }
        return OctopusResponses.json(.object([("RunbookRunServerTasks", .array(created))]))
    }
}
