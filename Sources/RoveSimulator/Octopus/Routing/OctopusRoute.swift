// One row of the route table: method, path pattern, scope and the handler that answers it.

/// Where a route lives: outside spaces (`/api/tasks`), inside one (`/api/Spaces-1/projects`), or both.
enum RouteScope: Sendable {
    case system
    case space
    /// Served at `/api/x` for every space and at `/api/{space}/x` for one (tasks).
    case systemAndSpace
}

typealias RouteHandler = (OctopusService, RouteContext) throws -> SimResponse

/// A route declared as data, so the contract test can enumerate every one.
public struct OctopusRoute: Sendable {
    public let method: String
    /// Relative to `/api/` (system) or to the space prefix (space): `projects/{id}/releases`.
    public let pattern: String
    let scope: RouteScope
    let handler: @Sendable (OctopusService, RouteContext) throws -> SimResponse
    let path: PathPattern
    /// More literal segments win when two patterns match (`releases/create/v1` over `releases/{id}/…`).
    var literalCount: Int { path.literalCount }

    init(_ method: String, _ pattern: String, _ scope: RouteScope,
         _ handler: @escaping @Sendable (OctopusService, RouteContext) throws -> SimResponse) {
        self.method = method
        self.pattern = pattern
        self.scope = scope
        self.handler = handler
        path = PathPattern(pattern)
    }

    /// The example paths the contract test checks: the space form for space routes.
    public var examplePaths: [String] {
        let concrete = path.example
        let tail = concrete.isEmpty ? "" : "/" + concrete
        switch scope {
        case .system: return ["/api" + tail]
        case .space: return ["/api/Spaces-1" + tail]
        case .systemAndSpace: return ["/api" + tail, "/api/Spaces-1" + tail]
        }
    }

    /// Captured parameters when `segments` fit the pattern; literals compare case-insensitively.
    func match(_ segments: ArraySlice<String>) -> [String: String]? {
        guard let captured = path.captures(segments, ignoringCase: true) else { return nil }
        return Dictionary(captured, uniquingKeysWith: { _, last in last })
    }
}

/// What a handler gets: the request, the space it addresses, and the pattern's parameters.
struct RouteContext {
    let request: SimRequest
    /// The addressed space's id; for system routes reached without a space, nil.
    let spaceId: String?
    let params: [String: String]
    /// True when the path named the space (`/api/Spaces-2/tasks`), so system-and-space routes filter.
    let spaceExplicit: Bool

    func param(_ name: String) -> String { params[name] ?? "" }

    func query(_ name: String) -> String? {
        guard let value = request.queryValue(name), !value.isEmpty else { return nil }
        return value
    }

    /// A comma-separated query list (`ids=A,B`); repeated parameters add up too.
    func queryList(_ name: String) -> [String] {
        let wanted = name.lowercased()
        return request.query.filter { $0.name.lowercased() == wanted }
            .flatMap { $0.value.split(separator: ",").map { $0.trimmedSpaces() } }
            .filter { !$0.isEmpty }
    }

    func queryBool(_ name: String) -> Bool? {
        guard let value = query(name)?.lowercased() else { return nil }
        return value == "true" || value == "1"
    }

    /// The space id, for space-scoped routes where it is always set.
    var space: String { spaceId ?? "Spaces-1" }

    /// The request body as JSON; an empty body is an empty object, bad JSON a 400.
    func body() throws -> JSONValue {
        if request.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .object([])
        }
        do {
            let value = try JSONValue.parse(request.body)
            guard case .object = value else { throw OctopusFailure.invalidBody("expected a JSON object") }
            return value
        } catch let error as JSONParseError {
            throw OctopusFailure.invalidBody(error.description)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs; query lists and names are trimmed this way.
    func trimmedSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
