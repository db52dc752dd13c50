// Every route the simulator serves, declared as data: method, pattern, scope, handler.

enum OctopusRouteTable {
    /// The uniform CRUD set of one stored kind, with its `/all` sibling.
    static func standard(_ kind: ResourceKind, writes: Bool = true) -> [OctopusRoute] {
        let s = kind.segment
        var routes = [
            OctopusRoute("GET", s, .space) { try $0.list(kind, $1) },
            OctopusRoute("GET", "\(s)/all", .space) { $0.all(kind, $1) },
            OctopusRoute("GET", "\(s)/{id}", .space) { try $0.get(kind, $1) },
        ]
        if writes {
            routes += [
                OctopusRoute("POST", s, .space) { try $0.createDocument(kind, $1) },
                OctopusRoute("PUT", "\(s)/{id}", .space) { try $0.update(kind, $1) },
                OctopusRoute("DELETE", "\(s)/{id}", .space) { try $0.delete(kind, $1) },
            ]
        }
        return routes
    }

    /// A stored kind's CRUD set whose writes have rules of their own.
    static func standard(_ kind: ResourceKind,
                         update: @escaping @Sendable (OctopusService, RouteContext) throws -> SimResponse,
                         delete: @escaping @Sendable (OctopusService, RouteContext) throws -> SimResponse) -> [OctopusRoute] {
        standard(kind, writes: false) + [
            OctopusRoute("POST", kind.segment, .space) { try $0.createDocument(kind, $1) },
            OctopusRoute("PUT", "\(kind.segment)/{id}", .space, update),
            OctopusRoute("DELETE", "\(kind.segment)/{id}", .space, delete),
        ]
    }

    static let all: [OctopusRoute] = system + teams + tasks + spaceScoped + releases + deployments + runbooks + interruptions

    static let system: [OctopusRoute] = [
        OctopusRoute("GET", "spaces", .system) { try $0.list(.space, $1) },
        OctopusRoute("GET", "spaces/all", .system) { $0.all(.space, $1) },
        OctopusRoute("GET", "spaces/{id}", .system) { try $0.getSpace($1) },
        OctopusRoute("POST", "spaces", .system) { try $0.createSpace($1) },
        OctopusRoute("PUT", "spaces/{id}", .system) { try $0.update(.space, $1) },
        OctopusRoute("GET", "users", .system) { try $0.list(.user, $1) },
        OctopusRoute("GET", "users/all", .system) { $0.all(.user, $1) },
        OctopusRoute("GET", "users/me", .system) { try $0.currentUser($1) },
        OctopusRoute("GET", "users/{id}", .system) { try $0.get(.user, $1) },
        OctopusRoute("GET", "users/{id}/spaces", .system) { try $0.userSpaces($1) },
    ]

    /// Teams and a user's teams are mixed-scope: every space's at `/api/teams`, one space's
    /// (and the system's) at `/api/{space}/teams`.
    static let teams: [OctopusRoute] = [
        OctopusRoute("GET", "teams", .systemAndSpace) { try $0.listTeams($1) },
        OctopusRoute("GET", "teams/all", .systemAndSpace) { $0.allTeams($1) },
        OctopusRoute("GET", "teams/{id}", .systemAndSpace) { try $0.getTeam($1) },
        OctopusRoute("POST", "teams", .systemAndSpace) { try $0.createTeam($1) },
        OctopusRoute("PUT", "teams/{id}", .systemAndSpace) { try $0.updateTeam($1) },
        OctopusRoute("DELETE", "teams/{id}", .systemAndSpace) { try $0.deleteTeam($1) },
        OctopusRoute("GET", "users/{id}/teams", .systemAndSpace) { try $0.userTeams($1) },
    ]

