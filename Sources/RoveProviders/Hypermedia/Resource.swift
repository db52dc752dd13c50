// A Resource: one JSON document from an API, its fields and its links, as a script sees it.

import RoveCore

/// One document plus where it came from (DESIGN §3). `r.Name` reads a field, `r.Releases`
/// follows a link; fields win over links on a clash. `r.Links` and `r.json` are the raw forms.
///
/// A resource is a reference: `r.Name = "x"` changes this copy of the document, and `save()`
/// PUTs it back to `Self`.
public final class Resource: HostObject {
    let connection: Connection
    let dialect: Dialect
    /// Where it was read from (`projects/web/servers/8f0c…`), for APIs that address resources
    /// by path; nil when it came from nowhere addressable.
    let address: String?
    public private(set) var document: Fields
    /// The document as the server last sent it, so a save can say what the script changed.
    private var fetched: Fields
    /// Whether the document is a list's shortened row (DeployHQ's deployment rows lack
    /// `steps`): a name it lacks is looked up again in the whole document, read once.
    var isAbridged = false

    init(_ document: Fields, connection: Connection, dialect: Dialect, address: String? = nil) {
        self.document = document
        self.fetched = document
        self.connection = connection
        self.dialect = dialect
        self.address = address
    }

    /// `ServerTask`s, and whatever else the dialect says is a task, can be waited on.
    var isTask: Bool { dialect.isTask(document, at: address) }

    public var typeName: String { isTask ? "Task" : "Resource" }

    var links: Fields { dialect.links(of: document, at: address) }

    /// `Id`, or whatever identifies the resource in this API.
    var identity: String? { dialect.identity(of: document) }

    // MARK: Members

