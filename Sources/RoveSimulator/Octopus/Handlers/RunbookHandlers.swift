// Runbook listings scoped to a project or a runbook.

extension OctopusService {
    func projectRunbooks(_ context: RouteContext) throws -> SimResponse {
        let project = try existing(.project, context.param("id"), context)
        let pid = project["Id"]?.stringValue ?? ""
        return try list(.runbook, context, path: "/api/\(context.space)/projects/\(pid)/runbooks") { $0["ProjectId"]?.stringValue == pid }
    }

    func projectRunbookSnapshots(_ context: RouteContext) throws -> SimResponse {
        let project = try existing(.project, context.param("id"), context)
        let pid = project["Id"]?.stringValue ?? ""
        return try list(.runbookSnapshot, context, path: "/api/\(context.space)/projects/\(pid)/runbookSnapshots") {
            $0["ProjectId"]?.stringValue == pid
        }
    }

    func runbookSnapshots(_ context: RouteContext) throws -> SimResponse {
        let runbook = try existing(.runbook, context.param("id"), context)
        let id = runbook["Id"]?.stringValue ?? ""
        return try list(.runbookSnapshot, context, path: "/api/\(context.space)/runbooks/\(id)/runbookSnapshots") {
            $0["RunbookId"]?.stringValue == id
        }
    }
}
