// The demo account's settings: config files, env vars, commands, schedules, integrations, globals.

enum DeployHQSeedSettings {
    static let stamp = JSONValue.string(OctopusTime.iso(DeployHQCatalog.historyEnd - 30 * 86_400))

    /// Builds a document of `kind` from its defaults, overriding `values`.
    static func document(_ path: String, _ values: [(String, JSONValue)], store: DeployHQStore) -> JSONValue {
        guard let kind = ResourceCatalog.kind(path) else { return .object([]) }
        var pairs: [(String, JSONValue)] = []
        switch kind.identifiers {
        case .uuid: pairs.append(("identifier", .string(store.uuid())))
        case .integer: pairs.append(("identifier", .int(store.integerIdentifier())))
        }
        for (key, fallback) in kind.fields {
            var value = values.first { $0.0 == key }?.1 ?? fallback
            if key == "created_at" || key == "updated_at" { value = stamp }
            if key == "id" { value = .int(store.integerIdentifier()) }
            pairs.append((key, value))
        }
        return .object(pairs)
    }

    static func add(_ path: String, owner: String, store: DeployHQStore, _ rows: [[(String, JSONValue)]]) {
        guard let kind = ResourceCatalog.kind(path) else { return }
        for row in rows { store.append(document(path, row, store: store), kind.collection, owner: owner) }
    }

    static func variable(_ name: String, _ value: String, locked: Bool = false, build: Bool = false) -> [(String, JSONValue)] {
        [("name", .string(name)), ("masked_value", .string(EnvironmentMask.mask(value, locked: locked))),
         ("locked", .bool(locked)), ("build_pipeline", .bool(build))]
    }

    static func addProjectSettings(_ permalink: String, project: String, store: DeployHQStore) {
        switch permalink {
        case "web":
            add("config_files", owner: project, store: store, [
                [("description", "Production environment"), ("path", ".env"), ("body", "APP_ENV=production\nLOG_LEVEL=info\n")],
                [("description", "Database settings"), ("path", "config/database.yml"), ("body", "production:\n  adapter: postgresql\n")],
            ])
            add("environment_variables", owner: project, store: store, [
                variable("DATABASE_URL", "postgres://web:secret@db.rove-demo.test/web"),
                variable("SECRET_KEY_BASE", "9f8e7d6c5b4a39281706f5e4d3c2b1a0", locked: true),
                variable("NODE_ENV", "production", build: true),
            ])
            add("excluded_files", owner: project, store: store, [[("path", ".git/*")], [("path", "node_modules/*")], [("path", "tests/")]])
            add("build_commands", owner: project, store: store, [
                [("description", "Install packages"), ("command", "npm ci"), ("position", 1)],
                [("description", "Build assets"), ("command", "npm run build"), ("position", 2)],
            ])
            add("ssh_commands", owner: project, store: store, [
                [("description", "Restart app"), ("command", "sudo systemctl restart web"), ("timing", "after_first"), ("position", 1)],
                [("description", "Clear cache"), ("command", "php artisan cache:clear"), ("timing", "all"), ("position", 2)],
            ])
            let staging = store.documents("servers", owner: project).first { $0["name"] == "Staging" }
            add("scheduled_deployments", owner: project, store: store, [
                [("server_identifier", staging?["identifier"] ?? ""), ("server", "Staging"), ("frequency", "daily"), ("at", "02:00")],
            ])
            add("integrations", owner: project, store: store, [
                [("name", "Deploys channel"), ("hook_type", "slack_oauth"), ("properties", .object([("channel", "#deploys")]))],
            ])
            add("deployment_checks", owner: project, store: store, [
                [("name", "Homepage responds"), ("stage", "post_deploy"), ("check_type", "http")],
            ])
            add("build_cache_files", owner: project, store: store, [[("path", "node_modules")]])
            add("build_known_hosts", owner: project, store: store, [
                [("hostname", "github.com"), ("public_key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl")],
            ])
            add("build_configurations", owner: project, store: store, [[("packages", .object([("node", "22.11.0")]))]])
        case "api":
            add("environment_variables", owner: project, store: store, [
                variable("API_TOKEN", "tok_live_51HxRoveSimulator", locked: true),
                variable("RAILS_ENV", "production"),
            ])
            add("config_files", owner: project, store: store, [[("description", "Puma"), ("path", "config/puma.rb"), ("body", "workers 2\n")]])
            add("integrations", owner: project, store: store, [
                [("name", "Deploy webhook"), ("hook_type", "http_req"), ("properties", .object([("url", "https://hooks.rove-demo.test/deploy")]))],
            ])
            add("ssh_commands", owner: project, store: store, [[("description", "Migrate"), ("command", "bin/rails db:migrate"), ("timing", "first")]])
        default:
            break
        }
    }

    static func addAccountData(to store: DeployHQStore) {
        add("global_config_files", owner: "", store: store, [
            [("description", "npm registry"), ("path", ".npmrc"), ("body", "registry=https://registry.npmjs.org/\n")],
            [("description", "Robots"), ("path", "public/robots.txt"), ("body", "User-agent: *\nDisallow:\n")],
        ])
        add("global_environment_variables", owner: "", store: store, [
            variable("SENTRY_DSN", "https://abc123@sentry.rove-demo.test/1"),
            variable("LOG_LEVEL", "info"),
            variable("SHARED_SECRET", "s3cr3t-shared-value", locked: true),
        ])
        add("global_servers", owner: "", store: store, [
            [("name", "Shared Backup"), ("protocol_type", "s3"), ("bucket_name", "rove-demo-backup")],
            [("name", "Bastion"), ("protocol_type", "ssh"), ("hostname", "bastion.rove-demo.test"), ("username", "deploy"), ("port", "22")],
        ])
        add("templates", owner: "", store: store, [
            [("name", "Node App"), ("permalink", "node-app"), ("description", "Build with npm, deploy over SSH")],
            [("name", "Static Site"), ("permalink", "static-site"), ("description", "Upload a built site")],
        ])
        add("zones", owner: "", store: store, DeployHQCatalog.zones.map { [("description", .string($0.description))] })
        for (zone, code) in zip(store.documents("zones", owner: ""), DeployHQCatalog.zones.map(\.code)) {
            if let identifier = zone["identifier"]?.stringValue { store.zoneCodes[identifier] = code }
        }
        add("agents", owner: "", store: store, [[("name", "Office Agent")]])
        add("teams", owner: "", store: store, [[("name", "Developers")], [("name", "Operations")]])
        add("users", owner: "", store: store, [
            [("first_name", "Demo"), ("last_name", "User"), ("email_address", "demo@example.com"), ("administrator", true),
             ("invitation_accepted", true)],
            [("first_name", "Alex"), ("last_name", "Ops"), ("email_address", "alex@example.com")],
        ])
        add("ssh_keys", owner: "", store: store, [[("title", "Deploy key")]])
        add("hosted_resources", owner: "", store: store, [[("name", "Demo VPS")]])
    }
}