    static let tasks: [OctopusRoute] = [
        OctopusRoute("GET", "tasks", .systemAndSpace) { try $0.listTasks($1) },
        OctopusRoute("POST", "tasks", .systemAndSpace) { try $0.createTask($1) },
        OctopusRoute("GET", "tasks/{id}", .systemAndSpace) { try $0.getTask($1) },
        OctopusRoute("GET", "tasks/{id}/details", .systemAndSpace) { try $0.taskDetails($1) },
        OctopusRoute("GET", "tasks/{id}/raw", .systemAndSpace) { try $0.taskRaw($1) },
        OctopusRoute("POST", "tasks/{id}/cancel", .systemAndSpace) { try $0.cancelTask($1) },
        OctopusRoute("GET", "events", .systemAndSpace) { try $0.listEvents($1) },
        OctopusRoute("GET", "events/{id}", .systemAndSpace) { try $0.getEvent($1) },
    ]

    static let spaceScoped: [OctopusRoute] =
        standard(.projectGroup) + standard(.project) + standard(.environment) + standard(.lifecycle)
        + standard(.channel) + standard(.tenant) + standard(.machine) + standard(.feed) + standard(.account)
        + standard(.tagSet, update: { try $0.updateTagSet($1) }, delete: { try $0.deleteTagSet($1) })
        + standard(.libraryVariableSet, update: { try $0.updateLibraryVariableSet($1) },
                   delete: { try $0.deleteLibraryVariableSet($1) })
        + [
            OctopusRoute("GET", "projectgroups/{id}/projects", .space) { try $0.projectGroupProjects($1) },
            OctopusRoute("GET", "projects/{id}/channels", .space) { try $0.projectChannels($1) },
            OctopusRoute("GET", "projects/{id}/channels/{channelId}", .space) { try $0.projectChannel($1) },
            OctopusRoute("GET", "projects/{id}/variables", .space) { try $0.projectVariables($1) },
            OctopusRoute("PUT", "projects/{id}/variables", .space) { try $0.putProjectVariables($1) },
            OctopusRoute("GET", "projects/{id}/deploymentprocesses", .space) { try $0.projectDeploymentProcess($1) },
            OctopusRoute("GET", "lifecycles/{id}/projects", .space) { try $0.lifecycleProjects($1) },
            OctopusRoute("GET", "lifecycles/{id}/preview", .space) { try $0.get(.lifecycle, $1) },
            OctopusRoute("GET", "machines/{id}/tasks", .space) { try $0.machineTasks($1) },
            OctopusRoute("GET", "environments/{id}/machines", .space) { try $0.environmentMachines($1) },
            OctopusRoute("GET", "feeds/{id}/packages/search", .space) { try $0.searchPackages($1) },
            OctopusRoute("GET", "feeds/{id}/packages/versions", .space) { try $0.packageVersions($1) },
            OctopusRoute("GET", "variables/all", .space) { $0.all(.variableSet, $1) },
            OctopusRoute("GET", "variables/{id}", .space) { try $0.getVariableSet($1) },
            OctopusRoute("PUT", "variables/{id}", .space) { try $0.putVariables($1) },
            OctopusRoute("GET", "deploymentprocesses", .space) { try $0.list(.deploymentProcess, $1) },
            OctopusRoute("GET", "deploymentprocesses/{id}", .space) { try $0.getDeploymentProcess($1) },
            OctopusRoute("PUT", "deploymentprocesses/{id}", .space) { try $0.update(.deploymentProcess, $1) },
            OctopusRoute("GET", "deploymentprocesses/{id}/template", .space) { try $0.releaseTemplate($1) },
        ]

