// The simulator's state: documents by kind, compact task records, packages and id counters.

/// Documents of one kind in creation order.
struct DocumentTable {
    var order: [String] = []
    var documents: [String: JSONValue] = [:]
}

/// One package version in the built-in feed.
struct PackageVersion {
    let spaceId: String
    let packageId: String
    let version: String
    let published: Double
    let sizeBytes: Int
}

/// All mutable state; `OctopusService` guards it with one lock.
final class OctopusStore {
    var tables: [ResourceKind: DocumentTable] = [:]
    var counters: [String: Int] = [:]
    /// Tasks in creation order; `ServerTasks-N` finds its index through `taskIndex`.
    var tasks: [TaskRecord] = []
    var taskIndex: [Int: Int] = [:]
    var nextTaskNumber = 1
    /// Step lists shared by many tasks, so 100k records carry an index, not an array.
    var stepLists: [[String]] = []
    var packages: [PackageVersion] = []
    /// Health checks whose result is written to machines once they complete (read lazily).
    var unappliedHealthChecks: [Int] = []
    var installationId = "00000000-0000-0000-0000-000000000001"

    func nextId(_ kind: ResourceKind) -> String {
        let number = (counters[kind.idPrefix] ?? 0) + 1
        counters[kind.idPrefix] = number
        return "\(kind.idPrefix)-\(number)"
    }

    /// Ids are global except fixed ones such as `feeds-builtin`, which every space has; those
    /// are stored under `Spaces-N:id` once another space holds the plain id.
    func storageKey(_ kind: ResourceKind, _ document: JSONValue) -> String? {
        guard let id = document["Id"]?.stringValue else { return nil }
        let space = document["SpaceId"]?.stringValue ?? ""
        if let existing = tables[kind]?.documents[id], existing["SpaceId"]?.stringValue ?? "" != space {
            return "\(space):\(id)"
        }
        return id
    }

    func insert(_ kind: ResourceKind, _ document: JSONValue) {
        guard let id = storageKey(kind, document) else { return }
        var table = tables[kind] ?? DocumentTable()
        if table.documents[id] == nil { table.order.append(id) }
        table.documents[id] = document
        tables[kind] = table
    }

    func document(_ kind: ResourceKind, _ id: String) -> JSONValue? {
        tables[kind]?.documents[id]
    }

    func remove(_ kind: ResourceKind, _ document: JSONValue) {
        guard let id = storageKey(kind, document), var table = tables[kind], table.documents[id] != nil else { return }
        table.documents[id] = nil
        table.order.removeAll { $0 == id }
        tables[kind] = table
    }

    /// Every document of `kind` in `spaceId` (all spaces when nil), in creation order.
    func documents(_ kind: ResourceKind, in spaceId: String?) -> [JSONValue] {
        guard let table = tables[kind] else { return [] }
        return table.order.compactMap { id in
            guard let document = table.documents[id] else { return nil }
            if let spaceId, kind.isSpaceScoped, document["SpaceId"]?.stringValue != spaceId { return nil }
            return document
        }
    }

    /// A document by id, or by name or slug where the real API accepts those, inside one space.
    func find(_ kind: ResourceKind, _ idOrName: String, in spaceId: String?) -> JSONValue? {
        if let spaceId, let document = document(kind, "\(spaceId):\(idOrName)") { return document }
        if let document = document(kind, idOrName) {
            if let spaceId, kind.isSpaceScoped, document["SpaceId"]?.stringValue != spaceId { return nil }
            return document
        }
        let lower = idOrName.lowercased()
        return documents(kind, in: spaceId).first {
            $0["Slug"]?.stringValue?.lowercased() == lower || $0["Id"]?.stringValue?.lowercased() == lower
        }
    }

    func registerSteps(_ steps: [String]) -> Int {
        if let index = stepLists.firstIndex(of: steps) { return index }
        stepLists.append(steps)
        return stepLists.count - 1
    }

    func addTask(_ record: TaskRecord) {
        taskIndex[record.number] = tasks.count
        tasks.append(record)
    }

    func task(_ id: String) -> TaskRecord? {
        guard id.lowercased().hasPrefix("servertasks-"), let number = Int(id.dropFirst(12)),
              let index = taskIndex[number] else { return nil }
        return tasks[index]
    }

    func updateTask(_ number: Int, _ change: (inout TaskRecord) -> Void) {
        guard let index = taskIndex[number] else { return }
        change(&tasks[index])
    }

    func allocateTaskNumber() -> Int {
        defer { nextTaskNumber += 1 }
        return nextTaskNumber
    }
}
