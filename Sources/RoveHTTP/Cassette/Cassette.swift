// A recording of a run's HTTP exchanges, credentials already masked: what `--record` writes and `--replay` answers from.

/// Every exchange of one run, in the order the requests were started, and the settings a host
/// needs to connect again without the network (the base URLs, never a credential).
///
/// Requests are matched by method, URL and body as recorded (masked), plus an occurrence index
/// among identical requests: the third identical GET of a task is answered by the third
/// recording of it, whichever order parallel requests finished in.
public struct Cassette: Sendable, Equatable {
    /// One request and what came of it.
    public struct Exchange: Sendable, Equatable {
        public var method: String
        /// Masked as `Redactor.redact(url:)` masks it.
        public var url: String
        /// The request body as text with secrets masked; nil for none.
        public var requestBody: String?
        /// Which identical request (same method, URL and body) this was, from 0.
        public var occurrence: Int
        public var outcome: Outcome

        public init(method: String, url: String, requestBody: String?, occurrence: Int, outcome: Outcome) {
            self.method = method
            self.url = url
            self.requestBody = requestBody
            self.occurrence = occurrence
            self.outcome = outcome
        }

        var key: Key { Key(method: method, url: url, body: requestBody) }
    }

    /// A response (the headers that matter, secrets masked), or the transport's failure.
    public enum Outcome: Sendable, Equatable {
        case response(status: Int, headers: [Header], body: [UInt8])
        case failure(kind: String, message: String)
    }

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    /// What identifies a request; occurrences count within one key.
    struct Key: Hashable {
        var method: String
        var url: String
        var body: String?
    }

    /// Settings by connection name (`octopus` → `url` → …), for the host to connect with on replay.
    public var connections: [String: [String: String]]
    public var exchanges: [Exchange]

    public init(connections: [String: [String: String]] = [:], exchanges: [Exchange] = []) {
        self.connections = connections
        self.exchanges = exchanges
    }

    /// Response headers kept in a recording: what changes what a client does with the body.
    /// Everything else (Date, Set-Cookie, request ids, server versions) varies from run to run
    /// or carries session state, and is left out.
    static let keptHeaders: Set<String> = ["content-type", "location", "retry-after", "link"]

    static let format = "rove-cassette"
    static let version = 1

    // MARK: Writing and reading

