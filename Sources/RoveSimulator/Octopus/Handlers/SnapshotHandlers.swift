// Frozen copies releases and runs point at: process and variable snapshots, runbook processes.

extension OctopusService {
    /// `deploymentprocess-Projects-1-s-12` is served as the live process under the snapshot's id:
    /// the simulator does not version processes, but the link a release carries must resolve.
    func snapshotOf(_ kind: ResourceKind, _ id: String, _ context: RouteContext) throws -> JSONValue {
        if let document = store.find(kind, id, in: context.space) { return document }
        guard let marker = id.range(of: "-s-") else { throw OctopusFailure.notFound }
        let liveId = String(id[..<marker.lowerBound])
        guard var live = store.find(kind, liveId, in: context.space) else { throw OctopusFailure.notFound }
        live.set("Id", .string(id))
        return live
    }

    func getDeploymentProcess(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(render(.deploymentProcess, try snapshotOf(.deploymentProcess, context.param("id"), context)))
    }

    func getVariableSet(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(render(.variableSet, try snapshotOf(.variableSet, context.param("id"), context)))
    }

    /// The runbook a process id names: `RunbookProcess-Runbooks-1`, or its `-s-N` frozen copy.
    func runbook(ofProcess id: String, _ context: RouteContext) throws -> JSONValue {
        guard id.hasPrefix("RunbookProcess-") else { throw OctopusFailure.notFound }
        var runbookId = String(id.dropFirst("RunbookProcess-".count))
        if let marker = runbookId.range(of: "-s-") { runbookId = String(runbookId[..<marker.lowerBound]) }
        return try existing(.runbook, runbookId, context)
    }

    /// A runbook's process, built from its steps; a step that deploys a package names it.
    func runbookProcessDocument(_ runbook: JSONValue, id: String) -> JSONValue {
        let runbookId = runbook["Id"]?.stringValue ?? ""
        let packages = runbookPackageSteps(runbook)
        let steps: [JSONValue] = DemoCatalog.runbookSteps(runbook["Name"]?.stringValue ?? "").enumerated().map { index, step in
            let packageId = packages.first { $0.step == step }?.packageId
            let references: JSONValue = packageId.map {
                .array([.object([("Name", ""), ("PackageId", .string($0)), ("FeedId", "feeds-builtin"), ("AcquisitionLocation", "Server")])])
            } ?? []
            let action: JSONValue = .object([("Name", .string(step)),
                                             ("ActionType", packageId == nil ? "Octopus.Script" : "Octopus.TentaclePackage"),
                                             ("IsDisabled", false), ("Packages", references)])
            return .object([("Id", .string(ResourceDefaults.variableId(seed: "\(runbookId)-step-\(index)"))), ("Name", .string(step)),
                            ("Condition", "Success"), ("StartTrigger", "StartAfterPrevious"), ("Actions", .array([action]))])
        }
        let s = "/api/\(runbook["SpaceId"]?.stringValue ?? "Spaces-1")"
        let projectId = runbook["ProjectId"]?.stringValue ?? ""
        return .object([
            ("Id", .string(id)), ("SpaceId", runbook["SpaceId"] ?? .null), ("ProjectId", runbook["ProjectId"] ?? .null),
            ("RunbookId", .string(runbookId)), ("Version", 1), ("LastSnapshotId", runbook["PublishedRunbookSnapshotId"] ?? .null),
            ("Steps", .array(steps)),
            ("Links", .object([("Self", .string("\(s)/runbookProcesses/\(id)")), ("Project", .string("\(s)/projects/\(projectId)")),
                               ("Runbook", .string("\(s)/runbooks/\(runbookId)")),
                               ("RunbookSnapshotTemplate", .string("\(s)/runbookProcesses/\(id)/runbookSnapshotTemplate"))])),
        ])
    }

    /// `RunbookProcess-Runbooks-1` (and its `-s-1` frozen copy).
    func getRunbookProcess(_ context: RouteContext) throws -> SimResponse {
        let id = context.param("id")
        return OctopusResponses.json(runbookProcessDocument(try runbook(ofProcess: id, context), id: id))
    }

    /// Every runbook's live process in the space, in runbook order.
    func listRunbookProcesses(_ context: RouteContext) throws -> SimResponse {
        let ids = Set(context.queryList("ids"))
        let processes = store.documents(.runbook, in: context.space).compactMap { runbook -> JSONValue? in
            let id = runbook["RunbookProcessId"]?.stringValue ?? "RunbookProcess-\(runbook["Id"]?.stringValue ?? "")"
            return ids.isEmpty || ids.contains(id) ? runbookProcessDocument(runbook, id: id) : nil
        }
        let path = "/api/\(context.space)/runbookProcesses"
        let page = try CollectionPage.render(processes, itemType: "RunbookProcess", path: path,
                                             template: path + "{/id}{?skip,take,ids}", context: context) { $0 }
        return OctopusResponses.json(page)
    }
}
