// Projects: list (alphabetical, `starred`), show (with capabilities), create, update, delete, and their actions.

extension DeployHQService {
    func projectDocument(_ project: JSONValue, detailed: Bool) -> JSONValue {
        var document = project
        let identifier = project["identifier"]?.stringValue ?? ""
        let finished = (store.deployments[identifier] ?? []).filter { !$0.isPreview }.compactMap { timeline($0).finishedAt }
        document.set("last_deployed_at", finished.max().map { .string(OctopusTime.iso($0)) } ?? .null)
        if detailed {
            document.set("capabilities", .array(["build_pipeline", "atomic_deployments", "config_files"].map {
                .object([("name", .string($0)), ("enabled", true), ("url", .null)])
            }))
        }
        return document
    }

    func listProjects() -> SimResponse {
        let sorted = store.projects.sorted { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") }
        return DeployHQResponses.json(.array(sorted.map { projectDocument($0, detailed: false) }))
    }

    func showProject(_ context: DeployHQContext) throws -> SimResponse {
        DeployHQResponses.json(projectDocument(try project(context.param(0)), detailed: true))
    }

    func createProject(_ context: DeployHQContext) throws -> SimResponse {
        let input = try context.wrapped("project")
        guard let name = input.text("name") else { throw DeployHQFailure.validation([("name", ["can't be blank"])]) }
        let permalink = DeployHQSeed.permalink(name)
        if store.project(permalink) != nil {
            throw DeployHQFailure.validation([("name", ["has already been taken"])])
        }
        let zone = try self.zone(input.text("zone_id")) ?? DeployHQCatalog.zones[0].code
        let document = DeployHQSeed.projectDocument(name: name, permalink: permalink, identifier: store.uuid(),
                                                    repositoryURL: nil, zone: zone)
        store.projects.append(document)
        return DeployHQResponses.json(projectDocument(document, detailed: true))
    }

    func updateProject(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        let input = try context.wrapped("project")
        guard let index = store.projects.firstIndex(where: { $0["identifier"]?.stringValue == identifier }) else {
            throw DeployHQFailure.recordNotFound("Project")
        }
        var document = store.projects[index]
        if case .string(let name)? = input.value("name") {
            guard !name.isEmpty else { throw DeployHQFailure.validation([("name", ["can't be blank"])]) }
            document.set("name", .string(name))
        }
        if let permalink = input.text("permalink") {
            if let other = store.project(permalink), other["identifier"]?.stringValue != identifier {
                throw DeployHQFailure.validation([("permalink", ["has already been taken"])])
            }
            document.set("permalink", .string(permalink))
        }
        if let zone = try zone(input.text("zone_id")) { document.set("zone", .string(zone)) }
        for key in ["email_notify_on", "notification_email", "notify_committer", "check_undeployed_changes",
                    "store_artifacts_enabled"] {
            if let value = input.value(key) { document.set(key, value) }
        }
        store.projects[index] = document
        return DeployHQResponses.json(projectDocument(document, detailed: true))
    }

    /// The short name of the zone `zone_id` names, by identifier (from `GET /zones`) or by
    /// short name; nil when none was sent, 422 `{"zone": ["must exist"]}` for an unknown one.
    func zone(_ reference: String?) throws -> String? {
        guard let reference else { return nil }
        if let code = store.zoneCodes[reference] { return code }
        if let code = store.zoneCodes.values.first(where: { $0.lowercased() == reference.lowercased() }) { return code }
        throw DeployHQFailure.validation([("zone", ["must exist"])])
    }

    func destroyProject(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        if hasUnfinishedDeployment(project: identifier) {
            throw DeployHQFailure.validation([("base", ["Cannot delete a project while deployments are running"])])
        }
        store.projects.removeAll { $0["identifier"]?.stringValue == identifier }
        store.deployments[identifier] = nil
        return DeployHQResponses.json(.object([("status", "Project queued for deletion")]))
    }

    /// Toggles the star (research §2).
    func starProject(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        guard let index = store.projects.firstIndex(where: { $0["identifier"]?.stringValue == identifier }) else {
            throw DeployHQFailure.recordNotFound("Project")
        }
        let starred = !(store.projects[index]["starred"]?.boolValue ?? false)
        store.projects[index].set("starred", .bool(starred))
        return DeployHQResponses.json(.object([("message", .string(starred ? "Project starred" : "Project unstarred")),
                                               ("starred", .bool(starred))]))
    }

    func insights(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        let records = (store.deployments[identifier] ?? []).filter { !$0.isPreview }
        let finished = records.map(timeline).filter { $0.status.isFinished }
        let succeeded = finished.filter { $0.status == .completed }.count
        let rate = finished.isEmpty ? 0 : Double(succeeded * 1000 / finished.count) / 10
        let servers = store.documents("servers", owner: identifier)
        return DeployHQResponses.json(.object([
            ("period", .int(Int(context.query("period") ?? "") ?? 30)),
            ("servers", .array(servers.map { .object([("identifier", $0["identifier"] ?? .null), ("name", $0["name"] ?? .null)]) })),
            ("summary", .object([("total_deploys", .int(records.count)), ("success_rate", .double(rate)),
                                 ("avg_duration", .int(Int(settings.taskSeconds.rounded()))),
                                 ("active_servers", .int(servers.count))])),
        ]))
    }

    func projectKey(_ context: DeployHQContext) throws -> SimResponse {
        let document = try project(context.param(0))
        return DeployHQResponses.json(.object([("public_key", document["public_key"] ?? .null)]))
    }

    func undeployedChanges(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        let repository = store.repositories[identifier]
        let tip = repository?.tip(of: repository?.defaultBranch ?? "main")
        let deployed = (store.deployments[identifier] ?? []).last { timeline($0).status == .completed }?.endRevision
        let commits = repository?.commits ?? []
        let pending = commits.prefix { $0.ref != deployed }.prefix(100)
        return DeployHQResponses.json(.object([
            ("count", .int(pending.count)), ("truncated", false), ("latest_deployed_revision", .optional(deployed)),
            ("current_revision", .optional(tip)), ("last_checked_at", .string(OctopusTime.iso(now()))),
            ("check_in_progress", false), ("check_fail_message", .null),
            ("commits", .array(pending.map(commitDocument))),
        ]))
    }

    func aiOverview(_ context: DeployHQContext) throws -> SimResponse {
        _ = try project(context.param(0))
        _ = try context.body()
        return DeployHQResponses.json(.object([("success", true),
                                               ("overview", "A handful of small fixes and one new feature (rove-sim).")]))
    }

    /// The status badge: public SVG, green when the last deployment completed.
    func statusBadge(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        let last = (store.deployments[identifier] ?? []).last { !$0.isPreview }.map { timeline($0).status.rawValue } ?? "none"
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"20\"><text x=\"4\" y=\"14\">deploy: \(last)</text></svg>"
        return DeployHQResponses.text(svg, contentType: "image/svg+xml")
    }
}
