// Releases: create with the real validation, list by project or channel, fetch by version.

extension OctopusService {
    /// POST /releases: ProjectId and Version are required; a version is unique per project (400).
    func createRelease(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        let release = try makeRelease(projectId: body["ProjectId"]?.stringValue, channelId: body["ChannelId"]?.stringValue,
                                      version: body["Version"]?.stringValue, notes: body["ReleaseNotes"]?.stringValue,
                                      packages: body["SelectedPackages"], context: context)
        return OctopusResponses.json(render(.release, release), status: 201)
    }

    func makeRelease(projectId: String?, channelId: String?, version: String?, notes: String?,
                     packages: JSONValue?, context: RouteContext) throws -> JSONValue {
        var errors: [String] = []
        if projectId?.isEmpty ?? true { errors.append("Please provide a value for ProjectId.") }
        if version?.isEmpty ?? true { errors.append("Please provide a value for Version.") }
        if !errors.isEmpty { throw OctopusFailure.badRequest("There was a problem with your request.", errors: errors) }
        guard let project = store.find(.project, projectId!, in: context.space), let pid = project["Id"]?.stringValue else {
            throw OctopusFailure.invalid("The project '\(projectId!)' could not be found.")
        }
        let channels = store.documents(.channel, in: context.space).filter { $0["ProjectId"]?.stringValue == pid }
        let channel: JSONValue
        if let channelId, !channelId.isEmpty {
            guard let found = channels.first(where: { $0["Id"]?.stringValue == channelId }) else {
                throw OctopusFailure.invalid("The channel '\(channelId)' does not belong to this project.")
            }
            channel = found
        } else if channels.count == 1 {
            channel = channels[0]
        } else if let fallback = channels.first(where: { $0["IsDefault"]?.boolValue == true }) ?? channels.first {
            channel = fallback
        } else {
            throw OctopusFailure.invalid("A channelId must be provided for a release when more than one exists for that project")
        }
        if store.documents(.release, in: context.space).contains(where: {
            $0["ProjectId"]?.stringValue == pid && $0["Version"]?.stringValue?.lowercased() == version!.lowercased()
        }) {
            throw OctopusFailure.badRequest("There was a problem with your request.",
                                            errors: ["A release with the version '\(version!)' already exists for this project. Please use a different version number."])
        }
        let id = store.nextId(.release)
        let suffix = id.split(separator: "-").last.map(String.init) ?? "0"
        let release = ResourceDefaults.make(.release, id: id, spaceId: context.space, [
            ("Version", .string(version!)), ("ChannelId", channel["Id"] ?? .null), ("ReleaseNotes", .optional(notes)),
            ("ProjectDeploymentProcessSnapshotId", .string("deploymentprocess-\(pid)-s-\(suffix)")),
            ("Assembled", timestamp()), ("ProjectId", .string(pid)),
            ("SelectedPackages", packages ?? []),
            ("ProjectVariableSetSnapshotId", .string("variableset-\(pid)-s-\(suffix)")),
            ("LastModifiedOn", timestamp()),
        ])
        store.insert(.release, release)
        return release
    }

    func projectReleases(_ context: RouteContext) throws -> SimResponse {
        let project = try existing(.project, context.param("id"), context)
        let pid = project["Id"]?.stringValue ?? ""
        return try list(.release, context, path: "/api/\(context.space)/projects/\(pid)/releases") {
            $0["ProjectId"]?.stringValue == pid
        }
    }

    /// `projects/{id}/releases/{version}`: the version is one decoded path segment.
    func projectReleaseByVersion(_ context: RouteContext) throws -> SimResponse {
        let project = try existing(.project, context.param("id"), context)
        let version = context.param("version").lowercased()
        guard let release = store.documents(.release, in: context.space).first(where: {
            $0["ProjectId"] == project["Id"] && $0["Version"]?.stringValue?.lowercased() == version
        }) else { throw OctopusFailure.notFound }
        return OctopusResponses.json(render(.release, release))
    }

