// A release's progression through its lifecycle: each phase, its deployments and what comes next.

extension OctopusService {
    /// `releases/{id}/progression`, a `LifecycleProgressionResource` (Swagger 2020.5): the
    /// channel's lifecycle (else the project's), each phase `Complete`, `Current` or `Pending`
    /// from the release's successful deployments as of now, with those deployments and tasks.
    func releaseProgression(_ context: RouteContext) throws -> SimResponse {
        let release = try existing(.release, context.param("id"), context)
        let releaseId = release["Id"]?.stringValue ?? ""
        let channel = release["ChannelId"]?.stringValue.flatMap { store.find(.channel, $0, in: context.space) }
        let project = release["ProjectId"]?.stringValue.flatMap { store.find(.project, $0, in: context.space) }
        let lifecycleId = channel?["LifecycleId"]?.stringValue ?? project?["LifecycleId"]?.stringValue
        let lifecycle = lifecycleId.flatMap { store.find(.lifecycle, $0, in: context.space) }
        let tasks = taskDocuments
        let time = now()
        let deployments = ResourceKind.deployment.listOrder.sorted(
            store.documents(.deployment, in: context.space).filter { $0["ReleaseId"]?.stringValue == releaseId })
        var succeeded = Set<String>()
        var entries: [(environment: String, entry: JSONValue)] = []
        for deployment in deployments {
            let record = deployment["TaskId"]?.stringValue.flatMap(store.task)
            let environment = deployment["EnvironmentId"]?.stringValue ?? ""
            if let record, tasks.timeline(record).snapshot(at: time).state == .success { succeeded.insert(environment) }
            entries.append((environment, .object([("Deployment", render(.deployment, deployment)),
                                                  ("Task", record.map { tasks.document($0) } ?? .null)])))
        }
        var phases: [JSONValue] = []
        var current: (environments: [String], minimum: Int)? = nil
        for phase in lifecycle?["Phases"]?.arrayValue ?? [] {
            let automatic = phase["AutomaticDeploymentTargets"]?.stringArray ?? []
            let environments = automatic + (phase["OptionalDeploymentTargets"]?.stringArray ?? [])
            let minimum = phase["MinimumEnvironmentsBeforePromotion"]?.intValue ?? 0
            let reached = environments.filter(succeeded.contains).count
            let complete = phase["IsOptionalPhase"]?.boolValue == true
                || (minimum > 0 ? reached >= minimum : reached == environments.count)
            let progress: String
            if current != nil {
                progress = "Pending"
            } else if complete {
                progress = "Complete"
            } else {
                progress = "Current"
                current = (environments.filter { !succeeded.contains($0) }, minimum > 0 ? max(0, minimum - reached) : environments.count - reached)
            }
            phases.append(.object([
                ("Id", phase["Id"] ?? .null), ("Name", phase["Name"] ?? .null), ("Blocked", false), ("Progress", .string(progress)),
                ("AutomaticDeploymentTargets", .strings(automatic)),
                ("OptionalDeploymentTargets", phase["OptionalDeploymentTargets"] ?? []),
                ("MinimumEnvironmentsBeforePromotion", .int(minimum)), ("IsOptionalPhase", phase["IsOptionalPhase"] ?? false),
                ("Deployments", .array(entries.filter { environments.contains($0.environment) }.map(\.entry))),
            ]))
        }
        return OctopusResponses.json(.object([
            ("Id", .null), ("Phases", .array(phases)), ("NextDeployments", .strings(current?.environments ?? [])),
            ("NextDeploymentsMinimumRequired", .int(current?.minimum ?? 0)),
            ("LastModifiedOn", .null), ("LastModifiedBy", .null), ("Links", .object([])),
        ]))
    }
}