    static let releases: [OctopusRoute] = [
        OctopusRoute("GET", "releases", .space) { try $0.list(.release, $1) },
        OctopusRoute("GET", "releases/{id}", .space) { try $0.get(.release, $1) },
        OctopusRoute("POST", "releases", .space) { try $0.createRelease($1) },
        OctopusRoute("PUT", "releases/{id}", .space) { try $0.update(.release, $1) },
        OctopusRoute("DELETE", "releases/{id}", .space) { try $0.delete(.release, $1) },
        OctopusRoute("GET", "releases/{id}/deployments", .space) { try $0.releaseDeployments($1) },
        OctopusRoute("GET", "releases/{id}/deployments/template", .space) { try $0.deploymentTemplate($1) },
        OctopusRoute("GET", "releases/{id}/progression", .space) { try $0.releaseProgression($1) },
        OctopusRoute("GET", "projects/{id}/releases", .space) { try $0.projectReleases($1) },
        OctopusRoute("GET", "projects/{id}/releases/{version}", .space) { try $0.projectReleaseByVersion($1) },
        OctopusRoute("GET", "channels/{id}/releases", .space) { try $0.channelReleases($1) },
        OctopusRoute("POST", "releases/create/v1", .space) { try $0.createReleaseV1($1) },
    ]

    static let deployments: [OctopusRoute] = [
        OctopusRoute("GET", "deployments", .space) { try $0.list(.deployment, $1) },
        OctopusRoute("GET", "deployments/{id}", .space) { try $0.get(.deployment, $1) },
        OctopusRoute("POST", "deployments", .space) { try $0.createDeployment($1) },
        OctopusRoute("DELETE", "deployments/{id}", .space) { try $0.delete(.deployment, $1) },
        OctopusRoute("POST", "deployments/create/untenanted/v1", .space) { try $0.createDeploymentsV1($1, tenanted: false) },
        OctopusRoute("POST", "deployments/create/tenanted/v1", .space) { try $0.createDeploymentsV1($1, tenanted: true) },
    ]

    static let runbooks: [OctopusRoute] = standard(.runbook) + [
        OctopusRoute("GET", "projects/{id}/runbooks", .space) { try $0.projectRunbooks($1) },
        OctopusRoute("GET", "projects/{id}/runbookSnapshots", .space) { try $0.projectRunbookSnapshots($1) },
        OctopusRoute("GET", "runbooks/{id}/runbookSnapshots", .space) { try $0.runbookSnapshots($1) },
        OctopusRoute("GET", "runbooks/{id}/runbookSnapshotTemplate", .space) { try $0.runbookSnapshotTemplateOfRunbook($1) },
        OctopusRoute("GET", "runbookProcesses", .space) { try $0.listRunbookProcesses($1) },
        OctopusRoute("GET", "runbookProcesses/{id}", .space) { try $0.getRunbookProcess($1) },
        OctopusRoute("GET", "runbookProcesses/{id}/runbookSnapshotTemplate", .space) { try $0.runbookSnapshotTemplate($1) },
        OctopusRoute("GET", "runbookSnapshots", .space) { try $0.list(.runbookSnapshot, $1) },
        OctopusRoute("POST", "runbookSnapshots", .space) { try $0.createRunbookSnapshot($1) },
        OctopusRoute("GET", "runbookSnapshots/{id}", .space) { try $0.get(.runbookSnapshot, $1) },
        OctopusRoute("GET", "runbookRuns", .space) { try $0.list(.runbookRun, $1) },
        OctopusRoute("GET", "runbookRuns/{id}", .space) { try $0.get(.runbookRun, $1) },
        OctopusRoute("POST", "runbookRuns", .space) { try $0.createRunbookRun($1) },
        OctopusRoute("POST", "runbook-runs/create/v1", .space) { try $0.createRunbookRunsV1($1) },
    ]

    static let interruptions: [OctopusRoute] = [
        OctopusRoute("GET", "interruptions", .space) { try $0.list(.interruption, $1) },
        OctopusRoute("GET", "interruptions/{id}", .space) { try $0.getInterruption($1) },
        OctopusRoute("GET", "interruptions/{id}/responsible", .space) { try $0.interruptionResponsible($1) },
        OctopusRoute("PUT", "interruptions/{id}/responsible", .space) { try $0.takeResponsibility($1) },
        OctopusRoute("POST", "interruptions/{id}/submit", .space) { try $0.submitInterruption($1) },
    ]
}
