// Builds the demo account from the catalog and the seed: projects, servers, history, settings.

/// Deterministic demo data: names are fixed (DeployHQCatalog); identifiers, revisions,
/// durations and a few historic failures come from `settings.seed`.
struct DeployHQSeed {
    let settings: SimSettings

    func build() -> DeployHQStore {
        let store = DeployHQStore(seed: settings.seed)
        for demo in DeployHQCatalog.projects { addProject(demo, to: store) }
        DeployHQSeedSettings.addAccountData(to: store)
        addOlderHistory(settings.extraDeployments, to: store)
        return store
    }

    private func addProject(_ demo: DemoProject, to store: DeployHQStore) {
        let identifier = store.uuid()
        store.projects.append(Self.projectDocument(name: demo.name, permalink: demo.permalink, identifier: identifier,
                                                   repositoryURL: demo.repository, zone: "uk"))
        guard let url = demo.repository else { return }
        var repository = Self.repositoryState(url: url, store: store, commitCount: max(20, demo.history + 20),
                                              endingAt: DeployHQCatalog.historyEnd)
        repository.branches = demo.branches.enumerated().map { index, name in
            (name, index == 0 ? repository.commits[0].ref : repository.commits[min(index * 3, repository.commits.count - 1)].ref)
        }
        store.repositories[identifier] = repository
        let oldest = repository.commits.reversed().map(\.ref)
        var groups: [String: String] = [:]
        for name in demo.groups {
            let group = store.uuid()
            groups[name] = group
            store.append(.object([("identifier", .string(group)), ("name", .string(name)), ("preferred_branch", "main"),
                                  ("branch", "main"), ("auto_deploy", false), ("email_notify_on", "failure"),
                                  ("notification_email", ""), ("transfer_order", "parallel"), ("environment", "production"),
                                  ("last_revision", .string(oldest[2]))]), "server_groups", owner: identifier)
        }
        for (position, server) in demo.servers.enumerated() {
            store.append(serverDocument(server, position: position, group: server.group.flatMap { groups[$0] },
                                        lastRevision: oldest[2], store: store), "servers", owner: identifier)
        }
        addHistory(demo, project: identifier, commits: oldest, store: store)
        DeployHQSeedSettings.addProjectSettings(demo.permalink, project: identifier, store: store)
    }

    private func serverDocument(_ server: DemoServer, position: Int, group: String?, lastRevision: String,
                                store: DeployHQStore) -> JSONValue {
        let host = server.name.lowercased().replacingOccurrences(of: " ", with: "-") + ".rove-demo.test"
        let usesHost = ["ssh", "rsync", "sftp", "ftp", "ftps"].contains(server.protocolType)
        let stamp = JSONValue.string(OctopusTime.iso(DeployHQCatalog.historyEnd - 90 * 86_400))
        var pairs: [(String, JSONValue)] = [("identifier", .string(store.uuid()))]
        for (key, fallback) in ResourceCatalog.serverFields {
            let value: JSONValue
            switch key {
            case "id": value = .int(store.integerIdentifier())
            case "name": value = .string(server.name)
            case "protocol_type": value = .string(server.protocolType)
            case "server_path": value = usesHost ? "/var/www/app" : ""
            case "last_revision": value = .string(lastRevision)
            case "server_group_identifier": value = .optional(group)
            case "environment": value = .string(server.environment)
            case "atomic": value = .bool(server.protocolType == "ssh")
            case "atomic_strategy": value = server.protocolType == "ssh" ? "copy_release" : .null
            case "position": value = .int(position + 1)
            case "hostname": value = usesHost ? .string(host) : .null
            case "username": value = usesHost ? "deploy" : .null
            case "port": value = usesHost ? .string(server.protocolType.hasPrefix("ftp") ? "21" : "22") : .null
            case "use_ssh_keys": value = .bool(["ssh", "rsync", "sftp"].contains(server.protocolType))
            case "bucket_name": value = server.protocolType == "s3" ? "rove-demo-assets" : .null
            case "created_at", "updated_at": value = stamp
            default: value = fallback
            }
            pairs.append((key, value))
        }
        return .object(pairs)
    }

