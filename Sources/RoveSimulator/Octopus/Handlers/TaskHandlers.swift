// /api/tasks (and /api/{space}/tasks): list with filters, fetch, details, raw log, cancel, health checks.

extension OctopusService {
    static let taskTemplateQuery =
        "{?skip,active,environment,tenant,runbook,project,name,node,running,states,hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,includeSystem,description,fromCompletedDate,toCompletedDate,fromQueueDate,toQueueDate,fromStartDate,toStartDate}"

    func tasksPath(_ context: RouteContext) -> String {
        context.spaceExplicit ? "/api/\(context.space)/tasks" : "/api/tasks"
    }

    /// Newest first; filters read compact records, and only the requested page is rendered.
    func listTasks(_ context: RouteContext) throws -> SimResponse {
        try listTasks(context, path: tasksPath(context), onlyEnvironments: nil)
    }

    /// A machine's `TasksTemplate`: the tasks that ran in its environments.
    func machineTasks(_ context: RouteContext) throws -> SimResponse {
        let machine = try existing(.machine, context.param("id"), context)
        return try listTasks(context, path: "/api/\(context.space)/machines/\(machine["Id"]?.stringValue ?? "")/tasks",
                             onlyEnvironments: Set(machine["EnvironmentIds"]?.stringArray ?? []))
    }

    func listTasks(_ context: RouteContext, path: String, onlyEnvironments: Set<String>?) throws -> SimResponse {
        let paging = try Paging(context)
        let documents = taskDocuments
        let time = now()
        let spaces = context.spaceExplicit ? [context.space] : context.queryList("spaces")
        let ids = Set(context.queryList("ids"))
        let states = Set(context.queryList("states").map { $0.lowercased() })
        let names = Set(context.queryList("name").map { $0.lowercased() })
        let projects = Set(context.queryList("project"))
        let environments = Set(context.queryList("environment"))
        let tenants = Set(context.queryList("tenant"))
        let pendingInterruptions = context.queryBool("hasPendingInterruptions")
        let running = context.queryBool("running") ?? context.queryBool("active")
        let partial = (context.query("partialName") ?? context.query("description"))?.lowercased()
        let needsState = !states.isEmpty || pendingInterruptions != nil || running != nil
        var matching: [Int] = []
        matching.reserveCapacity(min(store.tasks.count, 4096))
        for index in store.tasks.indices.reversed() {
            let record = store.tasks[index]
            if !spaces.isEmpty && !spaces.contains(record.spaceId) { continue }
            if !ids.isEmpty && !ids.contains(record.id) { continue }
            if !names.isEmpty && !names.contains(record.kind.name.lowercased()) { continue }
            if !projects.isEmpty && !projects.contains(record.projectId ?? "") { continue }
            if !environments.isEmpty && !environments.contains(record.environmentId ?? "") { continue }
            if let onlyEnvironments, !onlyEnvironments.contains(record.environmentId ?? "") { continue }
            if !tenants.isEmpty && !tenants.contains(record.tenantId ?? "") { continue }
            if let partial, !record.description.lowercased().contains(partial) { continue }
            if needsState {
                let snapshot = documents.timeline(record).snapshot(at: time)
                if !states.isEmpty {
                    // `Queued` also matches the `New` some clients send (research §3, ServerTask).
                    let state = snapshot.state.rawValue.lowercased()
                    if !states.contains(state) && !(state == "queued" && states.contains("new")) { continue }
                }
                if let pendingInterruptions, snapshot.hasPendingInterruption != pendingInterruptions { continue }
                if let running, (!snapshot.state.isCompleted) != running { continue }
            }
            matching.append(index)
        }
        let page = paging.slice(matching).map { documents.document(store.tasks[$0]) }
        return OctopusResponses.json(CollectionPage.renderPage(
            total: matching.count, paging: paging, itemType: "Task", path: path,
            template: path + "{/id}" + OctopusService.taskTemplateQuery, context: context, items: page))
    }

    func existingTask(_ context: RouteContext) throws -> TaskRecord {
        guard let record = store.task(context.param("id")) else { throw OctopusFailure.notFound }
        if context.spaceExplicit && record.spaceId != context.space { throw OctopusFailure.notFound }
        return record
    }

    func getTask(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(taskDocuments.document(try existingTask(context)))
    }

    func taskDetails(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(taskDocuments.details(try existingTask(context)))
    }

    func taskRaw(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.text(taskDocuments.raw(try existingTask(context)))
    }

    /// Cancels a task still running; a finished task is returned unchanged.
    func cancelTask(_ context: RouteContext) throws -> SimResponse {
        let record = try existingTask(context)
        let time = now()
        if !taskDocuments.timeline(record).snapshot(at: time).state.isCompleted {
            store.updateTask(record.number) { $0.canceledAt = time }
        }
        return OctopusResponses.json(taskDocuments.document(store.task(record.id) ?? record))
    }

    /// `POST tasks` with `Name: "Health"` and `Arguments.EnvironmentId` starts a health check.
    func createTask(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        guard let name = body["Name"]?.stringValue, !name.isEmpty else {
            throw OctopusFailure.invalid("Please provide a value for Name.")
        }
        guard name.lowercased() == "health" else {
            throw OctopusFailure.invalid("The task type '\(name)' is not supported by this server. Supported: Health.")
        }
        let spaceId = body["SpaceId"]?.stringValue ?? context.spaceId ?? defaultSpaceId ?? "Spaces-1"
        let environmentId = body["Arguments"]?["EnvironmentId"]?.stringValue
        var environmentName = "all environments"
        if let environmentId {
            guard let environment = store.find(.environment, environmentId, in: spaceId) else {
                throw OctopusFailure.invalid("The environment '\(environmentId)' could not be found.")
            }
            environmentName = environment["Name"]?.stringValue ?? environmentId
        }
        let record = TaskRecord(number: store.allocateTaskNumber(), spaceId: spaceId, kind: .health,
                                description: body["Description"]?.stringValue ?? "Check deployment target health in \(environmentName)",
                                documentId: nil, projectId: nil, environmentId: environmentId, tenantId: nil,
                                queuedAt: now(), duration: settings.taskSeconds,
                                stepsIndex: store.registerSteps(["Check deployment target health"]), outcome: .success,
                                isHistorical: false)
        store.addTask(record)
        store.unappliedHealthChecks.append(record.number)
        return OctopusResponses.json(taskDocuments.document(record), status: 201)
    }

    /// Health results reach the machines once their check has finished, checked on every request.
    func applyFinishedHealthChecks(at time: Double) {
        guard !store.unappliedHealthChecks.isEmpty else { return }
        let documents = TaskDocuments(store: store, now: time)
        store.unappliedHealthChecks.removeAll { number in
            guard let index = store.taskIndex[number] else { return true }
            let record = store.tasks[index]
            let snapshot = documents.timeline(record).snapshot(at: time)
            guard snapshot.state.isCompleted else { return false }
            guard snapshot.state == .success else { return true }
            for machine in store.documents(.machine, in: record.spaceId) {
                guard record.environmentId == nil || machine["EnvironmentIds"]?.stringArray.contains(record.environmentId!) == true,
                      machine["HealthStatus"]?.stringValue != "Unavailable" else { continue }
                var updated = machine
                updated.set("HealthStatus", "Healthy")
                updated.set("StatusSummary", .string("Octopus was able to successfully establish a connection with this machine on \(OctopusTime.long(snapshot.completedTime ?? time))"))
                store.insert(.machine, updated)
            }
            return true
        }
    }
}
