// The account's activity feed, derived from deployments at read time (off-spec; the CLI uses it).

extension DeployHQService {
    /// `[{event, project, properties, user, created_at}]`, newest first, at most 50;
    /// `include=stats` wraps them as `{events, stats}` (research §2 "Activity").
    func activity(_ context: DeployHQContext) -> SimResponse {
        var events: [(time: Double, value: JSONValue)] = []
        var finished: [DeploymentTimeline] = []
        for project in store.projects {
            let identifier = project["identifier"]?.stringValue ?? ""
            let summary: JSONValue = .object([("identifier", project["identifier"] ?? .null), ("name", project["name"] ?? .null),
                                              ("permalink", project["permalink"] ?? .null)])
            for record in store.deployments[identifier] ?? [] where !record.isPreview {
                let line = timeline(record)
                let properties: JSONValue = .object([("deployment_identifier", .string(record.identifier)),
                                                     ("end_revision", .string(record.endRevision))])
                func event(_ name: String, _ time: Double) {
                    events.append((time, .object([("event", .string(name)), ("project", summary), ("properties", properties),
                                                  ("user", .string(record.deployer)),
                                                  ("created_at", .string(OctopusTime.iso(time)))])))
                }
                if now() >= line.startedAt { event("deploy_started", line.startedAt) }
                guard let end = line.finishedAt else { continue }
                finished.append(line)
                switch line.status {
                case .completed: event("deploy_completed", end)
                case .failed: event("deploy_failed", end)
                case .cancelled: event("deploy_aborted", end)
                case .pending, .running, .previewPending, .previewReady: break
                }
            }
        }
        let newest = events.sorted { $0.time > $1.time }.prefix(50).map(\.value)
        guard context.query("include") == "stats" else { return DeployHQResponses.json(.array(Array(newest))) }
        let week = finished.filter { ($0.finishedAt ?? 0) > now() - 7 * 86_400 }
        let succeeded = week.filter { $0.status == .completed }.count
        let stats: JSONValue = .object([
            ("deployments_this_week", .int(week.count)), ("deployments_delta", 0),
            ("success_rate", .double(week.isEmpty ? 0 : Double(succeeded * 1000 / week.count) / 10)),
            ("success_rate_delta", 0), ("avg_duration_seconds", .int(Int(settings.taskSeconds.rounded()))),
            ("active_servers", .int(store.collections["servers"]?.values.reduce(0) { $0 + $1.count } ?? 0)),
        ])
        return DeployHQResponses.json(.object([("events", .array(Array(newest))), ("stats", stats)]))
    }
}