    func channelReleases(_ context: RouteContext) throws -> SimResponse {
        let channel = try existing(.channel, context.param("id"), context)
        let id = channel["Id"]?.stringValue ?? ""
        return try list(.release, context, path: "/api/\(context.space)/channels/\(id)/releases") {
            $0["ChannelId"]?.stringValue == id
        }
    }

    func releaseDeployments(_ context: RouteContext) throws -> SimResponse {
        let release = try existing(.release, context.param("id"), context)
        let id = release["Id"]?.stringValue ?? ""
        return try list(.deployment, context, path: "/api/\(context.space)/releases/\(id)/deployments") {
            $0["ReleaseId"]?.stringValue == id
        }
    }

    /// Where a release may go next: the environments of its lifecycle (research §4.1 step 5).
    func deploymentTemplate(_ context: RouteContext) throws -> SimResponse {
        let release = try existing(.release, context.param("id"), context)
        let environments = store.documents(.environment, in: context.space)
        let promoteTo: [JSONValue] = environments.map { environment in
            .object([("Id", environment["Id"] ?? .null), ("Name", environment["Name"] ?? .null),
                     ("UseGuidedFailure", false), ("RequiresDeploymentApproval", false)])
        }
        return OctopusResponses.json(.object([
            ("IsDeploymentProcessModified", false), ("DeploymentNotes", .optional(release["ReleaseNotes"]?.stringValue)),
            ("IsVariableSetModified", false), ("IsLibraryVariableSetModified", false),
            ("PromoteTo", .array(promoteTo)), ("TenantPromotions", []),
        ]))
    }

    /// `deploymentprocesses/{id}/template`: the next version and the packages a release needs.
    func releaseTemplate(_ context: RouteContext) throws -> SimResponse {
        let process = try existing(.deploymentProcess, context.param("id"), context)
        let pid = process["ProjectId"]?.stringValue ?? ""
        let last = store.documents(.release, in: context.space).last { $0["ProjectId"]?.stringValue == pid }
        let lastVersion = last?["Version"]?.stringValue
        var packages: [JSONValue] = []
        for step in process["Steps"]?.arrayValue ?? [] {
            for action in step["Actions"]?.arrayValue ?? [] {
                for package in action["Packages"]?.arrayValue ?? [] {
                    let packageId = package["PackageId"]?.stringValue ?? ""
                    let latest = store.packages.last { $0.spaceId == context.space && $0.packageId == packageId }
                    packages.append(.object([
                        ("ActionName", action["Name"] ?? .null), ("PackageReferenceName", ""),
                        ("ProjectName", .null), ("PackageId", .string(packageId)), ("FeedId", "feeds-builtin"),
                        ("StepName", step["Name"] ?? .null), ("IsResolvable", true),
                        ("VersionSelectedLastRelease", .optional(latest?.version)),
                    ]))
                }
            }
        }
        return OctopusResponses.json(.object([
            ("DeploymentProcessId", .string(process["Id"]?.stringValue ?? "")),
            ("LastReleaseVersion", .optional(lastVersion)),
            ("NextVersionIncrement", .string(ResourceDefaults.nextVersion(after: lastVersion))),
            ("VersioningPackageStepName", .null), ("VersioningPackageReferenceName", .null),
            ("Packages", .array(packages)), ("GitResources", []),
        ]))
    }
}

extension ResourceDefaults {
    /// `1.2.9` → `1.2.10`; anything unparsable starts at `0.0.1`.
    static func nextVersion(after version: String?) -> String {
        guard let version else { return "0.0.1" }
        var parts = version.split(separator: ".").map(String.init)
        guard let last = parts.last, let number = Int(last) else { return version + ".1" }
        parts[parts.count - 1] = String(number + 1)
        return parts.joined(separator: ".")
    }
}
