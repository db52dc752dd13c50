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

    static let scmTypes = ["git", "subversion", "mercurial"]

    /// POST creates or replaces the repository (a new project has `"repository": null`): `url`
    /// is required and must be a repository URL, `scm_type` one DeployHQ knows. PUT and PATCH
    /// change only `branch`, `root_path` and `hosting_service_type` of an existing one (404 without).
    func saveRepository(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        let input = try context.wrapped("repository")
        guard let index = store.projects.firstIndex(where: { $0["identifier"]?.stringValue == identifier }) else {
            throw DeployHQFailure.recordNotFound("Project")
        }
        var project = store.projects[index]
        let replacing = context.request.method == "POST"
        // Not `flatMap { $0.isNull ? nil : $0 }`: JSONValue is nil-literal convertible, so that keeps `.null`.
        var existing: JSONValue? = nil
        if let current = project["repository"], !current.isNull { existing = current }
        if !replacing && existing == nil { throw DeployHQFailure.recordNotFound("Repository") }
        var repository: JSONValue
        if replacing {
            var errors: [(String, [String])] = []
            let url = input.text("url")
            if url == nil {
                errors.append(("url", ["can't be blank"]))
            } else if RepositoryURL(url!) == nil {
                errors.append(("url", ["is invalid"]))
            }
            let scm = input.text("scm_type") ?? "git"
            if !Self.scmTypes.contains(scm) { errors.append(("scm_type", ["is not included in the list"])) }
            if !errors.isEmpty { throw DeployHQFailure.validation(errors) }
            repository = DeployHQSeed.repositoryDocument(url: url!, branch: input.text("branch") ?? "main")
            repository.set("scm_type", .string(scm))
            for key in ["username", "port"] { if let value = input.value(key) { repository.set(key, value) } }
        } else {
            repository = existing!
            if let branch = input.text("branch") { repository.set("branch", .string(branch)) }
        }
        for key in ["root_path", "hosting_service_type"] { if let value = input.value(key) { repository.set(key, value) } }
        let branch = repository["branch"]?.stringValue ?? "main"
        let url = repository["url"]?.stringValue ?? ""
        repository.set("hosting_service", RepositoryURL(url)?.hostingService(branch: branch) ?? .null)
        project.set("repository", repository)
        project.set("repository_url", .string(url))
        store.projects[index] = project
        // A new URL is a new repository: its commits are fetched afresh (a few, ending now).
        if store.repositories[identifier]?.url != url {
            store.repositories[identifier] = DeployHQSeed.repositoryState(url: url, store: store, commitCount: 5, endingAt: now())
        }
        store.repositories[identifier]?.makeDefault(branch)
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