    /// A field, else a link, else a member the dialect or task adds; a name the document lacks
    /// reads nil, as absent fields of objects do (APIs omit fields freely). A null field gives
    /// way to a link of the same name: a new DeployHQ project's `"repository": null` must not
    /// hide the way to create its repository.
    /// What every resource answers besides its fields and links; dispatch, completion and
    /// help read it. A field of the same name wins.
    static let members = HostMembers<Resource>([
        .property("json", doc: "json — the document as a plain object") { resource, _ in .object(resource.document) },
        .property("web", doc: "web — the address of its page in a browser (Links.Web), or nil") { resource, _ in try resource.web() },
        .method("reload", doc: "reload() — reads the document again and returns the resource") { resource, arguments in
            try arguments.expect(0)
            try resource.reload()
            return .host(resource)
        },
        .method("save", doc: "save() — PUTs the changed document back to its Self link") { resource, arguments in
            try arguments.expect(0)
            try resource.save()
            return .host(resource)
        },
        .method("delete", doc: "delete() — DELETEs the resource") { resource, arguments in
            try arguments.expect(0)
            try resource.connection.send("DELETE", to: try resource.selfLink(), body: nil)
            return .null
        },
    ])

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        if let field = document[name], field != .null { return try dialect.field(name, field, of: self) }
        if let value = try Self.members.read(name, of: self, in: interpreter) { return value }
        if isTask, let value = try TaskBehaviour.members.read(name, of: TaskBehaviour(self), in: interpreter) { return value }
        if let link = links[name], case .string(let template) = link {
            return .host(Link(template: template, rel: name, connection: connection, dialect: dialect))
        }
        if let value = try dialect.member(name, of: self) { return value }
        if isAbridged {
            try reload()
            if let field = document[name] { return try dialect.field(name, field, of: self) }
        }
        return .null
    }

    /// `"Name" in resource`: whether the document has the field, as for objects.
    public func contains(_ needle: Value, in interpreter: Interpreter) throws -> Bool? {
        guard case .string(let name) = needle else { return false }
        return document[name] != nil
    }

    public func callMethod(_ name: String, with arguments: Arguments) throws -> Value? {
        if document[name] != nil { return nil }   // a field holding a function is called as one
        if let value = try Self.members.call(name, on: self, with: arguments) { return value }
        if isTask, let value = try TaskBehaviour.members.call(name, on: TaskBehaviour(self), with: arguments) { return value }
        return try dialect.method(name, of: self, with: arguments)
    }

    deinit {
        // A script may chain resources through their fields (`task.previous = last`), one
        // level per resource: freed without recursion, as the core frees its own values.
        var contents = Value.object(document)
        document = Fields()
        Dismantling.release(&contents)
    }

    public func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws -> Bool {
        guard name != "Links", name != "json" else { return false }
        document[name] = value
        return true
    }

    public func element(at key: Value, in interpreter: Interpreter) throws -> Value? {
        guard case .string(let name) = key else { return nil }
        return try member(name, in: interpreter) ?? .null
    }

    public func isEqual(to other: any HostObject) -> Bool {
        guard let other = other as? Resource, let identity, let otherIdentity = other.identity else { return false }
        return identity == otherIdentity && connection === other.connection
    }

    public func describe(in interpreter: Interpreter) -> String {
        let kind = dialect.kind(of: document, at: address) ?? typeName
        var text = "<\(kind)"
        if let identity { text += " \(identity)" }
        if case .string(let name)? = document["Name"] ?? document["name"] { text += " \"\(name)\"" }
        return text + ">"
    }

    public func data(in interpreter: Interpreter) throws -> Value? { .object(document) }

    public func completions(in interpreter: Interpreter) -> [String] {
        var names = Array(document.keys) + links.keys.filter { document[$0] == nil }
        names += Self.members.names
        if isTask { names += TaskBehaviour.members.names }
        return names + dialect.memberHelp(of: self).map(\.name)
    }

    public func help(in interpreter: Interpreter) throws -> HelpTopic? {
        let links = links.keys.filter { document[$0] == nil }
        var sections = [
            HelpTopic.Section("Fields", document.keys.map { HelpTopic.Entry(name: $0) }),
            HelpTopic.Section("Links (each one a member: a collection, or the resource it names)", links.map { HelpTopic.Entry(name: $0) }),
            HelpTopic.Section("Members", Self.members.helpEntries),
        ]
        if isTask { sections.append(HelpTopic.Section("Task members", TaskBehaviour.members.helpEntries)) }
        sections.append(HelpTopic.Section("Members of this kind of resource", dialect.memberHelp(of: self)))
        return HelpTopic(title: "\(typeName) \(describe(in: interpreter))",
                         lines: ["A field reads as r.Name (nil when absent); r[\"Odd name\"] reads any name."],
                         sections: sections)
    }

    // MARK: Requests

    /// Takes a newer copy of the document, as a write or a cancel answered with.
    func replace(with fields: Fields) {
        document = fields
        fetched = fields
        isAbridged = false
    }

    /// PUTs the document to `Self`, sending what the dialect says a save sends, and takes the
    /// answer as the new document.
    func save() throws {
        let link = try selfLink()
        let body = dialect.requestBody(dialect.saveBody(of: document, fetched: fetched, at: address), to: link)
        let edit = ResourceEdit(before: fetched, after: document)
        if case .object(let fields)? = try connection.send("PUT", to: link, body: body, replacing: edit) {
            replace(with: fields)
        }
    }

    /// Fetches the document again from `Self`.
    func reload() throws {
        guard case .object(let fields) = try connection.document(at: try selfLink()) else {
            throw Diagnostic(.value, "\(connection.name): \(try selfLink()) did not answer with a document")
        }
        replace(with: fields)
    }

    func selfLink() throws -> String {
        guard let link = dialect.selfLink(of: document, at: address) else {
            throw Diagnostic(.value, "this \(dialect.kind(of: document, at: address) ?? "resource") has no Self link")
        }
        return try TemplateText.withoutVariables(link)
    }

    /// The browser URL from `Links.Web`: it is for people, so it is returned, not requested.
    private func web() throws -> Value {
        guard case .string(let link)? = links["Web"] else { return .null }
        return .string(connection.url(for: link))
    }
}
