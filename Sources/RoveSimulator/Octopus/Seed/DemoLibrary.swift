// A space's library: tag sets (the tenants' `Tier/…` tags come from here) and library variable sets.

extension DemoSeed {
    /// (tag set, description, tags) per space index; nothing here draws from the seed.
    static let tagSets: [Int: [(String, String, [(String, String)])]] = [
        0: [("Tier", "Customer support tier", [("Gold", "#C5AF21"), ("Silver", "#9E9E9E"), ("Bronze", "#A0522D")]),
            ("Region", "Where a customer's stack runs", [("Europe", "#2E7D32"), ("North America", "#1565C0"),
                                                         ("Asia Pacific", "#6A1B9A")])],
        1: [("Cost Centre", "Who pays for a pipeline", [("Engineering", "#00838F"), ("Analytics", "#EF6C00")])],
    ]

    /// (name, description, content type, variables as name, value, sensitive) per space index.
    static let libraries: [Int: [(String, String, String, [(String, String, Bool)])]] = [
        0: [("Shared Settings", "Values every customer-facing project uses.", "Variables",
             [("Smtp.Host", "smtp.example.internal", false), ("Support.Email", "support@example.com", false),
              ("Shared.ApiToken", "API-SHARED-DEMO-TOKEN", true)]),
            ("Deploy Helpers", "A script module of deployment helpers.", "ScriptModule",
             [("Octopus.Script.Module[Deploy Helpers]", "function Write-Banner($text) { Write-Host \"== $text ==\" }", false),
              ("Octopus.Script.Module.Language[Deploy Helpers]", "PowerShell", false)])],
        1: [("Platform Defaults", "Defaults for the platform team's pipelines.", "Variables",
             [("Warehouse.Connection", "Server=dwh-01;Database=warehouse", false), ("Retention.Days", "30", false)])],
    ]

    func buildTagSets(spaceIndex: Int, spaceId: String) {
        for (order, (name, description, tags)) in (Self.tagSets[spaceIndex] ?? []).enumerated() {
            let id = store.nextId(.tagSet)
            let tagDocuments: [JSONValue] = tags.enumerated().map { index, tag in
                .object([("Id", .string("\(id)-\(index + 1)")), ("Name", .string(tag.0)),
                         ("CanonicalTagName", .string("\(name)/\(tag.0)")), ("Color", .string(tag.1)),
                         ("Description", ""), ("SortOrder", .int(index))])
            }
            store.insert(.tagSet, ResourceDefaults.make(.tagSet, id: id, spaceId: spaceId, [
                ("Name", .string(name)), ("Description", .string(description)), ("SortOrder", .int(order)),
                ("Tags", .array(tagDocuments))]))
        }
    }

    func buildLibraryVariableSets(spaceIndex: Int, spaceId: String) {
        for (name, description, contentType, variables) in Self.libraries[spaceIndex] ?? [] {
            let id = store.nextId(.libraryVariableSet)
            store.insert(.libraryVariableSet, ResourceDefaults.make(.libraryVariableSet, id: id, spaceId: spaceId, [
                ("Name", .string(name)), ("Description", .string(description)), ("VariableSetId", .string("variableset-\(id)")),
                ("ContentType", .string(contentType))]))
            let documents: [JSONValue] = variables.enumerated().map { index, variable in
                ResourceDefaults.variable(name: variable.0, value: .string(variable.1), sensitive: variable.2,
                                          id: ResourceDefaults.variableId(seed: "\(id)-\(index)"))
            }
            store.insert(.variableSet, ResourceDefaults.make(.variableSet, id: "variableset-\(id)", spaceId: spaceId, [
                ("OwnerId", .string(id)), ("Version", 1), ("Variables", .array(documents))]))
        }
    }

    /// Each published runbook snapshot pins the newest version of its runbook's package, as
    /// one taken when the history ended would (run after the history made the packages).
    func pinRunbookPackages() {
        for snapshot in store.documents(.runbookSnapshot, in: nil) {
            guard let runbook = snapshot["RunbookId"]?.stringValue.flatMap({ store.document(.runbook, $0) }),
                  let step = DemoCatalog.runbookPackageStep(runbook["Name"]?.stringValue ?? ""),
                  let project = runbook["ProjectId"]?.stringValue.flatMap({ store.document(.project, $0) }) else { continue }
            let packageId = DemoCatalog.packageId(project["Name"]?.stringValue ?? "")
            guard let latest = store.packages.last(where: { $0.packageId == packageId && $0.spaceId == snapshot["SpaceId"]?.stringValue }) else {
                continue
            }
            var pinned = snapshot
            pinned.set("SelectedPackages", .array([.object([("ActionName", .string(step)), ("PackageReferenceName", ""),
                                                            ("StepName", .string(step)), ("Version", .string(latest.version))])]))
            store.insert(.runbookSnapshot, pinned)
        }
    }
}
