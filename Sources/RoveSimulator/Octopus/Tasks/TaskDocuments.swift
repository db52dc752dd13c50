// Renders a task record as the ServerTask document, its /details tree and its /raw log.

struct TaskDocuments {
    let store: OctopusStore
    let now: Double
    static let serverNode = "ROVE-SIM"
    static let serverVersion = "2023.1.9626"

    func timeline(_ record: TaskRecord) -> TaskTimeline {
        TaskTimeline(record: record, stepCount: store.stepLists[record.stepsIndex].count)
    }

    func arguments(_ record: TaskRecord) -> JSONValue {
        switch record.kind {
        case .deploy: return .object([("DeploymentId", .optional(record.documentId))])
        case .runbookRun: return .object([("RunbookRunId", .optional(record.documentId))])
        case .health:
            return .object([("Timeout", "00:05:00"), ("MachineTimeout", "00:05:00"),
                            ("EnvironmentId", .optional(record.environmentId)), ("MachineIds", [])])
        }
    }

    func links(_ record: TaskRecord) -> JSONValue {
        let base = "/api/tasks/\(record.id)"
        return .object([
            ("Self", .string(base)), ("Web", .string("/app#/\(record.spaceId)/tasks/\(record.id)")),
            ("Raw", .string(base + "/raw")), ("Rerun", .string("/api/tasks/rerun/\(record.id)")),
            ("Cancel", .string(base + "/cancel")), ("State", .string(base + "/state")),
            ("QueuedBehind", .string(base + "/queued-behind{?skip,take}")),
            ("Details", .string(base + "/details{?verbose,tail,ranges}")),
            ("Artifacts", .string("/api/\(record.spaceId)/artifacts?regarding=\(record.id)")),
            ("Interruptions", .string("/api/\(record.spaceId)/interruptions?regarding=\(record.id)")),
        ])
    }

    func document(_ record: TaskRecord) -> JSONValue {
        let snapshot = timeline(record).snapshot(at: now)
        return document(record, snapshot)
    }

    func document(_ record: TaskRecord, _ snapshot: TaskSnapshot) -> JSONValue {
        let state = snapshot.state
        let durationSeconds = (snapshot.completedTime ?? max(now, record.queuedAt)) - (snapshot.startTime ?? record.queuedAt)
        return .object([
            ("Id", .string(record.id)),
            ("SpaceId", .string(record.spaceId)),
            ("EstimatedRemainingQueueDurationSeconds", 0),
            ("Name", .string(record.kind.name)),
            ("Description", .string(record.description)),
            ("Arguments", arguments(record)),
            ("State", .string(state.rawValue)),
            ("Completed", snapshot.completedTime.map { .string(OctopusTime.long($0)) } ?? .null),
            ("QueueTime", .string(OctopusTime.iso(record.queuedAt))),
            ("QueueTimeExpiry", .null),
            ("StartTime", snapshot.startTime.map { .string(OctopusTime.iso($0)) } ?? .null),
            ("LastUpdatedTime", .string(OctopusTime.iso(snapshot.lastUpdated))),
            ("CompletedTime", snapshot.completedTime.map { .string(OctopusTime.iso($0)) } ?? .null),
            ("ServerNode", snapshot.startTime == nil ? .null : .string(TaskDocuments.serverNode)),
            ("Duration", .string(OctopusTime.duration(snapshot.startTime == nil ? 0 : durationSeconds))),
            ("ErrorMessage", .string(snapshot.errorMessage)),
            ("HasBeenPickedUpByProcessor", .bool(snapshot.startTime != nil)),
            ("IsCompleted", .bool(state.isCompleted)),
            ("FinishedSuccessfully", .bool(state == .success)),
            ("HasPendingInterruptions", .bool(snapshot.hasPendingInterruption)),
            ("CanRerun", .bool(state.isCompleted && record.kind == .health)),
            ("HasWarningsOrErrors", .bool(state == .failed || state == .canceled)),
            ("ProjectId", .optional(record.projectId)),
            ("PendingInterruptionTypes", snapshot.hasPendingInterruption ? ["ManualIntervention"] : []),
            ("Links", links(record)),
        ])
    }

