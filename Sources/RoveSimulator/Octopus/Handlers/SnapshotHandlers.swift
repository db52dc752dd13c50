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

    /// `RunbookProcess-Runbooks-1` (and its `-s-1` frozen copy), built from the runbook's steps.
    func getRunbookProcess(_ context: RouteContext) throws -> SimResponse {
        let id = context.param("id")
        guard id.hasPrefix("RunbookProcess-") else { throw OctopusFailure.notFound }
        var runbookId = String(id.dropFirst("RunbookProcess-".count))
        if let marker = runbookId.range(of: "-s-") { runbookId = String(runbookId[..<marker.lowerBound]) }
        let runbook = try existing(.runbook, runbookId, context)
        let name = runbook["Name"]?.stringValue ?? ""
        let steps: [JSONValue] = DemoCatalog.runbookSteps(name).enumerated().map { index, step in
            .object([("Id", .string(ResourceDefaults.variableId(seed: "\(runbookId)-step-\(index)"))), ("Name", .string(step)),
                     ("Condition", "Success"), ("StartTrigger", "StartAfterPrevious"),
                     ("Actions", .array([.object([("Name", .string(step)), ("ActionType", "Octopus.Script"), ("IsDisabled", false)])]))])
        }
        let s = "/api/\(context.space)"
        return OctopusResponses.json(.object([
            ("Id", .string(id)), ("SpaceId", .string(context.space)), ("ProjectId", runbook["ProjectId"] ?? .null),
            ("RunbookId", .string(runbookId)), ("Version", 1), ("LastSnapshotId", runbook["PublishedRunbookSnapshotId"] ?? .null),
            ("Steps", .array(steps)),
            ("Links", .object([("Self", .string("\(s)/runbookProcesses/\(id)")), ("Project", .string("\(s)/projects/\(runbook["ProjectId"]?.stringValue ?? "")")),
                               ("Runbook", .string("\(s)/runbooks/\(runbookId)"))])),
        ]))
    }
}
