// A Link: a named URI template plus its arguments; a collection handle, or the way to a resource.

import RoveCore
import RoveHTTP

/// What `r.Releases` or `octopus.Tasks(states: "Failed")` gives (DESIGN §3). Making one costs
/// nothing; requests happen when items or fields are needed.
///
/// A link whose template pages (`{?skip,take}`) is a collection: `count`, `first`, `items`,
/// `next`, `prev`, `page(n)`, `take(n)`, `all`, `get(id)`, `find`, `each`, `create`, and `for x
/// in`. Any other link stands for the resource it points at (`deployment.Task.wait()`): its
/// members are read from that resource, fetched once. Action links are written to with
/// `post(body)` and `put(body)`: `interruption.Submit.post({Result: "Proceed"})`. Links without
/// a template whose answer turns out to be a list (`/api/artifacts?regarding=X`) act as
/// collections too.
public final class Link: HostObject {
    let template: String
    /// The link's name in `Links`, for messages: `Releases`.
    let rel: String
    let variables: [String: TemplateValue]
    let connection: Connection
    let dialect: Dialect
    /// The answer to this exact URL, fetched once: the current page, or the resource.
    private var target: Target?

    private enum Target {
        case collection(Page)
        case resource(Resource)
    }

    init(template: String, rel: String, variables: [String: TemplateValue] = [:], connection: Connection,
         dialect: Dialect) {
        self.template = template
        self.rel = rel
        self.variables = variables
        self.connection = connection
        self.dialect = dialect
    }

    public var typeName: String { isCollectionByTemplate ? "Collection" : "Link" }

    /// The template's variable names, parsed once.
    private(set) lazy var templateVariables: [String] = TemplateText.variableNames(of: template)

    private var isCollectionByTemplate: Bool { dialect.isCollection(template: template, variables: templateVariables) }

    /// Whether this is a list endpoint: by its template, or else by asking the server once.
    func isCollection() throws -> Bool {
        if isCollectionByTemplate { return true }
        if case .collection = try resolve() { return true }
        return false
    }

    // MARK: Addresses

    /// The host-relative address with `variables` and `extra` filled in.
    /// Arguments the template does not mention (paging on a link such as
    /// `/api/artifacts?regarding=X`) are added as query parameters.
    func address(adding extra: [String: TemplateValue] = [:]) throws -> String {
        let arguments = variables.merging(extra) { _, new in new }
        let missing = arguments.keys.filter { !templateVariables.contains($0) }.sorted()
        return try TemplateText.expand(TemplateText.adding(queryVariables: missing, to: template), with: arguments)
    }

    /// The same link with more template arguments.
    func narrowed(by extra: [String: TemplateValue]) -> Link {
        Link(template: template, rel: rel, variables: variables.merging(extra) { _, new in new },
             connection: connection, dialect: dialect)
    }

    /// Where the script's own arguments start this link's pages, and their size if given.
    var requestedPaging: (offset: Int, size: Int?) { dialect.requestedPaging(in: variables) }

    func pageAddress(offset: Int, size: Int) throws -> String {
        try address(adding: dialect.pageArguments(offset: offset, size: size, variables: templateVariables))
    }

    /// The same link addressing `size` items from `offset`.
    func page(offset: Int, size: Int) -> Link {
        narrowed(by: dialect.pageArguments(offset: offset, size: size, variables: templateVariables))
    }

    /// The address without its query: where the collection or resource itself lives.
    private(set) lazy var path: String? = (try? address()).map { address in
        address.firstIndex(of: "?").map { String(address[..<$0]) } ?? address
    }

    // MARK: Fetching

    private func resolve() throws -> Target {
        if let target { return target }
        let document = try connection.document(at: try address())
        let resolved: Target
        if let page = dialect.page(of: document) {
            resolved = .collection(page)
        } else if case .object(let fields) = document {
            resolved = .resource(Resource(fields, connection: connection, dialect: dialect, address: path))
        } else {
            throw Diagnostic(.value, "\(connection.name): \(rel) answered with \(document.typeName), not a document")
        }
        target = resolved
        return resolved
    }

    /// The page this link addresses, as given (the server's default size when none was given).
    func currentPage() throws -> Page {
        switch try resolve() {
        case .collection(let page): return page
        case .resource: throw notACollection()
        }
    }

    private func resource() throws -> Resource? {
        if isCollectionByTemplate { return nil }
        if case .resource(let resource) = try resolve() { return resource }
        return nil
    }

    /// `item` as a resource of this collection; `fromList` when it is a row of a list, which
    /// some APIs abridge.
    func wrap(_ item: Value, fromList: Bool = false) -> Value {
        guard case .object(let fields) = item else { return item }
        let address = path.flatMap { dialect.address(ofItem: fields, inCollection: $0) }
        let resource = Resource(fields, connection: connection, dialect: dialect, address: address)
        resource.isAbridged = fromList && dialect.listRowsAreAbridged
        return .host(resource)
    }

    func notACollection() -> Diagnostic {
        Diagnostic(.type, "\(rel) is a single resource, not a collection")
    }

    // MARK: HostObject

