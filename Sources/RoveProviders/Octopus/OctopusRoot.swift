// The `octopus` global: the root document, the selected space, and links resolved space first.

import RoveCore
import RoveHTTP

/// An Octopus server as a script sees it (DESIGN §4): `octopus.Projects`, `octopus.Version`,
/// `octopus.spaces`, `octopus.space("Ops")`.
///
/// Links are looked up in the space root first, then the server root, as the vendor's clients
/// do; the set of `Links` keys is read from the server, never hard-coded. Nothing is requested
/// until a script first touches the object, so configuring a connection costs nothing.
public final class OctopusRoot: HostObject {
    let connection: Connection
    let dialect: OctopusDialect
    /// The space asked for, by name or id (`OCTOPUS_SPACE`); nil for the server's default.
    let spaceSelector: String?
    /// Whether links read a space (the selected or default one) or the whole server.
    enum Scope { case space, server }
    let scope: Scope
    private var root: Fields?
    private var selected: (space: Fields?, spaceRoot: Fields?)?

    init(connection: Connection, dialect: OctopusDialect = OctopusDialect(), space: String?, scope: Scope = .space) {
        self.connection = connection
        self.dialect = dialect
        connection.dialect = dialect
        self.spaceSelector = space
        self.scope = scope
    }

    public var typeName: String { "Octopus" }

    // MARK: Loading

    /// The server's root document, read once.
    private func rootDocument() throws -> Fields {
        if let root { return root }
        guard case .object(let document) = try connection.document(at: "~/api") else {
            throw Diagnostic(.value, "\(connection.name): \(connection.baseURL)/api is not an Octopus root document")
        }
        root = document
        return document
    }

    /// The selected space and its root document, read once: the space from `spaces/all`, its
    /// root from `SpaceHome`. Both nil on a server without spaces.
    private func selectedSpace() throws -> (space: Fields?, spaceRoot: Fields?) {
        if let selected { return selected }
        let rootLinks = dialect.links(of: try rootDocument())
        var space: Fields?
        var spaceRoot: Fields?
        if case .string(let spacesLink)? = rootLinks["Spaces"] {
            let all = try connection.document(at: try TemplateText.withoutVariables(spacesLink) + "/all")
            space = try Self.choose(spaceSelector, from: all, server: connection.baseURL)
            if let space, let id = dialect.identity(of: space) {
                let home: String
                if case .string(let template)? = rootLinks["SpaceHome"] {
                    home = try TemplateText.expand(template, with: ["spaceId": .string(id)])
                } else {
                    home = "~/api/" + id
                }
                if case .object(let fields) = try connection.document(at: home) { spaceRoot = fields }
            }
        } else if let spaceSelector {
            throw Diagnostic(.value, "\(connection.name): this server has no spaces, so space '\(spaceSelector)' cannot be selected")
        }
        selected = (space, spaceRoot)
        return (space, spaceRoot)
    }

    /// The documents links are looked up in, most specific first. With no space asked for, a
    /// server with a default space lists that space's links in its root already (research
    /// §1.1), so the root alone serves and the first request of a script is its only overhead.
    private func linkDocuments() throws -> [Fields] {
        let root = try rootDocument()
        if scope == .server || (spaceSelector == nil && Self.carriesDefaultSpaceLinks(root, dialect)) { return [root] }
        return [try selectedSpace().spaceRoot, root].compactMap { $0 }
    }

    private static func carriesDefaultSpaceLinks(_ root: Fields, _ dialect: OctopusDialect) -> Bool {
        dialect.links(of: root).values.contains { link in
            if case .string(let text) = link { return text.hasPrefix("/api/Spaces-") }
            return false
        }
    }

    /// The space named or numbered `selector` (case-insensitive name, or id), or the default
    /// space; an unknown one is an error listing the spaces there are.
    static func choose(_ selector: String?, from all: Value, server: String) throws -> Fields? {
        guard case .list(let items) = all else { return nil }
        let spaces = items.compactMap { item -> Fields? in
            if case .object(let fields) = item { return fields }
            return nil
        }
        func text(_ fields: Fields, _ key: String) -> String? {
            if case .string(let value)? = fields[key] { return value }
            return nil
        }
        guard let selector else {
            return spaces.first { $0["IsDefault"] == .bool(true) }
        }
        if let match = spaces.first(where: { text($0, "Id")?.lowercased() == selector.lowercased() })
            ?? spaces.first(where: { text($0, "Name")?.lowercased() == selector.lowercased() }) {
            return match
        }
        let names = spaces.compactMap { text($0, "Name") }.map { "'\($0)'" }.joined(separator: ", ")
        throw Diagnostic(.value, "no space '\(selector)' on \(server); there are \(names.isEmpty ? "none" : names)")
    }

