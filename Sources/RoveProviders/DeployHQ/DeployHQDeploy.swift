// project.deploy(to:, revision:, branch:, mode:, copyConfigFiles:, runBuildCommands:, from:).

import RoveCore

/// Starts a deployment the way people mean it (research §6): the target by name, server or
/// group; the branch the target prefers; the branch's tip, not `latest_revision` (which ignores
/// the branch); and the start revision from the target's `last_revision`, so a deploy is
/// incremental unless the script says `from: ""`.
struct DeployHQDeploy {
    let project: Resource
    let arguments: Arguments

    private var connection: Connection { project.connection }

    static let labels: Set<String> = ["revision", "branch", "mode", "copyConfigFiles", "runBuildCommands", "from"]

    func run() throws -> Value {
        try arguments.expect(0...0, required: ["to"], optional: Self.labels)
        let wanted = try arguments.requiredString(labelled: "to")
        let mode = try arguments.string(labelled: "mode") ?? "queue"
        guard mode == "queue" || mode == "preview" else {
            throw arguments.badArgument(arguments.index(ofLabel: "mode")!, "mode must be \"queue\" or \"preview\", not \"\(mode)\"")
        }
        let base = try project.selfLink()
        let lists = try connection.documents(at: [base + "/servers", base + "/server_groups"])
        let target = try choose(wanted, servers: lists[0], groups: lists[1])

        guard let branch = try arguments.string(labelled: "branch") ?? Self.text(target["preferred_branch"])
                ?? Self.text(target["branch"]) ?? repositoryBranch() else {
            throw Diagnostic(.value, "deploy: \(name) has no branch to deploy to \(Self.text(target["name"]) ?? wanted); pass branch:")
        }
        let revision = try arguments.string(labelled: "revision") ?? "latest"
        let end = revision == "latest" ? try tip(of: branch, in: base) : revision
        let start = try arguments.string(labelled: "from") ?? Self.text(target["last_revision"]) ?? ""

        let deployment: Fields = [
            "parent_identifier": target["identifier"] ?? .null,
            "start_revision": .string(start),
            "end_revision": .string(end),
            "branch": .string(branch),
            "mode": .string(mode),
            "copy_config_files": .bool(try arguments.bool(labelled: "copyConfigFiles", default: true)),
            "run_build_commands": .bool(try arguments.bool(labelled: "runBuildCommands", default: true)),
        ]
        let collection = base + "/deployments"
        guard case .object(let created)? = try connection.send("POST", to: collection, body: .object(["deployment": .object(deployment)])) else {
            throw Diagnostic(.value, "\(connection.name): POST \(collection) did not answer with the deployment")
        }
        return .host(Resource(created, connection: connection, dialect: project.dialect,
                              address: project.dialect.address(ofItem: created, inCollection: collection)))
    }

    private var name: String { Self.text(project.document["name"]) ?? "the project" }

    /// The server or group named `wanted` (case-insensitively), or whose identifier it is.
    private func choose(_ wanted: String, servers: Value, groups: Value) throws -> Fields {
        var candidates: [(fields: Fields, label: String)] = []
        for (list, suffix) in [(servers, ""), (groups, " (group)")] {
            guard case .list(let items) = list else { continue }
            for case .object(let fields) in items {
                candidates.append((fields, (Self.text(fields["name"]) ?? "?") + suffix))
            }
        }
        let matches = candidates.filter { candidate in
            Self.text(candidate.fields["identifier"]) == wanted
                || Self.text(candidate.fields["name"])?.lowercased() == wanted.lowercased()
        }
        if matches.count == 1 { return matches[0].fields }
        if matches.isEmpty {
            let known = candidates.map(\.label).joined(separator: ", ")
            throw Diagnostic(.value, "deploy: \(name) has no server or server group named '\(wanted)'"
                             + (known.isEmpty ? "; it has none" : "; it has \(known)"))
        }
        throw Diagnostic(.value, "deploy: '\(wanted)' names \(matches.map(\.label).joined(separator: " and ")) in \(name); pass to: the identifier of one")
    }

    /// The repository's default branch, from the project document (or its repository).
    private func repositoryBranch() throws -> String? {
        if case .object(let repository)? = project.document["repository"] { return Self.text(repository["branch"]) }
        guard case .object(let repository) = try connection.document(at: try project.selfLink() + "/repository") else { return nil }
        return Self.text(repository["branch"])
    }

    /// The tip of `branch`, from the branch map.
    private func tip(of branch: String, in base: String) throws -> String {
        guard case .object(let branches) = try connection.document(at: base + "/repository/branches") else {
            throw Diagnostic(.value, "\(connection.name): \(base)/repository/branches is not a branch map")
        }
        guard let tip = Self.text(branches[branch]) else {
            throw Diagnostic(.value, "deploy: \(name) has no branch '\(branch)'; it has \(branches.keys.sorted().joined(separator: ", "))")
        }
        return tip
    }

    private static func text(_ value: Value?) -> String? {
        if case .string(let text)? = value, !text.isEmpty { return text }
        return nil
    }
}
