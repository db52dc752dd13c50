// Renders deployments as the API shows them: list records, and the full document with steps.

extension DeployHQService {
    func timeline(_ record: DeploymentRecord) -> DeploymentTimeline {
        DeploymentTimeline(record: record, now: now())
    }

    /// The list record (research §3 "Deployment list page").
    func deploymentRecordDocument(_ record: DeploymentRecord) -> JSONValue {
        let line = timeline(record)
        let status = line.status
        let project = store.project(record.projectIdentifier) ?? .object([])
        let servers = record.serverIdentifiers.compactMap { identifier -> JSONValue? in
            guard let index = store.index(of: identifier, "servers", owner: record.projectIdentifier) else { return nil }
            let server = store.documents("servers", owner: record.projectIdentifier)[index]
            return .object([("id", server["id"] ?? .null), ("identifier", server["identifier"] ?? .null),
                            ("name", server["name"] ?? .null), ("protocol_type", server["protocol_type"] ?? .null)])
        }
        let started: JSONValue = now() >= line.startedAt || line.finishedAt != nil
            ? .string(OctopusTime.iso(min(line.startedAt, line.finishedAt ?? line.startedAt))) : .null
        let completed: JSONValue = line.finishedAt.map { .string(OctopusTime.iso($0)) } ?? .null
        let duration: JSONValue = line.finishedAt.map { .int(Int(($0 - record.queuedAt).rounded())) } ?? .null
        let projectSummary: JSONValue = .object([
            ("name", project["name"] ?? .null), ("permalink", project["permalink"] ?? .null),
            ("identifier", project["identifier"] ?? .null), ("zone", project["zone"] ?? .null)])
        let timestamps: JSONValue = .object([
            ("queued_at", .string(OctopusTime.iso(record.queuedAt))), ("started_at", started),
            ("completed_at", completed), ("duration", duration), ("runs_at", .null)])
        let configuration: JSONValue = .object([
            ("copy_config_files", .bool(record.copyConfigFiles)), ("run_build_commands", .bool(record.runBuildCommands)),
            ("notification_addresses", .null), ("skip_project_files", false)])
        var pairs: [(String, JSONValue)] = []
        pairs.append(("identifier", .string(record.identifier)))
        pairs.append(("servers", .array(servers)))
        pairs.append(("project", projectSummary))
        pairs.append(("deployer", .string(record.deployer)))
        pairs.append(("deployer_avatar", "https://www.gravatar.com/avatar/00000000000000000000000000000000"))
        pairs.append(("branch", .string(record.branch)))
        pairs.append(("start_revision", revisionDocument(record.startRevision, project: record.projectIdentifier)))
        pairs.append(("end_revision", revisionDocument(record.endRevision, project: record.projectIdentifier)))
        pairs.append(("status", .string(status.rawValue)))
        pairs.append(("timestamps", timestamps))
        pairs.append(("files", .object([])))
        pairs.append(("configuration", configuration))
        let flags: [(String, JSONValue)] = [("legacy", false), ("deferred", false), ("config_files_deployment", false),
                                            ("overview", .null), ("metadata", .object([("deployment_host", "rove-sim")])),
                                            ("archived", false), ("archived_at", .null), ("log_summary", .null)]
        pairs.append(contentsOf: flags)
        return .object(pairs)
    }

    /// The full document: the list record plus `steps`.
    func deploymentDocument(_ record: DeploymentRecord) -> JSONValue {
        var document = deploymentRecordDocument(record)
        let line = timeline(record)
        let serverId = record.serverIdentifiers.first.flatMap { identifier -> JSONValue? in
            guard let index = store.index(of: identifier, "servers", owner: record.projectIdentifier) else { return nil }
            return store.documents("servers", owner: record.projectIdentifier)[index]["id"]
        } ?? .null
        let log = deploymentLog(record)
        let steps: [JSONValue] = line.steps.enumerated().map { index, step in
            let status = line.stepStatus(index)
            let total = log.allLines(step).count
            let reached = log.entries(index).count
            return .object([
                ("step", .string(step.rawValue)), ("stage", .string(step.stage)),
                ("identifier", .string(Self.stepIdentifier(index))), ("server", step == .transferring ? serverId : .null),
                ("total_items", .int(total)), ("completed_items", .int(min(reached, total))),
                ("description", .string(step.description)), ("status", .string(status.rawValue)),
                ("logs", .bool(reached > 0)),
                ("deployment_started_at", document["timestamps"]?["started_at"] ?? .null),
                ("updated_at", .string(OctopusTime.iso(min(now(), line.finishedAt ?? now())))),
            ])
        }
        document.set("steps", .array(steps))
        return document
    }

    /// `st-0001`…: step identifiers are unique within their deployment, as in the research sample.
    static func stepIdentifier(_ index: Int) -> String {
        "st-" + OctopusTime.pad(index + 1, 4)
    }

    func deploymentLog(_ record: DeploymentRecord) -> DeploymentLog {
        let all = store.deployments[record.projectIdentifier] ?? []
        let number = (all.firstIndex { $0.identifier == record.identifier } ?? 0) + 1
        let names = record.serverIdentifiers.compactMap { identifier -> String? in
            guard let index = store.index(of: identifier, "servers", owner: record.projectIdentifier) else { return nil }
            return store.documents("servers", owner: record.projectIdentifier)[index]["name"]?.stringValue
        }
        return DeploymentLog(timeline: timeline(record), number: number, serverNames: names)
    }

    /// `{ref, author, email, timestamp, message, short_message, tags}`; just `{ref}` for unknown commits.
    func revisionDocument(_ ref: String, project: String) -> JSONValue {
        if ref.isEmpty { return .null }
        guard let commit = store.repositories[project]?.commits.first(where: { $0.ref == ref }) else {
            return .object([("ref", .string(ref))])
        }
        return commitDocument(commit)
    }

    func commitDocument(_ commit: (ref: String, message: String, author: String, timestamp: Double)) -> JSONValue {
        let email = commit.author.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"
        return .object([("ref", .string(commit.ref)), ("author", .string(commit.author)), ("email", .string(email)),
                        ("timestamp", .string(OctopusTime.iso(commit.timestamp))), ("message", .string(commit.message)),
                        ("short_message", .string(String(commit.message.split(separator: "\n").first ?? ""))),
                        ("tags", [])])
    }
}