    /// A link by name: the space root's first, then the server root's.
    ///
    /// In a space a script named, a server-root link to a space-scoped collection (`Feeds`,
    /// `Events`, `Tasks`, `Teams` … — the server root lists them with legacy addresses that read
    /// the default space or every space) is moved into the space (`OctopusSpaceScope`), as the
    /// vendor's Go client does for tasks. `octopus.server` offers the server root's links outside
    /// any space (`Events` over every space, `Users`, `Spaces`), and none of a default space's.
    private func link(named name: String) throws -> String? {
        for (index, document) in try linkDocuments().enumerated() {
            guard case .string(let template)? = dialect.links(of: document)[name] else { continue }
            if scope == .server { return OctopusSpaceScope.isInASpace(template) ? nil : template }
            if spaceSelector != nil, index > 0, let id = try selectedSpace().space.flatMap(dialect.identity(of:)),
               let scoped = OctopusSpaceScope.scoped(template, toSpace: id) {
                return scoped
            }
            return template
        }
        return nil
    }

    // MARK: HostObject

    /// What the server answers besides its fields and links; dispatch, completion and help read it.
    static let members = HostMembers<OctopusRoot>([
        .property("spaces", doc: "spaces — the collection of spaces") { root, _ in
            guard let template = try root.link(named: "Spaces") else { return .list([]) }
            return .host(Link(template: template, rel: "Spaces", connection: root.connection, dialect: root.dialect))
        },
        .property("space", doc: "space — the space in use, or nil; space(\"Ops\") the server seen from another space",
                  read: { root, _ in
                      guard root.scope == .space else { return .null }
                      return try root.selectedSpace().space.map {
                          .host(Resource($0, connection: root.connection, dialect: root.dialect))
                      } ?? .null
                  },
                  call: { root, arguments in
                      try arguments.expect(1)
                      let other = OctopusRoot(connection: root.connection, dialect: root.dialect, space: try arguments.string(0))
                      _ = try other.selectedSpace()
                      return .host(other)
                  }),
        // The explicit way out of a space: links as the server root gives them, spanning spaces.
        .property("server", doc: "server — the server's own links, outside any space (Users, Spaces, Events of every space)") {
            root, _ in .host(OctopusRoot(connection: root.connection, dialect: root.dialect, space: nil, scope: .server))
        },
        .property("json", doc: "json — the root document as a plain object") { root, _ in .object(try root.rootDocument()) },
    ])

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        let root = try rootDocument()
        if let value = try Self.members.read(name, of: self, in: interpreter) { return value }
        if let field = root[name] { return field }
        if let template = try link(named: name) {
            return .host(Link(template: template, rel: name, connection: connection, dialect: dialect))
        }
        return nil
    }

    public func callMethod(_ name: String, with arguments: Arguments) throws -> Value? {
        if let answer = try RawRequests(connection: connection, dialect: dialect).call(name, with: arguments) { return answer }
        return try Self.members.call(name, on: self, with: arguments)
    }

    public func element(at key: Value, in interpreter: Interpreter) throws -> Value? {
        guard case .string(let name) = key else { return nil }
        return try member(name, in: interpreter) ?? .null
    }

    public func describe(in interpreter: Interpreter) -> String {
        var text = "<Octopus \(connection.redactor.redact(url: connection.baseURL))"
        if scope == .server { text += " server-wide" }
        if let space = selected?.space, case .string(let name)? = space["Name"] { text += " space \"\(name)\"" }
        return text + ">"
    }

    public func data(in interpreter: Interpreter) throws -> Value? { .object(try rootDocument()) }

    public func completions(in interpreter: Interpreter) -> [String] {
        guard let root = try? rootDocument(), let links = try? linkNames() else { return Self.members.names }
        return Array(root.keys) + links + Self.members.names + RawRequests.names
    }

    /// The names of the links a script can follow from here, space root first.
    private func linkNames() throws -> [String] {
        let links = try linkDocuments().flatMap { dialect.links(of: $0) }.filter { _, link in
            guard scope == .server, case .string(let template) = link else { return true }
            return !OctopusSpaceScope.isInASpace(template)
        }
        var seen = Set<String>()
        return links.map(\.key).filter { seen.insert($0).inserted }
    }

    public func help(in interpreter: Interpreter) throws -> HelpTopic? {
        let root = try rootDocument()
        return HelpTopic(title: describe(in: interpreter),
                         lines: ["Fields read as octopus.Version; each link is a member (octopus.Projects), octopus[\"Odd name\"] reads any.",
                                 "A collection narrows when called with its template parameters: octopus.Tasks(states: \"Failed\")."],
                         sections: [HelpTopic.Section("Fields", root.keys.map { HelpTopic.Entry(name: $0) }),
                                    HelpTopic.Section("Links", try linkNames().map { HelpTopic.Entry(name: $0) }),
                                    HelpTopic.Section("Members", Self.members.helpEntries),
                                    HelpTopic.Section("Requests to any path", RawRequests.helpEntries)])
    }
}
