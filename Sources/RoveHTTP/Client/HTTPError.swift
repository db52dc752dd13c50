// Why the client gave up on a request: a plain Swift error, for any caller of the HTTP layer.

/// A request the client could not carry out, or would not send.
///
/// Everything it says is redacted (`message`, `url`, `location`); only `response` is as the
/// server sent it, because reading an error body needs its exact bytes. Redact what you show
/// of it. RoveProviders turns these into the errors scripts catch, reading vendor error bodies.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The final answer was not 2xx, once any retries were spent: `response`.
        case status
        /// A 3xx on the request's own origin that the client does not follow: a write answered
        /// 301, 302 or 303, more than `maxRedirects` hops, a location that is not http or https.
        /// `response` and `location`.
        case redirect
        /// The connection could not be made, or broke before the answer was complete.
        case connection
        /// Certificate or TLS failure.
        case tls
        /// The answer's body or headers passed their cap; the transfer was stopped there.
        case tooLarge
        /// No answer in time.
        case timeout
        /// The request was malformed (a bad URL), or the transport failed internally.
        case invalid
        /// `cancel()` or `shouldStop` stopped the request, or the wait before its next attempt.
        case interrupted
        /// The request, or a redirect answering it, would take its credentials and body to
        /// another origin, or from https to http: `origin`, `target`, and for a redirect
        /// `response` and `location`.
        case origin
        /// The client's request budget (`maxRequests`) is spent. Nothing was sent.
        case limit
    }

    public let kind: Kind
    /// One line saying what happened: `HTTP 404 Not Found: GET https://host/api/x`,
    /// `timed out: GET https://host/api/x (after 5 attempts)`. What an error body says is not
    /// in it: only its reader knows the vendor's shapes.
    public let message: String
    /// The request's method, uppercased, and its URL; nil for a stop that came between requests.
    public let method: String?
    public let url: String?
    /// The answer that ended the request, for `status` and `redirect`, and for an `origin`
    /// refusal of a redirect.
    public let response: HTTPResponse?
    /// Where a redirect pointed, resolved against the request's URL.
    public let location: String?
    /// For `origin`: the origin the request's credentials belong to, and the one it would reach.
    public let origin: Origin?
    public let target: Origin?
    /// How many times the request went out to the address it failed at, retries included; 0
    /// when it was refused before sending.
    public let attempts: Int

    public init(_ kind: Kind, _ message: String, method: String? = nil, url: String? = nil,
                response: HTTPResponse? = nil, location: String? = nil, origin: Origin? = nil,
                target: Origin? = nil, attempts: Int = 0) {
        self.kind = kind
        self.message = message
        self.method = method
        self.url = url
        self.response = response
        self.location = location
        self.origin = origin
        self.target = target
        self.attempts = attempts
    }

    public var description: String { message }

    /// `HTTP 302 Found`: a status and its reason phrase, as messages show it.
    public static func statusLine(_ status: Int) -> String {
        reasonPhrases[status].map { "HTTP \(status) \($0)" } ?? "HTTP \(status)"
    }

    /// RFC 9110 §15 reason phrases, plus 429 (RFC 6585).
    static let reasonPhrases: [Int: String] = [
        300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
        411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large", 414: "URI Too Long",
        415: "Unsupported Media Type", 422: "Unprocessable Content", 423: "Locked", 428: "Precondition Required",
        429: "Too Many Requests",
        500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]
}
