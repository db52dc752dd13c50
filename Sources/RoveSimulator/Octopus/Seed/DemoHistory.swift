// The demo's past: releases, packages, finished deployments and health checks, ending at a fixed date.

struct DemoHistory {
    let store: OctopusStore
    var random: SeededGenerator

    mutating func build(_ space: DemoSeed.SpaceData) {
        for project in space.projects {
            let count = project.name == DemoCatalog.manyReleasesProject ? DemoCatalog.manyReleasesCount : random.int(3...9)
            buildReleases(project, count: count, space: space)
        }
        // A nightly health check of every environment, for the last few days.
        for day in 0..<3 {
            for environment in space.environments {
                let time = DemoCatalog.historyEnd - Double(3 - day) * 86_400 + 3_600
                addTask(kind: .health, spaceId: space.spaceId, description: "Check deployment target health in \(environment.name)",
                        documentId: nil, projectId: nil, environmentId: environment.id, tenantId: nil, at: time,
                        steps: ["Check deployment target health"], outcome: .success)
            }
        }
    }

    mutating func buildReleases(_ project: (id: String, name: String, channelIds: [String]), count: Int, space: DemoSeed.SpaceData) {
        let major = project.name == DemoCatalog.manyReleasesProject ? 1 : random.int(1...3)
        let steps = DemoCatalog.processSteps(project.name)
        let packageId = DemoCatalog.packageId(project.name)
        for index in 0..<count {
            let version = "\(major).\(index / 10).\(index % 10)"
            let released = DemoCatalog.historyEnd - Double(count - index) * 86_400 + Double(random.int(0...40_000))
            store.packages.append(PackageVersion(spaceId: space.spaceId, packageId: packageId, version: version,
                                                 published: released - 600, sizeBytes: random.int(200_000...9_000_000)))
            let useHotfix = project.channelIds.count > 1 && index % 7 == 6
            let releaseId = store.nextId(.release)
            let suffix = releaseId.split(separator: "-").last.map(String.init) ?? "0"
            store.insert(.release, ResourceDefaults.make(.release, id: releaseId, spaceId: space.spaceId, [
                ("Version", .string(version)), ("ChannelId", .string(useHotfix ? project.channelIds[1] : project.channelIds[0])),
                ("ReleaseNotes", .string(index % 3 == 0 ? "Fixes and improvements in \(version)" : "")),
                ("ProjectDeploymentProcessSnapshotId", .string("deploymentprocess-\(project.id)-s-\(suffix)")),
                ("Assembled", .string(OctopusTime.iso(released))), ("ProjectId", .string(project.id)),
                ("SelectedPackages", .array([.object([("ActionName", .string(steps.first { $0.hasPrefix("Deploy ") } ?? steps[0])),
                                                      ("PackageReferenceName", ""), ("Version", .string(version))])])),
                ("ProjectVariableSetSnapshotId", .string("variableset-\(project.id)-s-\(suffix)")),
                ("LastModifiedOn", .string(OctopusTime.iso(released))),
            ]))
            // Older releases went to the first environment only; the newest ones progressed further.
            let fromEnd = count - 1 - index
            let reach = min(space.environments.count,
                            fromEnd == 0 ? random.int(1...2) : (fromEnd < 4 ? random.int(2...max(2, space.environments.count)) : 1))
            for (order, environment) in space.environments.prefix(reach).enumerated() {
                let time = released + Double(order + 1) * 3_600 + Double(random.int(0...1_800))
                var outcome = BehaviourRules.deploymentOutcome(project: project.name, environment: environment.name, steps: steps)
                if case .intervention = outcome { outcome = .success }
                if outcome == .success && random.chance(0.04) { outcome = .failure(step: random.int(0...(steps.count - 1))) }
                addDeployment(project: project, releaseId: releaseId, version: version, environment: environment,
                              space: space, at: time, steps: steps, outcome: outcome)
            }
        }
    }

    mutating func addDeployment(project: (id: String, name: String, channelIds: [String]), releaseId: String, version: String,
                                environment: (id: String, name: String), space: DemoSeed.SpaceData, at time: Double,
                                steps: [String], outcome: TaskOutcome) {
        let deploymentId = store.nextId(.deployment)
        let taskId = addTask(kind: .deploy, spaceId: space.spaceId,
                             description: "Deploy \(project.name) release \(version) to \(environment.name)",
                             documentId: deploymentId, projectId: project.id, environmentId: environment.id, tenantId: nil,
                             at: time, steps: steps, outcome: outcome)
        let release = store.document(.release, releaseId)
        store.insert(.deployment, ResourceDefaults.make(.deployment, id: deploymentId, spaceId: space.spaceId, [
            ("ReleaseId", .string(releaseId)), ("EnvironmentId", .string(environment.id)),
            ("DeploymentProcessId", release?["ProjectDeploymentProcessSnapshotId"] ?? .null),
            ("ManifestVariableSetId", .string("variableset-\(deploymentId)")), ("TaskId", .string(taskId)),
            ("ProjectId", .string(project.id)), ("ChannelId", release?["ChannelId"] ?? .null),
            ("Name", .string("Deploy to \(environment.name)")), ("Created", .string(OctopusTime.iso(time))),
            ("FailureEncountered", .bool(outcome != .success)), ("LastModifiedOn", .string(OctopusTime.iso(time))),
        ]))
    }

    @discardableResult
    mutating func addTask(kind: TaskKind, spaceId: String, description: String, documentId: String?, projectId: String?,
                          environmentId: String?, tenantId: String?, at time: Double, steps: [String], outcome: TaskOutcome) -> String {
        let record = TaskRecord(number: store.allocateTaskNumber(), spaceId: spaceId, kind: kind, description: description,
                                documentId: documentId, projectId: projectId, environmentId: environmentId, tenantId: tenantId,
                                queuedAt: time, duration: Double(random.int(20...180)), stepsIndex: store.registerSteps(steps),
                                outcome: outcome, isHistorical: true)
        store.addTask(record)
        return record.id
    }

    /// `--tasks N`: finished health checks, one a minute after the seeded history, stored compactly.
    mutating func addExtraHealthTasks(_ count: Int, spaceId: String, environments: [String]) {
        guard count > 0, !environments.isEmpty else { return }
        let steps = store.registerSteps(["Check deployment target health"])
        store.tasks.reserveCapacity(store.tasks.count + count)
        let descriptions = environments.map { id in
            "Check deployment target health in \(store.document(.environment, id)?["Name"]?.stringValue ?? id)"
        }
        for index in 0..<count {
            let environment = index % environments.count
            let failed = random.next() % 50 == 0
            store.addTask(TaskRecord(number: store.allocateTaskNumber(), spaceId: spaceId, kind: .health,
                                     description: descriptions[environment], documentId: nil, projectId: nil,
                                     environmentId: environments[environment], tenantId: nil,
                                     queuedAt: DemoCatalog.historyEnd + Double(index) * 60, duration: 30, stepsIndex: steps,
                                     outcome: failed ? .failure(step: 0) : .success, isHistorical: true))
        }
    }
}