    /// `GET /api/tasks/{id}/raw`: a header, then `13:02:11   Info     |   …` lines.
    func raw(_ record: TaskRecord) -> String {
        let timeline = timeline(record)
        let snapshot = timeline.snapshot(at: now)
        let steps = store.stepLists[record.stepsIndex]
        var lines = [
            "Task ID:        \(record.id)",
            "Related IDs:    \([record.documentId, record.projectId, record.environmentId, record.spaceId].compactMap { $0 }.joined(separator: ", "))",
            "Task status:    \(snapshot.state.rawValue)",
            "Created:        \(OctopusTime.iso(record.queuedAt))",
            "Start:          \(snapshot.startTime.map(OctopusTime.iso) ?? "")",
            "Completed:      \(snapshot.completedTime.map(OctopusTime.iso) ?? "")",
            "Duration:       \(OctopusTime.duration((snapshot.completedTime ?? now) - (snapshot.startTime ?? now)))",
            "Server version: \(TaskDocuments.serverVersion)",
            "Server node:    \(TaskDocuments.serverNode)",
            "",
        ]
        for entry in timeline.visibleLog(steps: steps, snapshot: snapshot) {
            let category = entry.category.padding(to: 8)
            let indent = entry.step < 0 ? "" : "  "
            lines.append("\(OctopusTime.clock(timeline.clockTime(of: entry)))   \(category) |   \(indent)\(entry.text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `GET /api/tasks/{id}/details`: `{Task, Progress, PhysicalLogSize, ActivityLogs[…]}`.
    func details(_ record: TaskRecord) -> JSONValue {
        let timeline = timeline(record)
        let snapshot = timeline.snapshot(at: now)
        let steps = store.stepLists[record.stepsIndex]
        let entries = timeline.visibleLog(steps: steps, snapshot: snapshot)
        func logElements(_ step: Int) -> JSONValue {
            .array(entries.filter { $0.step == step }.map { entry in
                .object([("Category", .string(entry.category)),
                         ("OccurredAt", .string(OctopusTime.iso(timeline.clockTime(of: entry)))),
                         ("MessageText", .string(entry.text))])
            })
        }
        var children: [JSONValue] = []
        for (index, name) in steps.enumerated() {
            let start = timeline.stepStart(index)
            let end = start + timeline.stepSpan
            let status: String
            var ended: Double? = nil
            if snapshot.elapsed < start || (snapshot.elapsed == start && start == timeline.planEnd) {
                status = "Pending"
            } else if snapshot.elapsed >= end {
                status = "Success"
                ended = timeline.absoluteTime(end)
            } else {
                switch snapshot.state {
                case .failed: status = "Failed"; ended = snapshot.completedTime
                case .canceled: status = "Canceled"; ended = snapshot.completedTime
                case .success: status = "Success"; ended = snapshot.completedTime
                case .queued, .executing: status = "Running"
                }
            }
            let started: JSONValue = status == "Pending" ? .null : .string(OctopusTime.iso(timeline.absoluteTime(start)))
            children.append(.object([
                ("Id", .string("\(record.id)_\(index + 1)")),
                ("Name", .string("Step \(index + 1): \(name)")),
                ("Started", started),
                ("Ended", ended.map { .string(OctopusTime.iso($0)) } ?? .null),
                ("Status", .string(status)),
                ("ShowAtSummaryLevel", true),
                ("ProgressPercentage", .int(status == "Running" ? 50 : (status == "Pending" ? 0 : 100))),
                ("ProgressMessage", .null),
                ("LogElements", logElements(index)),
                ("Children", []),
            ]))
        }
        let rootStatus: String
        switch snapshot.state {
        case .queued: rootStatus = "Pending"
        case .executing: rootStatus = "Running"
        case .success: rootStatus = "Success"
        case .failed: rootStatus = "Failed"
        case .canceled: rootStatus = "Canceled"
        }
        let percent = snapshot.state.isCompleted ? 100 : Int(100 * snapshot.elapsed / max(record.duration, 0.001))
        let remaining = snapshot.state.isCompleted ? 0 : max(0, record.duration - snapshot.elapsed)
        let root: JSONValue = .object([
            ("Id", .string(record.id)), ("Name", .string(record.description)),
            ("Started", snapshot.startTime.map { .string(OctopusTime.iso($0)) } ?? .null),
            ("Ended", snapshot.completedTime.map { .string(OctopusTime.iso($0)) } ?? .null),
            ("Status", .string(rootStatus)), ("ShowAtSummaryLevel", true),
            ("ProgressPercentage", .int(percent)), ("ProgressMessage", .null),
            ("LogElements", logElements(-1)), ("Children", .array(children)),
        ])
        return .object([
            ("Task", document(record, snapshot)),
            ("Progress", .object([("ProgressPercentage", .int(percent)),
                                  ("EstimatedTimeRemaining", .string(OctopusTime.duration(remaining)))])),
            ("PhysicalLogSize", .int(raw(record).utf8.count)),
            ("ActivityLogs", [root]),
        ])
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
