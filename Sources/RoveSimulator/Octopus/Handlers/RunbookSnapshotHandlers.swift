// Runbook snapshots: the template a new one is made from, and creating (and publishing) one
// with its package versions pinned in `SelectedPackages`.

extension OctopusService {
    /// The steps of a runbook that deploy a package, with the package each one takes.
    func runbookPackageSteps(_ runbook: JSONValue) -> [(step: String, packageId: String)] {
        guard let step = DemoCatalog.runbookPackageStep(runbook["Name"]?.stringValue ?? ""),
              let project = store.document(.project, runbook["ProjectId"]?.stringValue ?? "") else { return [] }
        return [(step, DemoCatalog.packageId(project["Name"]?.stringValue ?? ""))]
    }

    /// `runbookProcesses/{id}/runbookSnapshotTemplate`.
    func runbookSnapshotTemplate(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(snapshotTemplate(try runbook(ofProcess: context.param("id"), context), context))
    }

    /// `runbooks/{id}/runbookSnapshotTemplate`, the runbook's `RunbookSnapshotTemplate` link.
    func runbookSnapshotTemplateOfRunbook(_ context: RouteContext) throws -> SimResponse {
        OctopusResponses.json(snapshotTemplate(try existing(.runbook, context.param("id"), context), context))
    }

    /// What a new snapshot needs: a fresh name and, per package step, the package and the
    /// version the published snapshot pinned (`VersionSelectedLastRelease`, the real field name).
    func snapshotTemplate(_ runbook: JSONValue, _ context: RouteContext) -> JSONValue {
        let runbookId = runbook["Id"]?.stringValue ?? ""
        let published = runbook["PublishedRunbookSnapshotId"]?.stringValue.flatMap { store.find(.runbookSnapshot, $0, in: context.space) }
        let pinned = published?["SelectedPackages"]?.arrayValue ?? []
        let feed = store.find(.feed, "feeds-builtin", in: context.space)
        let packages: [JSONValue] = runbookPackageSteps(runbook).map { step, packageId in
            .object([
                ("ActionName", .string(step)), ("PackageReferenceName", ""), ("PackageId", .string(packageId)),
                ("FeedId", "feeds-builtin"), ("FeedName", feed?["Name"] ?? .null), ("StepName", .string(step)),
                ("ProjectName", .null), ("IsResolvable", true),
                ("VersionSelectedLastRelease", pinned.first { $0["ActionName"]?.stringValue == step }?["Version"] ?? .null),
            ])
        }
        return .object([
            ("Id", .null), ("RunbookId", .string(runbookId)),
            ("RunbookProcessId", runbook["RunbookProcessId"] ?? .string("RunbookProcess-\(runbookId)")),
            ("NextNameIncrement", .string(nextSnapshotName(runbookId, context))), ("Packages", .array(packages)),
            ("LastModifiedOn", .null), ("LastModifiedBy", .null), ("Links", .object([])),
        ])
    }

    /// `Snapshot N`, the first N past the runbook's snapshot count that no snapshot of it uses.
    func nextSnapshotName(_ runbookId: String, _ context: RouteContext) -> String {
        let names = Set(store.documents(.runbookSnapshot, in: context.space)
            .filter { $0["RunbookId"]?.stringValue == runbookId }.compactMap { $0["Name"]?.stringValue?.lowercased() })
        var number = names.count + 1
        while names.contains("snapshot \(number)") { number += 1 }
        return "Snapshot \(number)"
    }

