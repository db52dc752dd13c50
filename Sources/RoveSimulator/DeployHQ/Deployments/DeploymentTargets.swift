// Servers and groups as deployment targets: resolving them, their revisions, and the failure rule.

/// What a deployment names in `parent_identifier`: one server, or a group and its servers.
struct DeployTarget {
    let identifier: String
    let servers: [String]
    let serverNames: [String]
    let branch: String?
}

extension DeployHQService {
    /// A server or server group of `project` by identifier (or, as the CLI allows, by exact name).
    func resolveTarget(_ reference: String, project: String) -> DeployTarget? {
        let servers = store.documents("servers", owner: project)
        if let server = servers.first(where: { $0["identifier"]?.stringValue == reference || $0["name"]?.stringValue == reference }),
           let identifier = server["identifier"]?.stringValue {
            return DeployTarget(identifier: identifier, servers: [identifier],
                                    serverNames: [server["name"]?.stringValue ?? ""],
                                    branch: server["preferred_branch"]?.stringValue)
        }
        let groups = store.documents("server_groups", owner: project)
        guard let group = groups.first(where: { $0["identifier"]?.stringValue == reference || $0["name"]?.stringValue == reference }),
              let identifier = group["identifier"]?.stringValue else { return nil }
        // A group deploys to its enabled servers only.
        let members = servers.filter { $0["server_group_identifier"]?.stringValue == identifier && $0["enabled"]?.boolValue != false }
        return DeployTarget(identifier: identifier, servers: members.compactMap { $0["identifier"]?.stringValue },
                                serverNames: members.compactMap { $0["name"]?.stringValue },
                                branch: group["preferred_branch"]?.stringValue)
    }

    /// The target a new deployment (or a retry or rollback) goes to: 422 `{"parent": ["must
    /// exist"]}` when there is none, and `{"parent": ["is disabled"]}` for a server switched
    /// off (`enabled: false`) or a group whose servers all are, in the field-keyed 422 the
    /// OpenAPI declares for this operation.
    func deployableTarget(_ reference: String?, project: String) throws -> DeployTarget {
        guard let reference, let target = resolveTarget(reference, project: project) else {
            throw DeployHQFailure.validation([("parent", ["must exist"])])
        }
        let servers = store.documents("servers", owner: project)
        let isGroup = !servers.contains { $0["identifier"]?.stringValue == target.identifier }
        let hasMembers = servers.contains { $0["server_group_identifier"]?.stringValue == target.identifier }
        if isGroup ? (hasMembers && target.servers.isEmpty)
                   : servers.contains(where: { $0["identifier"]?.stringValue == target.identifier && $0["enabled"]?.boolValue == false }) {
            throw DeployHQFailure.validation([("parent", ["is disabled"])])
        }
        return target
    }

    /// Completed, non-preview deployments that reached `target`, by completion time.
    private func completed(project: String, target: String) -> [(end: Double, revision: String)] {
        (store.deployments[project] ?? []).compactMap { record in
            guard !record.isPreview, record.targetIdentifier == target || record.serverIdentifiers.contains(target) else { return nil }
            let line = timeline(record)
            guard line.status == .completed, let end = line.finishedAt else { return nil }
            return (end, record.endRevision)
        }.sorted { $0.end < $1.end }
    }

    /// The target's `last_revision`: its newest completed deployment's end, else the seeded one.
    func lastRevision(project: String, target: String) -> String? {
        if let newest = completed(project: project, target: target).last { return newest.revision }
        for collection in ["servers", "server_groups"] {
            if let index = store.index(of: target, collection, owner: project) {
                return store.documents(collection, owner: project)[index]["last_revision"]?.stringValue
            }
        }
        return nil
    }

    /// Revisions a new deployment may start from: anything the target was deployed to.
    func knownRevisions(project: String, target: String) -> Set<String> {
        var known = Set(completed(project: project, target: target).map(\.revision))
        if let last = lastRevision(project: project, target: target) { known.insert(last) }
        return known
    }

    func hasUnfinishedDeployment(project: String, touching identifier: String? = nil) -> Bool {
        (store.deployments[project] ?? []).contains { record in
            let touches = identifier.map { record.targetIdentifier == $0 || record.serverIdentifiers.contains($0) } ?? true
            return touches && !timeline(record).status.isFinished
        }
    }

    /// The failure rule: a deployment that touches a server whose name contains "flaky" fails at transfer.
    static func failingStep(serverNames: [String], preview: Bool) -> Int? {
        guard !preview, serverNames.contains(where: { $0.lowercased().contains("flaky") }) else { return nil }
        return DeploymentStep.allCases.firstIndex(of: .transferring)
    }

    /// Queues a deployment at this moment and stores it.
    @discardableResult
    func newDeployment(project: String, target: DeployTarget, branch: String, start: String, end: String,
                       preview: Bool, copyConfigFiles: Bool, runBuildCommands: Bool, queuedAt: Double? = nil) -> DeploymentRecord {
        let record = DeploymentRecord(
            identifier: store.uuid(), projectIdentifier: project, serverIdentifiers: target.servers,
            targetIdentifier: target.identifier, branch: branch, startRevision: start, endRevision: end,
            queuedAt: queuedAt ?? now(), duration: max(settings.taskSeconds, 0.001), isPreview: preview,
            failingStep: Self.failingStep(serverNames: target.serverNames, preview: preview),
            deployer: "Demo User", copyConfigFiles: copyConfigFiles, runBuildCommands: runBuildCommands,
            abortedAt: nil, transferredFiles: DeploymentRecord.transferredFiles(for: end))
        store.deployments[project, default: []].append(record)
        return record
    }
}
