// Deployments and runbook runs: each creates a task that runs on the clock by the behaviour rules.

extension OctopusService {
    func createDeployment(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        var errors: [String] = []
        if body["ReleaseId"]?.stringValue?.isEmpty ?? true { errors.append("Please provide a value for ReleaseId.") }
        if body["EnvironmentId"]?.stringValue?.isEmpty ?? true { errors.append("Please provide a value for EnvironmentId.") }
        if !errors.isEmpty { throw OctopusFailure.badRequest("There was a problem with your request.", errors: errors) }
        guard let release = store.find(.release, body["ReleaseId"]!.stringValue!, in: context.space) else {
            throw OctopusFailure.invalid("The release '\(body["ReleaseId"]!.stringValue!)' could not be found.")
        }
        guard let environment = store.find(.environment, body["EnvironmentId"]!.stringValue!, in: context.space) else {
            throw OctopusFailure.invalid("The environment '\(body["EnvironmentId"]!.stringValue!)' could not be found.")
        }
        let deployment = startDeployment(release: release, environment: environment, tenantId: body["TenantId"]?.stringValue,
                                          extra: body, spaceId: context.space)
        return OctopusResponses.json(render(.deployment, deployment), status: 201)
    }

    /// The step names a project's process runs, in order.
    func processSteps(projectId: String, spaceId: String) -> [String] {
        let process = store.find(.deploymentProcess, "deploymentprocess-\(projectId)", in: spaceId)
        let names = process?["Steps"]?.arrayValue?.compactMap { $0["Name"]?.stringValue } ?? []
        return names.isEmpty ? ["Deploy package"] : names
    }

    /// Creates the Deployment, its task and, where the rules say so, its manual intervention.
    func startDeployment(release: JSONValue, environment: JSONValue, tenantId: String?, extra: JSONValue,
                         spaceId: String) -> JSONValue {
        let projectId = release["ProjectId"]?.stringValue ?? ""
        let project = store.document(.project, projectId)
        let projectName = project?["Name"]?.stringValue ?? projectId
        let environmentName = environment["Name"]?.stringValue ?? ""
        let version = release["Version"]?.stringValue ?? ""
        let steps = processSteps(projectId: projectId, spaceId: spaceId)
        let deploymentId = store.nextId(.deployment)
        let taskNumber = store.allocateTaskNumber()
        let time = now()
        var record = TaskRecord(number: taskNumber, spaceId: spaceId, kind: .deploy,
                                description: "Deploy \(projectName) release \(version) to \(environmentName)",
                                documentId: deploymentId, projectId: projectId, environmentId: environment["Id"]?.stringValue,
                                tenantId: tenantId, queuedAt: time, duration: settings.taskSeconds,
                                stepsIndex: store.registerSteps(steps),
                                outcome: BehaviourRules.deploymentOutcome(project: projectName, environment: environmentName, steps: steps),
                                isHistorical: false)
        if case .intervention(let step) = record.outcome {
            record.interruptionId = createInterruption(title: steps[step], taskId: record.id, related: [deploymentId, record.id],
                                                       spaceId: spaceId, at: time)
        }
        store.addTask(record)
        var values: [(String, JSONValue)] = [
            ("ReleaseId", release["Id"] ?? .null), ("EnvironmentId", environment["Id"] ?? .null),
            ("TenantId", .optional(tenantId)), ("DeploymentProcessId", release["ProjectDeploymentProcessSnapshotId"] ?? .null),
            ("ManifestVariableSetId", .string("variableset-\(deploymentId)")), ("TaskId", .string(record.id)),
            ("ProjectId", .string(projectId)), ("ChannelId", release["ChannelId"] ?? .null),
            ("Name", .string("Deploy to \(environmentName)")), ("Created", .string(OctopusTime.iso(time))),
            ("QueueTime", .null), ("LastModifiedOn", .string(OctopusTime.iso(time))),
        ]
        for key in ["Comments", "FormValues", "SkipActions", "SpecificMachineIds", "ExcludedMachineIds", "ForcePackageDownload",
                    "ForcePackageRedeployment", "UseGuidedFailure", "Priority", "QueueTimeExpiry"] {
            if let value = extra[key], !value.isNull { values.append((key, value)) }
        }
        let deployment = ResourceDefaults.make(.deployment, id: deploymentId, spaceId: spaceId, values)
        store.insert(.deployment, deployment)
        return deployment
    }

    func createRunbookRun(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        var errors: [String] = []
        if body["RunbookId"]?.stringValue?.isEmpty ?? true { errors.append("Please provide a value for RunbookId.") }
        if body["EnvironmentId"]?.stringValue?.isEmpty ?? true { errors.append("Please provide a value for EnvironmentId.") }
        if !errors.isEmpty { throw OctopusFailure.badRequest("There was a problem with your request.", errors: errors) }
        guard let runbook = store.find(.runbook, body["RunbookId"]!.stringValue!, in: context.space) else {
            throw OctopusFailure.invalid("The runbook '\(body["RunbookId"]!.stringValue!)' could not be found.")
        }
        guard let environment = store.find(.environment, body["EnvironmentId"]!.stringValue!, in: context.space) else {
            throw OctopusFailure.invalid("The environment '\(body["EnvironmentId"]!.stringValue!)' could not be found.")
        }
        let snapshotId = body["RunbookSnapshotId"]?.stringValue ?? runbook["PublishedRunbookSnapshotId"]?.stringValue
        guard let snapshotId, store.find(.runbookSnapshot, snapshotId, in: context.space) != nil else {
            throw OctopusFailure.invalid("The runbook has no published snapshot. Publish a snapshot before running it.")
        }
        let run = startRunbookRun(runbook: runbook, snapshotId: snapshotId, environment: environment,
                                  tenantId: body["TenantId"]?.stringValue, spaceId: context.space)
        return OctopusResponses.json(render(.runbookRun, run), status: 201)
    }

    func startRunbookRun(runbook: JSONValue, snapshotId: String, environment: JSONValue, tenantId: String?,
                         spaceId: String) -> JSONValue {
        let runbookName = runbook["Name"]?.stringValue ?? ""
        let projectId = runbook["ProjectId"]?.stringValue ?? ""
        let steps = DemoCatalog.runbookSteps(runbookName)
        let runId = store.nextId(.runbookRun)
        let time = now()
        let record = TaskRecord(number: store.allocateTaskNumber(), spaceId: spaceId, kind: .runbookRun,
                                description: "Run \(runbookName) in \(environment["Name"]?.stringValue ?? "")",
                                documentId: runId, projectId: projectId, environmentId: environment["Id"]?.stringValue,
                                tenantId: tenantId, queuedAt: time, duration: settings.taskSeconds,
                                stepsIndex: store.registerSteps(steps), outcome: BehaviourRules.runbookOutcome(runbook: runbookName),
                                isHistorical: false)
        store.addTask(record)
        let run = ResourceDefaults.make(.runbookRun, id: runId, spaceId: spaceId, [
            ("ProjectId", .string(projectId)), ("RunbookId", runbook["Id"] ?? .null), ("RunbookSnapshotId", .string(snapshotId)),
            ("FrozenRunbookProcessId", .string("RunbookProcess-\(runbook["Id"]?.stringValue ?? "")-s-1")),
            ("EnvironmentId", environment["Id"] ?? .null), ("TenantId", .optional(tenantId)), ("TaskId", .string(record.id)),
            ("Name", .string(runbookName)), ("Created", .string(OctopusTime.iso(time))), ("LastModifiedOn", .string(OctopusTime.iso(time))),
        ])
        store.insert(.runbookRun, run)
        return run
    }
}

extension Array {
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
