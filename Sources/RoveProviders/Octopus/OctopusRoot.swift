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
    private var loaded: (root: Fields, space: Fields?, spaceRoot: Fields?)?

    init(connection: Connection, dialect: OctopusDialect = OctopusDialect(), space: String?) {
        self.connection = connection
        self.dialect = dialect
        self.spaceSelector = space
    }

    public var typeName: String { "Octopus" }

    // MARK: Loading

    private func load() throws -> (root: Fields, space: Fields?, spaceRoot: Fields?) {
        if let loaded { return loaded }
        guard case .object(let root) = try connection.document(at: "~/api") else {
            throw Diagnostic(.value, "\(connection.name): \(connection.baseURL)/api is not an Octopus root document")
        }
        let rootLinks = dialect.links(of: root)
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
        let result = (root: root, space: space, spaceRoot: spaceRoot)
        loaded = result
        return result
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
    private func link(named name: String) throws -> String? {
        let state = try load()
        for document in [state.spaceRoot, state.root] {
            guard let document else { continue }
            if case .string(let template)? = dialect.links(of: document)[name] { return template }
        }
        return nil
    }

    // MARK: HostObject

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        let state = try load()
        switch name {
        case "spaces":
            guard let template = try link(named: "Spaces") else { return .list([]) }
            return .host(Link(template: template, rel: "Spaces", connection: connection, dialect: dialect))
        case "space":
            return state.space.map { .host(Resource($0, connection: connection, dialect: dialect)) } ?? .null
        case "json":
            return .object(state.root)
        default:
            break
        }
        if let field = state.root[name] { return field }
        if let template = try link(named: name) {
            return .host(Link(template: template, rel: name, connection: connection, dialect: dialect))
        }
        return nil
    }

    public func callMethod(_ name: String, with arguments: Arguments) throws -> Value? {
        guard name == "space" else { return nil }
        try arguments.expect(1)
        let other = OctopusRoot(connection: connection, dialect: dialect, space: try arguments.string(0))
        _ = try other.load()
        return .host(other)
    }

    public func element(at key: Value, in interpreter: Interpreter) throws -> Value? {
        guard case .string(let name) = key else { return nil }
        return try member(name, in: interpreter) ?? .null
    }

    public func describe(in interpreter: Interpreter) -> String {
        var text = "<Octopus \(connection.client.redactor.redact(url: connection.baseURL))"
        if let space = loaded?.space, case .string(let name)? = space["Name"] { text += " space \"\(name)\"" }
        return text + ">"
    }

    public func data(in interpreter: Interpreter) throws -> Value? { .object(try load().root) }

    public func completions(in interpreter: Interpreter) -> [String] {
        guard let state = try? load() else { return ["spaces", "space"] }
        var names = Array(state.root.keys)
        for document in [state.spaceRoot, state.root] {
            guard let document else { continue }
            names += dialect.links(of: document).keys
        }
        return names + ["spaces", "space", "json"]
    }
}