    /// Finished deployments, oldest first, taking each server and group in turn; every one
    /// starts from its target's last completed revision, so the chain is real.
    private func addHistory(_ demo: DemoProject, project: String, commits: [String], store: DeployHQStore) {
        let servers = store.documents("servers", owner: project).filter { $0["server_group_identifier"]?.isNull != false }
        let targets = (servers + store.documents("server_groups", owner: project)).prefix(2)
        guard !targets.isEmpty, demo.history > 0 else { return }
        var last: [String: String] = [:]
        for index in 0..<demo.history {
            let target = targets[targets.startIndex + index % targets.count]
            let targetId = target["identifier"]?.stringValue ?? ""
            let names = [target["name"]?.stringValue ?? ""]
            let memberIds = target["protocol_type"] == nil
                ? store.documents("servers", owner: project).filter { $0["server_group_identifier"]?.stringValue == targetId }
                    .compactMap { $0["identifier"]?.stringValue }
                : [targetId]
            let end = commits[min(3 + index, commits.count - 1)]
            let drawnFailure = store.generator.chance(0.08)
            let failing = DeployHQService.failingStep(serverNames: names, preview: false)
                ?? (drawnFailure ? DeploymentStep.allCases.firstIndex(of: .building) : nil)
            let record = DeploymentRecord(
                identifier: store.uuid(), projectIdentifier: project, serverIdentifiers: memberIds,
                targetIdentifier: targetId, branch: "main", startRevision: last[targetId] ?? (target["last_revision"]?.stringValue ?? ""),
                endRevision: end, queuedAt: DeployHQCatalog.historyEnd - Double(demo.history - index) * 10_800,
                duration: Double(store.generator.int(40...180)), isPreview: false, failingStep: failing,
                deployer: DeployHQCatalog.authors[index % DeployHQCatalog.authors.count],
                copyConfigFiles: true, runBuildCommands: true, abortedAt: nil,
                transferredFiles: DeploymentRecord.transferredFiles(for: end))
            if failing == nil { last[targetId] = end }
            store.deployments[project, default: []].append(record)
        }
    }

    static func permalink(_ name: String) -> String {
        let lowered = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(lowered).split(separator: "-").joined(separator: "-")
    }

    static func repositoryDocument(url: String, branch: String) -> JSONValue {
        .object([
            ("scm_type", "git"), ("url", .string(url)), ("port", nil), ("username", nil), ("branch", .string(branch)),
            ("cached", true),
            ("hosting_service", RepositoryURL(url)?.hostingService(branch: branch) ?? .null),
        ])
    }

    static func projectDocument(name: String, permalink: String, identifier: String, repositoryURL: String?,
                                zone: String) -> JSONValue {
        .object([
            ("name", .string(name)), ("permalink", .string(permalink)), ("identifier", .string(identifier)),
            ("public_key", .string("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIRoveSim DeployHQ.com Key for \(permalink)")),
            ("repository", repositoryURL.map { repositoryDocument(url: $0, branch: "main") } ?? .null),
            ("repository_url", .optional(repositoryURL)), ("zone", .string(zone)), ("last_deployed_at", nil),
            ("auto_deploy_url", .string("https://rove-demo.deployhq.com/deploy/\(permalink)/k3j9x2")),
            ("url", .string("/projects/\(permalink)")), ("app_url", .string("https://rove-demo.deployhq.com/projects/\(permalink)")),
            ("servers_url", .string("/projects/\(permalink)/servers")),
            ("deployments_url", .string("/projects/\(permalink)/deployments")),
            ("config_files_url", .string("/projects/\(permalink)/config_files")),
            ("environment_variables_url", .string("/projects/\(permalink)/environment_variables")),
            ("build_commands_url", .string("/projects/\(permalink)/build_commands")),
            ("starred", .bool(permalink == "web")),
        ])
    }

    /// Commits newest first, an hour apart, ending at `endingAt`.
    static func repositoryState(url: String, store: DeployHQStore, commitCount: Int, endingAt: Double) -> RepositoryState {
        let commits = (0..<commitCount).map { index in
            (ref: store.sha(), message: DeployHQCatalog.subjects[index % DeployHQCatalog.subjects.count],
             author: DeployHQCatalog.authors[index % DeployHQCatalog.authors.count],
             timestamp: endingAt - Double(index) * 3_600)
        }
        return RepositoryState(url: url, branches: [("main", commits.first?.ref ?? "")], commits: commits)
    }

    static let publicTemplates: [(permalink: String, summary: JSONValue, detail: JSONValue)] = [
        ("node-app", .object([("name", "Node.js App"), ("permalink", "node-app"), ("framework_type", "web_frameworks")]),
         .object([("name", "Node.js App"), ("permalink", "node-app"), ("features", ["build_pipeline"]),
                  ("build_commands", ["npm ci", "npm run build"]), ("ssh_commands", []), ("excluded_files", ["node_modules/*"]),
                  ("config_files", [".env"])])),
        ("static-site", .object([("name", "Static Site"), ("permalink", "static-site"), ("framework_type", "static_sites")]),
         .object([("name", "Static Site"), ("permalink", "static-site"), ("features", []), ("build_commands", []),
                  ("ssh_commands", []), ("excluded_files", [".git/*"]), ("config_files", [])])),
    ]
}
