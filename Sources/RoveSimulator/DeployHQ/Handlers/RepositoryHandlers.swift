// A project's repository: its settings, branches (a map), latest revision, recent commits, commit info.

extension DeployHQService {
    func repositoryDocument(_ project: JSONValue) -> JSONValue {
        project["repository"] ?? .null
    }

    func showRepository(_ context: DeployHQContext) throws -> SimResponse {
        let document = try project(context.param(0))
        guard case .object = repositoryDocument(document) else { throw DeployHQFailure.recordNotFound("Repository") }
        return DeployHQResponses.json(repositoryDocument(document))
    }

    /// POST replaces, PUT and PATCH change only the keys sent; `url` is required on POST.
    func saveRepository(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        let input = try context.wrapped("repository")
        guard let index = store.projects.firstIndex(where: { $0["identifier"]?.stringValue == identifier }) else {
            throw DeployHQFailure.recordNotFound("Project")
        }
        var project = store.projects[index]
        let replacing = context.request.method == "POST"
        if replacing && input.text("url") == nil { throw DeployHQFailure.validation([("url", ["can't be blank"])]) }
        if !replacing, case .null? = project["repository"] { throw DeployHQFailure.recordNotFound("Repository") }
        var repository = DeployHQSeed.repositoryDocument(url: input.text("url") ?? "", branch: "main")
        if !replacing, let existing = project["repository"], !existing.isNull { repository = existing }
        for key in ["scm_type", "url", "username", "branch", "port", "root_path", "hosting_service_type"] {
            if let value = input.value(key), repository[key] != nil || key == "root_path" || key == "hosting_service_type" {
                repository.set(key, value)
            }
        }
        project.set("repository", repository)
        project.set("repository_url", repository["url"] ?? .null)
        store.projects[index] = project
        if store.repositories[identifier] == nil, let url = repository["url"]?.stringValue {
            store.repositories[identifier] = DeployHQSeed.repositoryState(url: url, store: store, commitCount: 5, endingAt: now())
        }
        return DeployHQResponses.json(repository)
    }

    func repositoryState(_ context: DeployHQContext) throws -> RepositoryState {
        let identifier = try projectIdentifier(context)
        guard let state = store.repositories[identifier] else { throw DeployHQFailure.recordNotFound("Repository") }
        return state
    }

    /// A map of branch name to tip, not an array (research §2).
    func branches(_ context: DeployHQContext) throws -> SimResponse {
        let state = try repositoryState(context)
        return DeployHQResponses.json(.object(state.branches.map { ($0.name, .string($0.tip)) }))
    }

    func latestRevision(_ context: DeployHQContext) throws -> SimResponse {
        let state = try repositoryState(context)
        let tip = state.tip(of: context.query("branch") ?? state.defaultBranch) ?? state.tip(of: state.defaultBranch)
        return DeployHQResponses.json(.object([("ref", .optional(tip))]))
    }

    func recentCommits(_ context: DeployHQContext) throws -> SimResponse {
        let state = try repositoryState(context)
        let commits = state.commits.prefix(20).map(commitDocument)
        let tags: [JSONValue] = state.commits.enumerated().filter { $0.offset % 10 == 0 }.prefix(5).map { offset, commit in
            .object([("name", .string("v1.\(state.commits.count / 10 - offset / 10).0")), ("ref", .string(commit.ref)),
                     ("message", .string("Release"))])
        }
        return DeployHQResponses.json(.object([("commits", .array(Array(commits))), ("tags", .array(tags)), ("releases", [])]))
    }

    /// One commit by `commit=` (the spec) or `ref=` (the CLI); unknown → 404 `{"message"}` as observed.
    func commitInfo(_ context: DeployHQContext) throws -> SimResponse {
        let state = try repositoryState(context)
        guard let reference = context.query("commit") ?? context.query("ref"), !reference.isEmpty else {
            throw DeployHQFailure.validation([("commit", ["can't be blank"])])
        }
        guard let commit = state.commits.first(where: { $0.ref == reference || $0.ref.hasPrefix(reference) }) else {
            return DeployHQResponses.json(.object([("message", .string("Commit \(reference) not found"))]), status: 404)
        }
        return DeployHQResponses.json(commitDocument(commit))
    }
}
