// `--deployhq-deployments N`: older finished deployments of the Web project, for paging work.

extension DeployHQSeed {
    /// Adds `count` finished deployments to Web before its seeded history, with `count` older
    /// commits for them to deploy. Drawn after everything else, so the seeded data is unchanged.
    /// They take the seeded history's targets in the same turn, three hours apart, and chain
    /// like it: each starts from its target's last completed revision, and each target's last
    /// one ends at the revision the seeded history starts from.
    func addOlderHistory(_ count: Int, to store: DeployHQStore) {
        guard count > 0, let project = store.project("web")?["identifier"]?.stringValue,
              var repository = store.repositories[project],
              let history = store.deployments[project], let seeded = history.first else { return }
        let servers = store.documents("servers", owner: project).filter { $0["server_group_identifier"]?.isNull != false }
        let targets = Array((servers + store.documents("server_groups", owner: project)).prefix(2))
        guard !targets.isEmpty else { return }
        // Where the seeded history starts on each target: the revision its first deployment there starts from.
        var joins: [String: String] = [:]
        for target in targets {
            let id = target["identifier"]?.stringValue ?? ""
            joins[id] = history.first { $0.targetIdentifier == id }?.startRevision ?? target["last_revision"]?.stringValue
        }
        let firstQueued = seeded.queuedAt - Double(count) * 10_800
        // Older commits, oldest first: commit k comes ten minutes before deployment k - 1 is queued.
        let older = (0..<count).map { index in
            (ref: store.sha(), message: DeployHQCatalog.subjects[index % DeployHQCatalog.subjects.count],
             author: DeployHQCatalog.authors[index % DeployHQCatalog.authors.count],
             timestamp: firstQueued + Double(index - 1) * 10_800 - 600)
        }
        repository.commits += older.reversed()
        store.repositories[project] = repository

        var last: [String: String] = [:]
        var records: [DeploymentRecord] = []
        records.reserveCapacity(count)
        for index in 0..<count {
            // The turn ends on the target before the seeded history's first.
            let turn = ((index - count) % targets.count + targets.count) % targets.count
            let target = targets[turn]
            let targetId = target["identifier"]?.stringValue ?? ""
            let memberIds = target["protocol_type"] == nil
                ? store.documents("servers", owner: project).filter { $0["server_group_identifier"]?.stringValue == targetId }
                    .compactMap { $0["identifier"]?.stringValue }
                : [targetId]
            let closesChain = index >= count - targets.count
            let end = closesChain ? joins[targetId] ?? older[count - 1].ref : older[index + 1].ref
            let drawnFailure = store.generator.chance(0.08)
            let failing = DeployHQService.failingStep(serverNames: [target["name"]?.stringValue ?? ""], preview: false)
                ?? (drawnFailure && !closesChain ? DeploymentStep.allCases.firstIndex(of: .building) : nil)
            records.append(DeploymentRecord(
                identifier: store.uuid(), projectIdentifier: project, serverIdentifiers: memberIds,
                targetIdentifier: targetId, branch: "main", startRevision: last[targetId] ?? older[0].ref,
                endRevision: end, queuedAt: firstQueued + Double(index) * 10_800,
                duration: Double(store.generator.int(40...180)), isPreview: false, failingStep: failing,
                deployer: DeployHQCatalog.authors[index % DeployHQCatalog.authors.count],
                copyConfigFiles: true, runBuildCommands: true, abortedAt: nil,
                transferredFiles: DeploymentRecord.transferredFiles(for: end)))
            if failing == nil { last[targetId] = end }
        }
        store.deployments[project] = records + history
    }
}

