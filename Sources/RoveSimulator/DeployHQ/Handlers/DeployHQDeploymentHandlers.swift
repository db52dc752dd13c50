// Deployments: the paginated list, create (queue or preview), show, abort, retry, rollback, step logs.

extension DeployHQService {
    /// The project addressed by permalink or identifier, or 404 `record_not_found`.
    func project(_ reference: String) throws -> JSONValue {
        guard let project = store.project(reference) else { throw DeployHQFailure.recordNotFound("Project") }
        return project
    }

    func projectIdentifier(_ context: DeployHQContext) throws -> String {
        try project(context.param(0))["identifier"]?.stringValue ?? ""
    }

    /// The deployment `{id}` of `project` and its position, or 404 `record_not_found`.
    func deployment(_ context: DeployHQContext, project: String) throws -> (index: Int, record: DeploymentRecord) {
        let reference = context.param(1)
        let records = store.deployments[project] ?? []
        guard let index = records.firstIndex(where: { $0.identifier == reference }) else {
            throw DeployHQFailure.recordNotFound("Deployment")
        }
        return (index, records[index])
    }

    /// Only this list is paginated: `page`, `per_page` (default 10); previews are left out.
    func listDeployments(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        var records = (store.deployments[project] ?? []).filter { !$0.isPreview }.reversed().map { $0 }
        if let target = context.query("to"), !target.isEmpty {
            records = records.filter { $0.targetIdentifier == target || $0.serverIdentifiers.contains(target) }
        }
        if let running = context.query("currently_running"), ["1", "true"].contains(running) {
            records = records.filter { !timeline($0).status.isFinished }
        }
        let perPage = max(1, min(Int(context.query("per_page") ?? "") ?? 10, 1000))
        let page = max(1, min(Int(context.query("page") ?? "") ?? 1, 1_000_000))
        let offset = (page - 1) * perPage
        let total = records.count
        let pageRecords = offset < total ? Array(records[offset..<min(total, offset + perPage)]) : []
        return DeployHQResponses.json(.object([
            ("pagination", .object([("current_page", .int(page)), ("total_pages", .int((total + perPage - 1) / perPage)),
                                    ("total_records", .int(total)), ("offset", .int(offset))])),
            ("records", .array(pageRecords.map(deploymentRecordDocument))),
        ]))
    }

    func showDeployment(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        return DeployHQResponses.json(deploymentDocument(try deployment(context, project: project).record))
    }

    func createDeployment(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let input = try context.wrapped("deployment")
        let target = try deployableTarget(input.text("parent_identifier") ?? input.text("server_identifier"), project: project)
        let repository = store.repositories[project]
        let branch = input.text("branch") ?? target.branch ?? repository?.defaultBranch ?? "main"
        var end = input.text("end_revision")
        if end == nil || end == "__CURRENT__" { end = repository?.tip(of: branch) }
        guard let end else { throw DeployHQFailure.validation([("end_revision", ["can't be blank"])]) }
        let start = input.text("start_revision") ?? ""
        // A start revision must be one this target was deployed to (research §6 item 4).
        if !start.isEmpty && !knownRevisions(project: project, target: target.identifier).contains(start) {
            throw DeployHQFailure.validation([("parent", ["must exist"])])
        }
        let preview = input.text("mode") == "preview"
        let record = newDeployment(project: project, target: target, branch: branch, start: start, end: end,
                                   preview: preview, copyConfigFiles: input.flag("copy_config_files") ?? true,
                                   runBuildCommands: input.flag("run_build_commands") ?? true)
        return DeployHQResponses.json(deploymentDocument(record), status: 201)
    }

    /// Stops an unfinished deployment at this moment; a finished one is left as it is.
    func abortDeployment(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        var (index, record) = try deployment(context, project: project)
        if !timeline(record).status.isFinished {
            record.abortedAt = now()
            store.deployments[project, default: []][index] = record
        }
        let status = timeline(record).status
        return DeployHQResponses.json(.object([("status", .string(status.rawValue))]))
    }

    /// Runs a completed or failed deployment again as a new one, from the target's current revision.
    func retryDeployment(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let old = try deployment(context, project: project).record
        let status = timeline(old).status
        guard status == .completed || status == .failed else {
            throw DeployHQFailure.refused("Only completed or failed deployments can be retried (this one is \(status.rawValue))")
        }
        let target = try deployableTarget(old.targetIdentifier, project: project)
        let record = newDeployment(project: project, target: target, branch: old.branch, start: old.startRevision,
                                   end: old.endRevision, preview: false, copyConfigFiles: old.copyConfigFiles,
                                   runBuildCommands: old.runBuildCommands)
        return DeployHQResponses.json(deploymentDocument(record))
    }

    /// Deploys a completed deployment's start revision again: a new deployment from the target's current revision.
    func rollbackDeployment(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let old = try deployment(context, project: project).record
        guard timeline(old).status == .completed else {
            throw DeployHQFailure.refused("Only completed deployments can be rolled back")
        }
        guard !old.startRevision.isEmpty else {
            throw DeployHQFailure.refused("There is no earlier revision to roll back to")
        }
        let target = try deployableTarget(old.targetIdentifier, project: project)
        let body = try context.body()
        let options = body["deployment"]?.objectPairs ?? body.objectPairs ?? []
        let current = lastRevision(project: project, target: target.identifier) ?? old.endRevision
        let record = newDeployment(project: project, target: target, branch: old.branch, start: current,
                                   end: old.startRevision, preview: options.text("mode") == "preview",
                                   copyConfigFiles: options.flag("copy_config_files") ?? old.copyConfigFiles,
                                   runBuildCommands: options.flag("run_build_commands") ?? true)
        return DeployHQResponses.json(deploymentDocument(record))
    }

    /// Entries of one step; `before=<id>` pages backwards, `download=true` gives plain text.
    func stepLogs(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let record = try deployment(context, project: project).record
        let log = deploymentLog(record)
        let reference = context.param(2)
        guard let index = log.timeline.steps.indices.first(where: {
            Self.stepIdentifier($0) == reference || log.timeline.steps[$0].rawValue == reference
        }) else { throw DeployHQFailure.recordNotFound("Step") }
        let entries = log.page(index, before: context.query("before").flatMap { Int($0) })
        if context.query("download") == "true" {
            let text = entries.map { "[\($0["type"]?.stringValue ?? "")] \($0["message"]?.stringValue ?? "")" }
                .joined(separator: "\n")
            return DeployHQResponses.text(text + "\n", contentType: "text/plain; charset=utf-8")
        }
        return DeployHQResponses.json(.array(entries))
    }
}
