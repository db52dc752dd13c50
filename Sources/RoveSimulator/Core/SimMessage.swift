// Requests and responses as the simulator's services see them: plain values, no server types.

/// One request, decoded from HTTP by the server layer (Server/) before a service sees it.
public struct SimRequest: Sendable {
    /// Uppercased: `GET`, `POST`, …
    public var method: String
    /// The path as sent, still percent-encoded (`/api/Spaces-1/projects/refs%2Fheads%2Fmain`);
    /// services split it on `/` and decode each segment, so an encoded `/` stays inside its segment.
    public var path: String
    /// Query parameters in order, percent-decoded, `+` read as a space.
    public var query: [(name: String, value: String)]
    /// Header fields in order, names lowercased.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Set by fault injection (`nonext`): a collection answer leaves out its `Page.Next` link,
    /// as some real 2023.2 endpoints did (research/octopus-api.md §9).
    public var omitsNextPageLink: Bool

    public init(method: String, path: String, query: [(name: String, value: String)] = [],
                headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                omitsNextPageLink: Bool = false) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.omitsNextPageLink = omitsNextPageLink
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// The first value of query parameter `name`; Octopus matches these case-insensitively.
    public func queryValue(_ name: String) -> String? {
        let wanted = name.lowercased()
        return query.first { $0.name.lowercased() == wanted }?.value
    }
}

/// One complete response; the server layer writes it, or mangles it when a fault says so.
public struct SimResponse: Sendable {
    public var status: Int
    /// Header fields in order. The server layer adds `Content-Length` itself.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// One simulated API (Octopus, DeployHQ) behind one port.
///
/// `respond(to:)` is called from many threads at once; a service guards its own state.
public protocol SimService: AnyObject, Sendable {
    /// `octopus` or `deployhq`: names the service in the ready line and in logs.
    var name: String { get }
    /// Answers one request completely; never throws, every failure is an HTTP answer.
    func respond(to request: SimRequest) -> SimResponse
    /// An injected fault's answer with `status` (429, 500, 503) in this API's error format.
    func faultResponse(status: Int) -> SimResponse
}
