// One row of DeployHQ's route table: method, path pattern and the handler that answers it.

/// A route declared as data, so the contract test can enumerate every one.
public struct DeployHQRoute: Sendable {
    public let method: String
    /// Relative to the account root, OpenAPI-style: `projects/{project_id}/servers/{id}`.
    public let pattern: String
    /// False only for signup and status badges, which the real service serves without credentials.
    let authenticated: Bool
    let handler: @Sendable (DeployHQService, DeployHQContext) throws -> SimResponse
    let path: PathPattern
    /// More literal segments win when two patterns match (`templates/public_templates` over `templates/{id}`).
    var literalCount: Int { path.literalCount }

    init(_ method: String, _ pattern: String, authenticated: Bool = true,
         _ handler: @escaping @Sendable (DeployHQService, DeployHQContext) throws -> SimResponse) {
        self.method = method
        self.pattern = pattern
        self.authenticated = authenticated
        self.handler = handler
        path = PathPattern(pattern)
    }

    /// A concrete path for the contract test: each parameter becomes `x1`.
    public var examplePath: String { "/" + path.example }

    /// Captured parameters, by position, when `segments` fit the pattern.
    func match(_ segments: [String]) -> [String]? {
        path.captures(segments, ignoringCase: false)?.map(\.value)
    }
}

/// What a handler gets: the request and the pattern's parameters in order.
struct DeployHQContext {
    let request: SimRequest
    /// Percent-decoded parameter values, in the order the pattern names them; the generic
    /// templates repeat names (`/templates/{id}/public/{id}`), so position is the only safe key.
    let params: [String]

    func param(_ index: Int) -> String { index < params.count ? params[index] : "" }

    func query(_ name: String) -> String? { request.query.first { $0.name == name }?.value }
}
