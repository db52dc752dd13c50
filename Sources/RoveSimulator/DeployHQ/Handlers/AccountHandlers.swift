// Account-level singletons and actions: account, profile, signup, keys, templates, hosting, agents.

extension DeployHQService {
    var accountDocument: JSONValue {
        .object([("name", "Rove Demo"), ("subdomain", "rove-demo"), ("plan", "business"), ("time_zone", "London"),
                 ("projects_count", .int(store.projects.count)), ("api_access", true)])
    }

    func account() -> SimResponse { DeployHQResponses.json(accountDocument) }

    func updateAccount(_ context: DeployHQContext) throws -> SimResponse {
        let input = try context.wrapped("account")
        var document = accountDocument
        for key in ["name", "time_zone"] { if let value = input.value(key) { document.set(key, value) } }
        return DeployHQResponses.json(document)
    }

    func billingStatus() -> SimResponse {
        DeployHQResponses.json(.object([("status", "active"), ("plan", "business"), ("trial", false), ("past_due", false)]))
    }

    var profileDocument: JSONValue {
        .object([("email_address", .string(settings.deployhqEmail)), ("first_name", "Demo"), ("last_name", "User"),
                 ("time_zone", "London"), ("administrator", true),
                 ("capabilities", .object([("deploy", true), ("manage_projects", true), ("manage_users", true)]))])
    }

    func profile() -> SimResponse { DeployHQResponses.json(profileDocument) }

    func updateProfile(_ context: DeployHQContext) throws -> SimResponse {
        let input = try context.wrapped("user")
        var document = profileDocument
        for key in ["first_name", "last_name", "time_zone"] { if let value = input.value(key) { document.set(key, value) } }
        return DeployHQResponses.json(document)
    }

    /// Actions that only acknowledge: `{"status": …}` after checking the body parses.
    func acknowledge(_ context: DeployHQContext, _ status: String) throws -> SimResponse {
        _ = try context.body()
        return DeployHQResponses.json(.object([("status", .string(status))]))
    }

    func revokeAgent(_ context: DeployHQContext) throws -> SimResponse {
        let kind = ResourceCatalog.kind("agents") ?? ResourceCatalog.servers
        let (index, old) = try member(kind, context, owner: "")
        var document = old
        document.set("revoked_at", .string(OctopusTime.iso(now())))
        document.set("online", false)
        var all = store.documents(kind.collection, owner: "")
        all[index] = document
        store.setDocuments(all, kind.collection, owner: "")
        return DeployHQResponses.json(document)
    }

    /// Unauthenticated, on `api.deployhq.com` for real; `email` and `company_name` are required.
    func signup(_ context: DeployHQContext) throws -> SimResponse {
        let body = try context.body()
        let input = body["signup"]?.objectPairs ?? body.objectPairs ?? []
        let missing = ["email", "company_name"].filter { input.text($0) == nil }
        if !missing.isEmpty { throw DeployHQFailure.validation(missing.map { ($0, ["can't be blank"]) }) }
        return DeployHQResponses.json(.object([("account", .object([("subdomain", "rove-signup")])),
                                               ("api_key", .string(settings.deployhqAPIKey)),
                                               ("email", .string(input.text("email") ?? ""))]), status: 201)
    }

    func detection(_ context: DeployHQContext) throws -> SimResponse {
        _ = try context.body()
        return DeployHQResponses.json(.object([("framework", "node"), ("build_commands", ["npm ci", "npm run build"]),
                                               ("confidence", 0.9)]))
    }

    /// Copies a global server into `project_id` (query, or JSON body as the CLI sends it) → 201 server.
    func copyToProject(_ context: DeployHQContext) throws -> SimResponse {
        guard let kind = ResourceCatalog.kind("global_servers") else { throw DeployHQFailure.recordNotFound("Global server") }
        let (_, global) = try member(kind, context, owner: "")
        let body = try context.body()
        guard let reference = context.query("project_id") ?? body["project_id"]?.stringValue else {
            throw DeployHQFailure.validation([("project_id", ["can't be blank"])])
        }
        let project = try project(reference)["identifier"]?.stringValue ?? ""
        var copy = global
        copy.set("identifier", .string(store.uuid()))
        store.append(copy, "servers", owner: project)
        return DeployHQResponses.json(present(copy, ResourceCatalog.servers, owner: project), status: 201)
    }

    func hostedResourceAction(_ context: DeployHQContext) throws -> SimResponse {
        guard let kind = ResourceCatalog.kind("hosted_resources") else { throw DeployHQFailure.recordNotFound("Hosted resource") }
        return DeployHQResponses.json(try member(kind, context, owner: "").document)
    }

    func managedHosting(regions: Bool) -> SimResponse {
        if regions {
            return DeployHQResponses.json(.array([.object([("slug", "lon1"), ("name", "London")]),
                                                  .object([("slug", "ams3"), ("name", "Amsterdam")])]))
        }
        return DeployHQResponses.json(.array([.object([("slug", "s-1vcpu-1gb"), ("memory", 1024), ("vcpus", 1)]),
                                              .object([("slug", "s-2vcpu-4gb"), ("memory", 4096), ("vcpus", 2)])]))
    }

    func createAPIKey(_ context: DeployHQContext) throws -> SimResponse {
        let input = try context.wrapped("api_key")
        let key = store.sha()
        return DeployHQResponses.json(.object([("identifier", .string(store.uuid())),
                                               ("name", .string(input.text("name") ?? "rove-sim key")),
                                               ("read_only", .bool(input.flag("read_only") ?? false)),
                                               ("api_key", .string(key))]))
    }

    func downloadPrivateKey(_ context: DeployHQContext) throws -> SimResponse {
        guard let kind = ResourceCatalog.kind("ssh_keys") else { throw DeployHQFailure.recordNotFound("SSH key") }
        _ = try member(kind, context, owner: "")
        return DeployHQResponses.json(.object([("private_key",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nrove-sim demo key, not a real key\n-----END OPENSSH PRIVATE KEY-----\n")]))
    }

    func publicTemplates() -> SimResponse {
        DeployHQResponses.json(.array(DeployHQSeed.publicTemplates.map { $0.summary }))
    }

    func publicTemplate(_ context: DeployHQContext) throws -> SimResponse {
        let reference = context.params.last ?? ""
        guard let template = DeployHQSeed.publicTemplates.first(where: { $0.permalink == reference }) else {
            throw DeployHQFailure.recordNotFound("Template")
        }
        return DeployHQResponses.json(template.detail)
    }

    func resendInvitation(_ context: DeployHQContext) throws -> SimResponse {
        guard let kind = ResourceCatalog.kind("users") else { throw DeployHQFailure.recordNotFound("User") }
        let document = try member(kind, context, owner: "").document
        if document["invitation_accepted"]?.boolValue == true {
            throw DeployHQFailure.validation([("base", ["The invitation has already been accepted"])])
        }
        return DeployHQResponses.json(.object([("status", "Invitation resent")]))
    }
}
