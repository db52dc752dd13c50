// `octopus.get(path, query)`, `post(path, body)` and the rest: the escape hatch for every route the object model does not know.

import RoveCore
import RoveHTTP

/// Raw requests on a connection, with its base URL, credentials, origin rule, retries,
/// redaction and error types: `octopus.get("/api/Spaces-1/reporting/deployments-counted-by-week",
/// {projectIds: "Projects-1"})`, `deployhq.post("projects/web/repository", {…})`.
///
/// The path is a link as the API writes them (`/api/…` from the host, `~/…` or a relative path
/// from the base URL) and may be a URI template: the query object fills its variables, and the
/// entries it does not mention become query parameters. Bodies go out as given (no provider
/// wrapping: this is the raw form); answers come back as resources (objects), lists, text for
/// bodies that are not JSON, and nil for empty ones.
struct RawRequests {
    let connection: Connection
    let dialect: Dialect

    struct Verb {
        let name: String
        let takesBody: Bool
        let doc: String
    }

    /// Dispatch, argument checks, completion and `help` read this table.
    static let verbs: [Verb] = [
        Verb(name: "get", takesBody: false, doc: "get(path, query) — GET a path or link template"),
        Verb(name: "post", takesBody: true, doc: "post(path, body, query) — POST a body as JSON"),
        Verb(name: "put", takesBody: true, doc: "put(path, body, query) — PUT a body as JSON"),
        Verb(name: "patch", takesBody: true, doc: "patch(path, body, query) — PATCH a body as JSON"),
        Verb(name: "delete", takesBody: false, doc: "delete(path, query) — DELETE a path"),
    ]

    static let names = verbs.map(\.name)

    static var helpEntries: [HelpTopic.Entry] { verbs.map { HelpTopic.Entry(name: $0.name, doc: $0.doc) } }

    /// The answer to `name(arguments)`, or nil when `name` is not a raw verb.
    func call(_ name: String, with arguments: Arguments) throws -> Value? {
        guard let verb = Self.verbs.first(where: { $0.name == name }) else { return nil }
        try arguments.expect(verb.takesBody ? 1...3 : 1...2)
        let path = try arguments.string(0)
        guard !path.isEmpty else { throw arguments.badArgument(0, "a path such as \"/api/projects\" expected, got \"\"") }
        var body: Value?
        var queryIndex = 1
        if verb.takesBody {
            queryIndex = 2
            if arguments.count > 1 { body = try arguments.value(1) }
        }
        let link = Link(template: path, rel: name, variables: try templateArguments(arguments, at: queryIndex),
                        connection: connection, dialect: dialect)
        let answer = try connection.answer(to: name.uppercased(), at: try link.address(), body: body)
        return wrap(answer, from: verb, link)
    }

    /// The query object's entries as template values; nil entries are left out.
    private func templateArguments(_ arguments: Arguments, at index: Int) throws -> [String: TemplateValue] {
        guard arguments.count > index else { return [:] }
        switch try arguments.value(index) {
        case .null:
            return [:]
        case .object(let fields):
            var values: [String: TemplateValue] = [:]
            for (key, value) in fields {
                if let templateValue = try ExpandBuiltin.templateValue(value, named: key, argument: index, arguments) {
                    values[key] = templateValue
                }
            }
            return values
        case .bool, .int, .float, .string, .list, .function, .host:
            throw arguments.typeError(index, expected: "object of query parameters")
        }
    }

    /// A GET's document is the resource at the path; a write's answer, like a list's rows, is
    /// an item of the collection there.
    private func wrap(_ answer: Value, from verb: Verb, _ link: Link) -> Value {
        switch answer {
        case .object(let fields) where verb.name == "get":
            return .host(Resource(fields, connection: connection, dialect: dialect, address: link.path))
        case .object: return link.wrap(answer)
        case .list(let items): return .list(items.map { link.wrap($0) })
        case .null, .bool, .int, .float, .string, .function, .host: return answer
        }
    }
}
