// Every collection the generic handler serves, as data (spec tags; research §2 for shapes).

enum ResourceCatalog {
    static let serverFields: [(String, JSONValue)] = [
        ("id", 0), ("name", ""), ("protocol_type", "ssh"), ("server_path", ""), ("last_revision", nil),
        ("preferred_branch", "main"), ("branch", "main"), ("notify_email", ""), ("server_group_identifier", nil),
        ("auto_deploy", false), ("environment", nil), ("enabled", true), ("agent", nil), ("atomic", false),
        ("atomic_strategy", nil), ("atomic_retention", 5), ("use_compression", true), ("use_accelerated_transfer", false),
        ("use_parallel_upload", false), ("root_path", ""), ("position", 1), ("hostname", nil), ("username", nil),
        ("port", nil), ("use_ssh_keys", false), ("bucket_name", nil), ("created_at", ""), ("updated_at", ""),
        ("connection_checked_at", nil), ("connection_error_message", nil), ("static_hosting", nil), ("managed_vps", nil),
    ]

    static let all: [CollectionKind] = [
        // Project scope.
        CollectionKind("servers", wrapper: "server", noun: "Server", scope: .project,
                     required: ["name", "protocol_type"], presentation: .server, fields: serverFields),
        CollectionKind("server_groups", wrapper: "server_group", noun: "Server group", scope: .project,
                     required: ["name"], presentation: .serverGroup,
                     fields: [("name", ""), ("preferred_branch", "main"), ("branch", "main"), ("auto_deploy", false),
                              ("email_notify_on", "never"), ("notification_email", ""), ("transfer_order", "parallel"),
                              ("environment", nil), ("last_revision", nil)]),
        CollectionKind("config_files", wrapper: "config_file", noun: "Config file", scope: .project,
                     required: ["path", "body"],
                     fields: [("description", ""), ("path", ""), ("body", ""), ("build", false), ("servers", [])]),
        CollectionKind("environment_variables", wrapper: "environment_variable", noun: "Environment variable",
                     scope: .project, required: ["name", "value"], createStatus: 201, deleteStatus: 204,
                     identifiers: .integer, validation: .errorList, presentation: .environmentVariable,
                     fields: [("name", ""), ("masked_value", ""), ("locked", false), ("build_pipeline", false),
                              ("created_at", ""), ("updated_at", "")]),
        CollectionKind("excluded_files", wrapper: "excluded_file", noun: "Excluded file", scope: .project,
                     required: ["path"], fields: [("path", ""), ("servers", [])]),
        CollectionKind("build_commands", wrapper: "build_command", noun: "Build command", scope: .project,
                     operations: [.index, .create, .update, .destroy], required: ["command"],
                     fields: [("id", 0), ("description", ""), ("command", ""), ("halt_on_error", true), ("position", 1),
                              ("enabled", true), ("template_name", nil), ("watch_files", nil),
                              ("parent_type", "Project"), ("parent_id", nil), ("project_id", nil),
                              ("created_at", ""), ("updated_at", "")]),
        CollectionKind("commands", collection: "ssh_commands", wrapper: "command", noun: "SSH command", scope: .project,
                     required: ["command"], choices: sshTimings, fields: sshCommandFields),
        CollectionKind("ssh_commands", wrapper: "command", noun: "SSH command", scope: .project,
                     required: ["command"], choices: sshTimings, fields: sshCommandFields),
        // Served by Handlers/ScheduleHandlers.swift (their next run depends on the clock), so no generic routes.
        CollectionKind("scheduled_deployments", wrapper: "scheduled_deployment", noun: "Scheduled deployment",
                     scope: .project, operations: [], required: ["server_identifier", "frequency"], createStatus: 201,
                     validation: .errorList,
                     fields: [("server_identifier", ""), ("server", ""), ("start_revision", nil), ("end_revision", nil),
                              ("frequency", "daily"), ("at", "00:00"), ("weekday", nil), ("day", nil), ("month", nil),
                              ("year", nil), ("schedule", nil), ("next_deployment_at", nil), ("copy_config_files", true),
                              ("run_build_commands", true), ("use_build_cache", true), ("skip_if_not_changes", false),
                              ("use_latest", false), ("deploy_entire_repository", false)]),
        CollectionKind("integrations", wrapper: "integration", noun: "Integration", scope: .project,
                     required: ["hook_type"],
                     fields: [("name", ""), ("hook_type", ""), ("send_on_start", false), ("send_on_completion", true),
                              ("send_on_failure", true), ("send_on_check_failed", false), ("properties", .object([])),
                              ("created_at", ""), ("updated_at", "")]),
        CollectionKind("deployment_checks", wrapper: "deployment_check", noun: "Deployment check", scope: .project,
                     required: ["name", "stage", "check_type"],
                     choices: [("stage", ["pre_build", "post_deploy"]), ("check_type", ["ssh", "http", "vulnerability_scan"])],
                     createStatus: 201,
                     fields: [("name", ""), ("stage", "post_deploy"), ("check_type", "http"), ("enabled", true),
                              ("halt_on_failure", true)]),
        CollectionKind("build_cache_files", wrapper: "build_cache_file", noun: "Build cache file", scope: .project,
                     operations: [.index, .create, .update, .destroy], required: ["path"], fields: [("path", "")]),
        CollectionKind("build_configurations", wrapper: "build_environment", noun: "Build configuration",
                     scope: .project, required: [], createStatus: 201, validation: .errorList,
                     fields: [("packages", .object([("node", "20.13.1"), ("ruby", nil), ("php", nil)])),
                              ("default", false), ("servers", [])]),
        CollectionKind("build_known_hosts", wrapper: "build_known_host", noun: "Build known host", scope: .project,
                     operations: [.index, .create, .destroy], required: ["hostname", "public_key"], createStatus: 201,
                     fields: [("hostname", ""), ("public_key", ""), ("fingerprint", "SHA256:rovesimulatorknownhost")]),
        // Account scope.
        CollectionKind("global_config_files", wrapper: "config_file", noun: "Global config file", scope: .account,
                     required: ["path", "body"], createStatus: 201,
                     fields: [("description", ""), ("path", ""), ("body", ""), ("build", false)]),
        CollectionKind("global_environment_variables", wrapper: "environment_variable",
                     noun: "Global environment variable", scope: .account, required: ["name", "value"],
                     createStatus: 201, deleteStatus: 204, identifiers: .integer, validation: .errorList,
                     presentation: .environmentVariable,
                     fields: [("name", ""), ("masked_value", ""), ("locked", false), ("build_pipeline", false),
                              ("created_at", ""), ("updated_at", "")]),
        CollectionKind("global_servers", wrapper: "server", noun: "Global server", scope: .account,
                     required: ["name", "protocol_type"], createStatus: 201, fields: serverFields),
        CollectionKind("agents", wrapper: "agent", noun: "Agent", scope: .account,
                     operations: [.index, .create, .update, .destroy], required: ["claim_code"],
                     fields: [("name", "Network agent"), ("online", true), ("revoked_at", nil), ("created_at", ""),
                              ("updated_at", "")]),
        CollectionKind("teams", wrapper: "team", noun: "Team", scope: .account, required: ["name"], createStatus: 201,
                     fields: [("name", ""), ("description", ""), ("users", [])]),
        CollectionKind("users", wrapper: "user", noun: "User", scope: .account, required: ["email_address"],
                     createStatus: 201,
                     fields: [("first_name", ""), ("last_name", ""), ("email_address", ""), ("administrator", false),
                              ("time_zone", "London"), ("invitation_accepted", false)]),
        CollectionKind("ssh_keys", wrapper: "key_pair", noun: "SSH key", scope: .account,
                     operations: [.index, .create, .destroy], required: ["title"], createStatus: 201,
                     fields: [("title", ""), ("key_type", "ED25519"), ("public_key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIRoveSimulator rove-sim"),
                              ("fingerprint", "SHA256:rovesimulatorsshkey")]),
        // GET /templates/{id} is not in the OpenAPI file, but the CLI calls it (allowlisted).
        CollectionKind("templates", wrapper: "template", noun: "Template", scope: .account,
                     operations: .all, required: ["name"],
                     fields: [("name", ""), ("permalink", ""), ("description", ""), ("notification_email", ""),
                              ("email_notify", false)]),
        CollectionKind("hosted_resources", wrapper: "hosted_resource", noun: "Hosted resource", scope: .account,
                     operations: [.index, .show], required: [],
                     fields: [("name", ""), ("resource_type", "managed_vps"), ("status", "active"), ("region", "lon1")]),
        CollectionKind("zones", wrapper: "zone", noun: "Zone", scope: .account, operations: [.index], required: [],
                     fields: [("description", "")]),
    ]

    static let sshTimings: [(field: String, values: [String])] = [("timing", ["all", "first", "after_first"])]

    static let sshCommandFields: [(String, JSONValue)] = [
        ("description", ""), ("command", ""), ("cback", false), ("position", 1), ("halt_on_error", true),
        ("timing", "all"), ("timeout", 3600), ("enabled", true), ("servers", []),
    ]

    static func kind(_ path: String) -> CollectionKind? { all.first { $0.path == path } }
}

extension ResourceCatalog {
    /// Servers, which deployments and groups refer to; the first row of `all`.
    static var servers: CollectionKind { all[0] }
}
