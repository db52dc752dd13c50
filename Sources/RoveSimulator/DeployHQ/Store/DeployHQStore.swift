// DeployHQ's state: projects, generic collections, repositories and deployment records.

/// Everything the service knows; guarded by the service's lock, never touched concurrently.
final class DeployHQStore {
    var projects: [JSONValue] = []
    /// Generic documents by `CollectionKind.collection`, keyed per project (`identifier`) or `""` for the account.
    var collections: [String: [String: [JSONValue]]] = [:]
    /// Branch tips and commit history per project identifier.
    var repositories: [String: RepositoryState] = [:]
    /// Deployment records per project identifier, oldest first.
    var deployments: [String: [DeploymentRecord]] = [:]
    /// A zone's short name (`uk`) by its identifier; a project's `zone` shows the short name.
    var zoneCodes: [String: String] = [:]
    /// Draws identifiers and revisions, so the same seed names everything the same way.
    var generator: SeededGenerator
    private var nextInteger = 300

    init(seed: UInt64) { generator = SeededGenerator(seed: seed ^ 0xD3_7A_10) }

    /// A fresh lowercase UUID (version-4 layout) drawn from the seed.
    func uuid() -> String {
        let hex = (0..<2).map { _ in hex64(generator.next()) }.joined()
        let chars = Array(hex)
        func part(_ from: Int, _ count: Int) -> String { String(chars[from..<(from + count)]) }
        return "\(part(0, 8))-\(part(8, 4))-4\(part(13, 3))-a\(part(17, 3))-\(part(20, 12))"
    }

    /// A 40-hex git SHA drawn from the seed.
    func sha() -> String {
        String((0..<3).map { _ in hex64(generator.next()) }.joined().prefix(40))
    }

    func integerIdentifier() -> Int {
        nextInteger += 1
        return nextInteger
    }

    private func hex64(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// A project by permalink or identifier (both address it, research §2).
    func project(_ reference: String) -> JSONValue? {
        projects.first { $0["permalink"]?.stringValue == reference || $0["identifier"]?.stringValue == reference }
    }

    func documents(_ collection: String, owner: String) -> [JSONValue] {
        collections[collection]?[owner] ?? []
    }

    func setDocuments(_ documents: [JSONValue], _ collection: String, owner: String) {
        collections[collection, default: [:]][owner] = documents
    }

    func append(_ document: JSONValue, _ collection: String, owner: String) {
        collections[collection, default: [:]][owner, default: []].append(document)
    }

    /// Index of the document whose `identifier` (string or integer) reads as `reference`.
    func index(of reference: String, _ collection: String, owner: String) -> Int? {
        documents(collection, owner: owner).firstIndex { document in
            switch document["identifier"] {
            case .string(let text)?: return text == reference
            case .int(let number)?: return String(number) == reference
            default: return false
            }
        }
    }
}

/// One project's repository: branches with their tips, and commits newest first.
struct RepositoryState {
    var url: String
    var branches: [(name: String, tip: String)]
    var commits: [(ref: String, message: String, author: String, timestamp: Double)]

    var defaultBranch: String { branches.first?.name ?? "main" }

    func tip(of branch: String) -> String? { branches.first { $0.name == branch }?.tip }

    /// Makes `branch` the repository's default, first in the list; a branch it did not have
    /// starts at the current default's tip, as a branch just pushed from it would.
    mutating func makeDefault(_ branch: String) {
        let tip = self.tip(of: branch) ?? branches.first?.tip ?? commits.first?.ref ?? ""
        branches.removeAll { $0.name == branch }
        branches.insert((branch, tip), at: 0)
    }
}