    /// The cassette as JSON: one exchange a line, so a diff of two recordings reads well.
    public func encoded() -> [UInt8] {
        var out = "{\"format\":\"\(Self.format)\",\"version\":\(Self.version),\n\"connections\":"
        let connectionFields = connections.keys.sorted().map { name in
            (key: name, value: CassetteJSON.object(connections[name]!.keys.sorted().map { ($0, .string(connections[name]![$0]!)) }))
        }
        CassetteJSON.object(connectionFields).write(to: &out)
        out += ",\n\"exchanges\":["
        for (index, exchange) in exchanges.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            Self.json(of: exchange).write(to: &out)
        }
        out += "\n]}\n"
        return Array(out.utf8)
    }

    private static func json(of exchange: Exchange) -> CassetteJSON {
        var fields: [(key: String, value: CassetteJSON)] = [
            ("method", .string(exchange.method)), ("url", .string(exchange.url)),
        ]
        if let body = exchange.requestBody { fields.append(("requestBody", .string(body))) }
        if exchange.occurrence > 0 { fields.append(("occurrence", .number(String(exchange.occurrence)))) }
        switch exchange.outcome {
        case .response(let status, let headers, let body):
            fields.append(("status", .number(String(status))))
            fields.append(("headers", .object(headers.map { ($0.name, .string($0.value)) })))
            if let text = String(validating: body, as: UTF8.self) {
                fields.append(("body", .string(text)))
            } else {
                fields.append(("bodyBase64", .string(Base64.encode(body))))
            }
        case .failure(let kind, let message):
            fields.append(("error", .object([("kind", .string(kind)), ("message", .string(message))])))
        }
        return .object(fields)
    }

    /// Reads a cassette written by `encoded()`; anything else is a `CassetteError` saying what
    /// and where (a cut-short file, a field of the wrong type, a URL that is not http(s)).
    public init(decoding bytes: [UInt8]) throws(CassetteError) {
        let document = try CassetteJSON.parse(bytes)
        guard document["format"]?.string == Self.format else {
            throw CassetteError("not a Rove recording (no \"format\": \"\(Self.format)\")")
        }
        guard document["version"]?.int == Self.version else {
            throw CassetteError("recording version \(document["version"]?.text ?? "none") is not \(Self.version)")
        }
        var connections: [String: [String: String]] = [:]
        if case .object(let named)? = document["connections"] {
            for (name, settings) in named {
                guard case .object(let pairs) = settings else { throw CassetteError("connection '\(name)' is not an object") }
                var values: [String: String] = [:]
                for (key, value) in pairs {
                    guard let text = value.string else { throw CassetteError("connection '\(name)': '\(key)' is not text") }
                    values[key] = text
                }
                if let url = values["url"], !Self.isWebURL(url) {
                    throw CassetteError("connection '\(name)': '\(url)' is not an http:// or https:// URL")
                }
                connections[name] = values
            }
        }
        guard case .array(let items)? = document["exchanges"] else { throw CassetteError("no \"exchanges\" list") }
        var exchanges: [Exchange] = []
        // Two answers to the same request and occurrence would leave one unused, silently.
        var seen: Set<[String]> = []
        for (index, item) in items.enumerated() {
            let exchange = try Self.exchange(from: item, number: index + 1)
            let key = [exchange.method, exchange.url, exchange.requestBody ?? "", String(exchange.occurrence)]
            guard seen.insert(key).inserted else {
                throw CassetteError("exchange \(index + 1) repeats \(exchange.method) \(exchange.url) (occurrence \(exchange.occurrence)); number repeats with \"occurrence\"")
            }
            exchanges.append(exchange)
        }
        self.init(connections: connections, exchanges: exchanges)
    }

    private static func exchange(from item: CassetteJSON, number: Int) throws(CassetteError) -> Exchange {
        func fail(_ message: String) -> CassetteError { CassetteError("exchange \(number): \(message)") }
        guard let method = item["method"]?.string, !method.isEmpty else { throw fail("no \"method\"") }
        guard let url = item["url"]?.string, isWebURL(url) else { throw fail("\"url\" is not an http:// or https:// URL") }
        let requestBody: String?
        switch item["requestBody"] {
        case nil, .null?: requestBody = nil
        case .string(let text)?: requestBody = text
        case .some: throw fail("\"requestBody\" is not text")
        }
        let occurrence = item["occurrence"].map { $0.int } ?? 0
        guard let occurrence, occurrence >= 0 else { throw fail("\"occurrence\" is not a count") }
        if let error = item["error"] {
            guard let kind = error["kind"]?.string, TransportError.Kind(named: kind) != nil,
                  let message = error["message"]?.string else { throw fail("\"error\" needs a known \"kind\" and a \"message\"") }
            return Exchange(method: method, url: url, requestBody: requestBody, occurrence: occurrence,
                            outcome: .failure(kind: kind, message: message))
        }
        guard let status = item["status"]?.int, (100..<600).contains(status) else { throw fail("\"status\" is not an HTTP status") }
        var headers: [Header] = []
        if case .object(let pairs)? = item["headers"] {
            for (name, value) in pairs {
                guard let text = value.string else { throw fail("header '\(name)' is not text") }
                headers.append(Header(name: name.lowercased(), value: text))
            }
        }
        let body: [UInt8]
        if let text = item["body"]?.string {
            body = Array(text.utf8)
        } else if let encoded = item["bodyBase64"]?.string {
            guard let bytes = Base64.decode(encoded) else { throw fail("\"bodyBase64\" is not base64") }
            body = bytes
        } else {
            body = []
        }
        return Exchange(method: method, url: url, requestBody: requestBody, occurrence: occurrence,
                        outcome: .response(status: status, headers: headers, body: body))
    }

    static func isWebURL(_ url: String) -> Bool {
        Origin(url: url) != nil
    }
}

extension TransportError.Kind {
    /// The kind's name in a cassette.
    var name: String {
        switch self {
        case .connection: return "connection"
        case .timeout: return "timeout"
        case .cancelled: return "cancelled"
        case .tls: return "tls"
        case .invalid: return "invalid"
        case .tooLarge: return "tooLarge"
        }
    }

    init?(named name: String) {
        let kinds: [TransportError.Kind] = [.connection, .timeout, .cancelled, .tls, .invalid, .tooLarge]
        guard let kind = kinds.first(where: { $0.name == name }) else { return nil }
        self = kind
    }
}