    /// What every link answers, collection or not; dispatch, completion and help read it.
    static let members = HostMembers<Link>([
        .property("url", doc: "url — the address this link reads, credentials masked") { link, _ in
            .string(link.connection.redactor.redact(url: link.connection.url(for: try link.address())))
        },
        .property("template", doc: "template — the link's URI template, as the server wrote it") { link, _ in .string(link.template) },
        // Action links (`Submit`, `Responsible`, `Cancel`) are written to, not read.
        .method("post", doc: "post(body) — POSTs the body (an object, or nothing) to the link") { link, arguments in
            try link.write("POST", arguments)
        },
        .method("put", doc: "put(body) — PUTs the body (an object, or nothing) to the link") { link, arguments in
            try link.write("PUT", arguments)
        },
    ])

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        if let value = try Self.members.read(name, of: self, in: interpreter) { return value }
        if try isCollection() {
            return try CollectionMembers.table.read(name, of: CollectionMembers(self), in: interpreter)
        }
        return try resource()?.member(name, in: interpreter)
    }

    public func callMethod(_ name: String, with arguments: Arguments) throws -> Value? {
        if let answer = try Self.members.call(name, on: self, with: arguments) { return answer }
        if try isCollection() {
            return try CollectionMembers.table.call(name, on: CollectionMembers(self), with: arguments)
        }
        return try resource()?.callMethod(name, with: arguments)
    }

    private func write(_ method: String, _ arguments: Arguments) throws -> Value {
        try arguments.expect(0...1)
        var body: Value?
        if arguments.count == 1 {
            guard case .object = try arguments.value(0) else { throw arguments.typeError(0, expected: "object") }
            body = try arguments.value(0)
        }
        let target = try address()
        let answer = try connection.send(method, to: target, body: body.map { dialect.requestBody($0, to: target) })
        return answer.map { wrap($0) } ?? .null
    }

    public func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws -> Bool {
        try resource()?.setMember(name, to: value, in: interpreter) ?? false
    }

    /// `octopus.Tasks(states: "Failed", take: 5)`: the same link with template arguments.
    public func call(with given: Arguments) throws -> Value {
        // Errors name the link, as a script wrote it: `bad argument #1 to 'Tasks'`.
        let arguments = Arguments(callee: rel, values: given.values, labels: given.labels, interpreter: given.interpreter)
        var extra: [String: TemplateValue] = [:]
        let known = templateVariables
        for index in 0..<arguments.count {
            guard let label = arguments.label(at: index) else {
                throw arguments.badArgument(index, "expected a labelled template argument such as \(Self.sample(known))")
            }
            guard known.contains(label) else {
                let unknown = "\(rel) has no parameter '\(label)'"
                let suggested = Suggestion.appending(to: unknown, forLabel: label, in: known)
                throw arguments.badArgument(index, suggested != unknown ? suggested
                    : unknown + "; it takes \(known.isEmpty ? "none" : known.joined(separator: ", "))")
            }
            if let value = try ExpandBuiltin.templateValue(arguments.values[index], named: label, argument: index, arguments) {
                extra[label] = value
            }
        }
        return .host(narrowed(by: extra))
    }

    private static func sample(_ names: [String]) -> String {
        names.first.map { "\($0): …" } ?? "name: …"
    }

    public func element(at key: Value, in interpreter: Interpreter) throws -> Value? {
        if try isCollection() {
            guard case .int(let index) = key else { return nil }
            let items = try currentPage().items
            let position = index < 0 ? items.count + index : index
            guard items.indices.contains(position) else {
                throw Diagnostic(.index, "index \(index) is outside this page of \(rel) (\(items.count) items)")
            }
            return wrap(items[position], fromList: true)
        }
        return try resource()?.element(at: key, in: interpreter)
    }

    public func makeIterator(in interpreter: Interpreter) throws -> (any HostIterator)? {
        guard try isCollection() else { return nil }
        return PageWalk(self)
    }

    public func isEqual(to other: any HostObject) -> Bool {
        guard let other = other as? Link else { return false }
        return connection === other.connection && (try? address()) == (try? other.address())
    }

    public func describe(in interpreter: Interpreter) -> String {
        "<\(typeName) \(rel)>"
    }

    public func data(in interpreter: Interpreter) throws -> Value? {
        if try isCollection() {
            var items: [Value] = []
            let walk = PageWalk(self)
            while let item = try walk.next() {
                if case .host(let resource as Resource) = item { items.append(.object(resource.document)) } else { items.append(item) }
            }
            return .list(items)
        }
        return try resource()?.data(in: interpreter)
    }

    public func parameterCompletions(in interpreter: Interpreter) -> [String] {
        templateVariables
    }

    public func help(in interpreter: Interpreter) throws -> HelpTopic? {
        guard try isCollection() else {
            // A link to one resource stands for it: its help is the resource's, fetched once.
            guard var topic = try resource()?.help(in: interpreter) else { return nil }
            topic.lines.insert("Reached through the link \(MemberSpelling.display(rel)); its own members: url, template, post(body), put(body).", at: 0)
            return topic
        }
        let own = Set(CollectionMembers.table.names + Self.members.names)
        let parameters = templateVariables.filter { variables[$0] == nil }
        // An example that narrows: a filter rather than paging or an id, where there is one.
        let example = parameters.first { !["id", "skip", "take", "ids"].contains($0) } ?? parameters.first
        return HelpTopic(
            title: "Collection \(MemberSpelling.display(rel))",
            lines: ["Read from \(template), page by page as items are needed.",
                    example.map { "Calling it with template parameters narrows it: \(MemberSpelling.display(rel))(\($0): …)." }
                        ?? "It takes no template parameters.",
                    "for x in it, and the list methods, walk every item."],
            sections: [HelpTopic.Section("Template parameters", parameters.map { HelpTopic.Entry(name: $0) }),
                       HelpTopic.Section("Members", CollectionMembers.table.helpEntries + Self.members.helpEntries),
                       HelpTopic.Section("List methods, over every item",
                                         Interpreter.listMethodNames.filter { !own.contains($0) }.map { HelpTopic.Entry(name: $0) })])
    }

    public func completions(in interpreter: Interpreter) -> [String] {
        if isCollectionByTemplate { return CollectionMembers.table.names + Self.members.names }
        return ((try? resource())??.completions(in: interpreter) ?? []) + Self.members.names
    }
}
