// Scheduled deployments: a server (or group) and a schedule; `next_deployment_at` is worked out
// from the clock at read time, and the list holds only the runs still to come, soonest first.

extension DeployHQService {
    static let scheduleKeys = ["frequency", "at", "weekday", "day", "month", "year", "schedule"]
    static let scheduleOptions = ["copy_config_files", "run_build_commands", "use_build_cache", "skip_if_not_changes",
                                  "use_latest", "deploy_entire_repository"]

    var scheduledDeployments: CollectionKind { ResourceCatalog.kind("scheduled_deployments")! }

    /// The stored document with its next run as of now (null once a one-off has run).
    func presentSchedule(_ document: JSONValue) -> JSONValue {
        var shown = document
        let next = DeploymentSchedule.read(document.objectPairs ?? []).schedule?.next(after: now())
        shown.set("next_deployment_at", next.map { .string(OctopusTime.iso($0)) } ?? .null)
        return shown
    }

    /// Forthcoming runs only, ordered ascending by when they happen (the spec's words).
    func listSchedules(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let time = now()
        let upcoming = store.documents("scheduled_deployments", owner: project).compactMap { document -> (Double, JSONValue)? in
            guard let next = DeploymentSchedule.read(document.objectPairs ?? []).schedule?.next(after: time) else { return nil }
            return (next, document)
        }
        let sorted = upcoming.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
        return DeployHQResponses.json(.array(sorted.map { presentSchedule($0.element.1) }))
    }

    func showSchedule(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        return DeployHQResponses.json(presentSchedule(try member(scheduledDeployments, context, owner: project).document))
    }

    /// POST: `server_identifier` (a server or group, by identifier or name) and `frequency` are
    /// required; the document keeps the target's identifier and shows its name as `server`.
    func createSchedule(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let input = try context.wrapped("scheduled_deployment")
        var errors: [String] = []
        let reference = input.text("server_identifier")
        let target = reference.flatMap { resolveTarget($0, project: project) }
        if reference == nil {
            errors.append("Server identifier can't be blank")
        } else if target == nil {
            errors.append("Server must exist")
        }
        errors += DeploymentSchedule.read(input).errors
        if errors.isEmpty, DeploymentSchedule.read(input).schedule?.next(after: now()) == nil {
            errors.append("Next deployment at must be in the future")
        }
        if !errors.isEmpty { throw DeployHQFailure.validationList(errors) }
        var pairs: [(String, JSONValue)] = [("identifier", .string(store.uuid()))]
        for (key, fallback) in scheduledDeployments.fields {
            switch key {
            case "server_identifier": pairs.append((key, .string(target!.identifier)))
            case "server": pairs.append((key, .string(targetName(target!.identifier, project: project))))
            case "next_deployment_at": pairs.append((key, .null))
            default: pairs.append((key, input.value(key) ?? fallback))
            }
        }
        let document = JSONValue.object(pairs)
        store.append(document, "scheduled_deployments", owner: project)
        return DeployHQResponses.json(presentSchedule(document), status: scheduledDeployments.createStatus)
    }

    /// PUT and PATCH change the schedule and options sent; the server and revisions stay.
    func updateSchedule(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let (index, old) = try member(scheduledDeployments, context, owner: project)
        let input = try context.wrapped("scheduled_deployment")
        var document = old
        for key in Self.scheduleKeys + Self.scheduleOptions {
            if let value = input.value(key) { document.set(key, value) }
        }
        let errors = DeploymentSchedule.read(document.objectPairs ?? []).errors
        if !errors.isEmpty { throw DeployHQFailure.validationList(errors) }
        var all = store.documents("scheduled_deployments", owner: project)
        all[index] = document
        store.setDocuments(all, "scheduled_deployments", owner: project)
        return DeployHQResponses.json(presentSchedule(document))
    }

    /// DELETE cancels a run still to come; a one-off that has run is a 422.
    func destroySchedule(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let (index, document) = try member(scheduledDeployments, context, owner: project)
        if DeploymentSchedule.read(document.objectPairs ?? []).schedule?.next(after: now()) == nil {
            throw DeployHQFailure.validationList(["This scheduled deployment has already run and cannot be cancelled"])
        }
        var all = store.documents("scheduled_deployments", owner: project)
        all.remove(at: index)
        store.setDocuments(all, "scheduled_deployments", owner: project)
        return DeployHQResponses.json(.object([("status", "deleted")]))
    }

    /// A server's or group's name, as a scheduled deployment shows its target.
    func targetName(_ identifier: String, project: String) -> String {
        for collection in ["servers", "server_groups"] {
            if let index = store.index(of: identifier, collection, owner: project) {
                return store.documents(collection, owner: project)[index]["name"]?.stringValue ?? ""
            }
        }
        return ""
    }
}