    /// POST `runbookSnapshots{?publish}`: `RunbookId` and a Name unique in the runbook are
    /// required, and every package step needs a version the feed has; `publish=true` makes it
    /// the runbook's `PublishedRunbookSnapshotId`, which runs then use.
    func createRunbookSnapshot(_ context: RouteContext) throws -> SimResponse {
        let body = try context.body()
        var errors: [String] = []
        if body["RunbookId"]?.stringValue?.isEmpty ?? true { errors.append("Please provide a value for RunbookId.") }
        if body["Name"]?.stringValue?.trimmedSpaces().isEmpty ?? true { errors.append("Please provide a value for Name.") }
        if !errors.isEmpty { throw OctopusFailure.badRequest("There was a problem with your request.", errors: errors) }
        guard var runbook = store.find(.runbook, body["RunbookId"]!.stringValue!, in: context.space),
              let runbookId = runbook["Id"]?.stringValue else {
            throw OctopusFailure.invalid("The runbook '\(body["RunbookId"]!.stringValue!)' could not be found.")
        }
        let name = body["Name"]!.stringValue!.trimmedSpaces()
        if store.documents(.runbookSnapshot, in: context.space).contains(where: {
            $0["RunbookId"]?.stringValue == runbookId && $0["Name"]?.stringValue?.lowercased() == name.lowercased()
        }) {
            throw OctopusFailure.invalid("A snapshot with the name '\(name)' already exists for this runbook. Please use a different name.")
        }
        let selected = try selectedPackages(body["SelectedPackages"], runbook: runbook, context)
        let id = store.nextId(.runbookSnapshot)
        let number = id.split(separator: "-").last.map(String.init) ?? "1"
        let projectId = runbook["ProjectId"]?.stringValue ?? ""
        let snapshot = ResourceDefaults.make(.runbookSnapshot, id: id, spaceId: context.space, [
            ("Name", .string(name)), ("Notes", body["Notes"] ?? .null), ("ProjectId", .string(projectId)),
            ("RunbookId", .string(runbookId)), ("FrozenRunbookProcessId", .string("RunbookProcess-\(runbookId)-s-\(number)")),
            ("FrozenProjectVariableSetId", .string("variableset-\(projectId)-s-\(number)")),
            ("SelectedPackages", .array(selected)), ("Assembled", timestamp()), ("LastModifiedOn", timestamp()),
        ])
        store.insert(.runbookSnapshot, snapshot)
        if context.queryBool("publish") == true {
            runbook.set("PublishedRunbookSnapshotId", .string(id))
            runbook.set("LastModifiedOn", timestamp())
            store.insert(.runbook, runbook)
        }
        return OctopusResponses.json(render(.runbookSnapshot, snapshot), status: 201)
    }

    /// `SelectedPackages` checked against the runbook's package steps and the feed.
    func selectedPackages(_ sent: JSONValue?, runbook: JSONValue, _ context: RouteContext) throws -> [JSONValue] {
        let steps = runbookPackageSteps(runbook)
        var chosen: [String: String] = [:]
        if let sent, !sent.isNull {
            guard let items = sent.arrayValue else { throw OctopusFailure.invalid("SelectedPackages must be a list.") }
            for item in items {
                guard let step = (item["ActionName"] ?? item["StepName"])?.stringValue, !step.isEmpty else {
                    throw OctopusFailure.invalid("Each selected package needs the ActionName of its step.")
                }
                guard let packageStep = steps.first(where: { $0.step.lowercased() == step.lowercased() }) else {
                    throw OctopusFailure.invalid("The step '\(step)' of this runbook does not use a package.")
                }
                guard let version = item["Version"]?.stringValue, !version.isEmpty else {
                    throw OctopusFailure.invalid("Please provide a package version for the step '\(packageStep.step)'.")
                }
                guard let package = store.packages.first(where: {
                    $0.spaceId == context.space && $0.packageId == packageStep.packageId && $0.version.lowercased() == version.lowercased()
                }) else {
                    throw OctopusFailure.invalid("The package '\(packageStep.packageId)' version '\(version)' could not be found in the feed 'Octopus Server (built-in)'.")
                }
                chosen[packageStep.step] = package.version
            }
        }
        return try steps.map { step, _ in
            guard let version = chosen[step] else {
                throw OctopusFailure.invalid("Please provide a package version for the step '\(step)'.")
            }
            return .object([("ActionName", .string(step)), ("PackageReferenceName", ""), ("StepName", .string(step)),
                            ("Version", .string(version))])
        }
    }
}
