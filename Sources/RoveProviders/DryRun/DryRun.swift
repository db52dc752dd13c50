// A whole-script dry run: writes become plan entries and stand-in answers; reads still go out.

import RoveCore

/// The plan of one dry run, shared by every connection of a `Providers` (`rove --dry-run`).
///
/// Every POST, PUT, PATCH and DELETE is stopped in `Connection` before it reaches the HTTP
/// client (so neither the transport nor a recording ever sees it) and becomes an entry here.
/// The script goes on with a stand-in answer whose identifier is a placeholder this plan issued
/// (`planned-1-5c0f3a`, `ServerTasks-planned-2-5c0f3a`); a later request whose URL holds one,
/// or that names a planned resource, is answered from the plan and never sent.
///
/// The placeholders end in a token drawn at random for each plan. The server never sees it
/// (what holds it is not sent), so it cannot write one into a link or an id of its own: a
/// real read is never mistaken for a planned one, nor a real task's `wait()` skipped.
public final class DryRun {
    public private(set) var entries: [PlanEntry] = []
    /// Placeholders this plan issued: only these mark a URL as planned, so a server cannot
    /// make a real read look planned by writing `planned-1` into a link first.
    private var issued: Set<String> = []
    private var issuedCount = 0
    /// The random end of this plan's placeholders.
    private let token: String
    /// What each planned resource would be, by its URL without a query.
    private var documents: [String: Fields] = [:]

    public init() {
        var generator = SystemRandomNumberGenerator()
        token = String(UInt32.random(in: 0x10_0000...0xFF_FFFF, using: &generator), radix: 16)
    }

    /// Whether the script would change anything: the exit status of the run says so (10).
    public var wouldChange: Bool { !entries.isEmpty }

    /// A new placeholder identifier, `prefix` + `planned-N-token`.
    func issuePlaceholder(prefix: String = "") -> String {
        issuedCount += 1
        let id = prefix + Self.marker + String(issuedCount) + "-" + token
        issued.insert(id)
        return id
    }

    static let marker = "planned-"

    /// Whether `id` is one of this plan's placeholders (a planned task's `wait()` returns at once).
    public func isPlaceholder(_ id: String?) -> Bool {
        guard let id else { return false }
        return issued.contains(id)
    }

    /// Whether `url` names something only the plan knows: a planned resource, or a path or
    /// query with one of this plan's placeholders as a whole segment.
    func mentionsPlanned(_ url: String) -> Bool {
        if documents[Self.key(url)] != nil { return true }
        guard !issued.isEmpty else { return false }
        return Self.segments(of: url).contains { issued.contains(String($0)) }
    }

    /// The planned resource at `url`, as the stand-in answers and later writes left it.
    func document(at url: String) -> Fields? {
        documents[Self.key(url)]
    }

    func store(_ document: Fields, at url: String) {
        documents[Self.key(url)] = document
    }

    func removeDocument(at url: String) {
        documents[Self.key(url)] = nil
    }

    func append(_ entry: PlanEntry) {
        entries.append(entry)
    }

    private static func key(_ url: String) -> String {
        var path = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The pieces of `url` a placeholder may stand as: path segments, query names and values.
    private static func segments(of url: String) -> [Substring] {
        url.split(whereSeparator: { "/?&=#".contains($0) })
    }
}
