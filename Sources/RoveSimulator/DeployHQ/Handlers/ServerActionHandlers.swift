// Server actions and checks: reset host key, metrics, test access, automatic deployments.

extension DeployHQService {
    func resetHostKey(_ context: DeployHQContext) throws -> SimResponse {
        try show(ResourceCatalog.servers, context)
    }

    func serverMetrics(_ context: DeployHQContext) throws -> SimResponse {
        let owner = try owner(ResourceCatalog.servers, context)
        _ = try member(ResourceCatalog.servers, context, owner: owner)
        return DeployHQResponses.json(.object([("cpu", 12.5), ("memory", 41.0), ("disk", 63.2), ("uptime", 864_000),
                                               ("profile", "s-1vcpu-1gb")]))
    }

    /// Access checks finish at once in the simulator: the answer already carries results.
    func testAccess(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        let identifier = store.uuid()
        let document = testAccessDocument(identifier, project: project)
        store.append(document, "test_access", owner: project)
        return DeployHQResponses.json(document, status: 201)
    }

    func showTestAccess(_ context: DeployHQContext) throws -> SimResponse {
        let project = try projectIdentifier(context)
        guard let index = store.index(of: context.param(1), "test_access", owner: project) else {
            throw DeployHQFailure.recordNotFound("Test access")
        }
        return DeployHQResponses.json(store.documents("test_access", owner: project)[index])
    }

    private func testAccessDocument(_ identifier: String, project: String) -> JSONValue {
        let servers: [JSONValue] = store.documents("servers", owner: project).map { server in
            let flaky = server["name"]?.stringValue?.lowercased().contains("flaky") == true
            return .object([("name", server["name"] ?? .null), ("identifier", server["identifier"] ?? .null),
                            ("status", flaky ? "failed" : "success"),
                            ("message", flaky ? "Connection timed out" : "Connected successfully")])
        }
        let stamp = JSONValue.string(OctopusTime.iso(now()))
        return .object([("identifier", .string(identifier)), ("status", "completed"), ("created_at", stamp),
                        ("completed_at", stamp),
                        ("results", .object([("repository", .object([("status", "success"), ("message", "Repository is accessible")])),
                                             ("servers", .array(servers))]))])
    }

    func autoDeployments(_ context: DeployHQContext) throws -> SimResponse {
        let document = try project(context.param(0))
        let project = document["identifier"]?.stringValue ?? ""
        _ = try context.body()
        let servers = store.documents("servers", owner: project).map { server -> JSONValue in
            .object([("identifier", server["identifier"] ?? .null), ("name", server["name"] ?? .null), ("type", "Server"),
                     ("auto_deploy", server["auto_deploy"] ?? false), ("preferred_branch", server["preferred_branch"] ?? .null)])
        }
        return DeployHQResponses.json(.object([("webhook_url", document["auto_deploy_url"] ?? .null),
                                               ("deployables", .array(servers))]))
    }
}
