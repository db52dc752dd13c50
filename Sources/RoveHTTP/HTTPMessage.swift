// Requests and responses as plain values: what every transport sends and receives.

/// One HTTP request.
public struct HTTPRequest: Sendable {
    public var method: String
    /// An absolute `http://` or `https://` URL, already expanded and percent-encoded.
    public var url: String
    /// Header fields in order; names as written.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?
    /// At most this many seconds for the request, retries included; nil for the transport's
    /// timeouts and the client's retry policy. For requests someone is waiting on with nothing
    /// else to do, such as the REPL's Tab completion.
    public var timeLimit: Double?
    /// The origin this request's headers and body belong to: the client sends it nowhere else
    /// and follows no redirect elsewhere (docs/http-client.md "Origins and redirects"). Nil
    /// binds it to the origin of its own `url`.
    public var origin: Origin?
    /// The largest response body to accept, in bytes; nil for the transport's own cap.
    public var maxResponseBytes: Int?

    public init(method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
                timeLimit: Double? = nil, origin: Origin? = nil, maxResponseBytes: Int? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeLimit = timeLimit
        self.origin = origin
        self.maxResponseBytes = maxResponseBytes
    }

    /// Whether the request only reads (GET or HEAD): what a read-only policy lets out (checked by
    /// the providers' `Connection`), and what every redirect code may repeat.
    public var onlyReads: Bool {
        switch method.uppercased() {
        case "GET", "HEAD": return true
        default: return false
        }
    }

    /// Whether sending this request twice is harmless, so it may be retried (RFC 9110 §9.2.2).
    public var isIdempotent: Bool {
        switch method.uppercased() {
        case "GET", "HEAD", "PUT", "DELETE", "OPTIONS": return true
        default: return false
        }
    }
}

/// One HTTP response, fully received.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields in order, names lowercased.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The protocol the exchange used: HTTP/2 when an https:// server offered it, else HTTP/1.1.
    public var version: HTTPVersion

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                version: HTTPVersion = .http1_1) {
        self.status = status
        self.headers = headers
        self.body = body
        self.version = version
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }
}

/// Why a request got no response.
public struct TransportError: Error, Sendable {
    public enum Kind: Sendable {
        /// The connection could not be made, or broke before a response arrived.
        case connection
        /// A connect, total or low-speed timeout.
        case timeout
        /// `cancel()` was called while the request was in flight.
        case cancelled
        /// Certificate or TLS failure.
        case tls
        /// The request was malformed (a bad URL) or the transport failed internally.
        case invalid
        /// The response's body or headers passed their cap; the transfer was stopped there.
        case tooLarge
    }

    public let kind: Kind
    /// Lowercase, no trailing period; never contains credentials.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
