// One connection to an API: its base URL, credentials and HTTP client, and JSON in and out.

import RoveCore
import RoveHTTP

/// Everything the object model needs to talk to one server: where it is, how to authenticate,
/// and how to turn bodies into values. Resources and collections keep a reference to theirs.
public final class Connection {
    /// `octopus`, or the name a script gave `connect(...)`; used in messages.
    public let name: String
    /// The base URL without a trailing slash, such as `https://octopus.example.com` or one
    /// with a virtual directory, `https://example.com/octopus`.
    public let baseURL: String
    /// Masks this connection's credentials wherever text is written out.
    public let redactor: Redactor
    /// The only origin this connection's credentials and bodies are sent to: a link elsewhere
    /// is refused, and so is a redirect elsewhere (`RedirectRule`).
    public let origin: Origin
    /// The largest response body accepted; nil for the transport's default.
    public let maxResponseBytes: Int?
    /// Makes the shared HTTP client on first use, so a script that never touches the
    /// connection never loads libcurl (that load is most of a configured start-up).
    private let makeClient: () throws -> HTTPClient
    /// Sent with every request: credentials and `Accept`.
    let headers: [(name: String, value: String)]
    /// Decodes bodies and encodes requests; the interpreter owns the connection through its globals.
    unowned let interpreter: Interpreter
    /// Where `wait()` shows progress: set when stderr is a terminal, nil otherwise.
    let progress: TaskProgress?
    /// Under `rove --dry-run`, the plan writes go to instead of the server (`plannedAnswer`).
    let plan: DryRun?
    /// How the roots made on this connection read documents; a dry run's stand-ins are
    /// written in it. Set by the root, since the dialect belongs to the API, not the transport.
    var dialect: Dialect?
    /// Told of every write attempt and its outcome: the host's audit journal, when it keeps one.
    /// A dry run's planned writes are never attempted, so the plan, not the journal, holds them.
    let journal: ((WriteAttempt) -> Void)?

    init(name: String, baseURL: String, headers: [(name: String, value: String)], redactor: Redactor,
         maxResponseBytes: Int?, client: @escaping () throws -> HTTPClient, interpreter: Interpreter,
         progress: TaskProgress?, plan: DryRun? = nil, journal: ((WriteAttempt) -> Void)? = nil) throws {
        self.journal = journal
        guard let origin = Origin(url: baseURL) else {
            throw Diagnostic(.value, "\(name): '\(redactor.redact(url: baseURL))' is not an http:// or https:// URL with a host")
        }
        self.origin = origin
        self.maxResponseBytes = maxResponseBytes
        self.progress = progress
        self.plan = plan
        self.name = name
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.headers = headers
        self.redactor = redactor
        self.makeClient = client
        self.interpreter = interpreter
    }

    /// The absolute URL of `link`. Octopus links are paths from the host root (`/api/…`); `~/`
    /// means the base URL itself, which matters when the server lives in a virtual directory.
    public func url(for link: String) -> String {
        if link.hasPrefix("http://") || link.hasPrefix("https://") { return link }
        if link.hasPrefix("~/") { return baseURL + link.dropFirst() }
        if link.hasPrefix("/") { return hostRoot + link }
        return baseURL + "/" + link
    }

    /// The HTTP client requests go through.
    public func client() throws -> HTTPClient {
        try makeClient()
    }

    /// `scheme://host[:port]` of the base URL, as written there.
    private var hostRoot: String {
        let parts = baseURL.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        // ["https:", "", "host:port", "virtual/dir"]
        guard parts.count == 4 else { return baseURL }
        return parts[0...2].joined(separator: "/")
    }

    // MARK: Requests

    /// GETs the JSON document at `link`.
    public func document(at link: String) throws -> Value {
        try documents(at: [link])[0]
    }

    /// GETs several JSON documents at once (planned paging), in order.
    ///
    /// A 200 whose body is not JSON (a proxy's error page, a cut-short body that still parsed
    /// as text) is fetched again, since a GET is safe to repeat; after that it is a `network`
    /// error naming the URL, never a value quietly missing its items.
    public func documents(at links: [String]) throws -> [Value] {
        if plan != nil {
            let planned = try links.map { try plannedAnswer("GET", $0, body: nil) }
            if planned.contains(where: { $0 != nil }) {
                // Some are only planned: those are answered from the plan, the rest one by one.
                return try zip(links, planned).map { link, answer in
                    try answer.map { $0.value ?? .null } ?? documents(at: [link])[0]
                }
            }
        }
        var results = [Value?](repeating: nil, count: links.count)
        var attempt = 0
        while true {
            attempt += 1
            let open = results.indices.filter { results[$0] == nil }
            if open.isEmpty { return results.map { $0! } }
            let responses = try send(open.map { request("GET", links[$0]) })
            var unreadable: [Int] = []
            for (position, index) in open.enumerated() {
                if let value = try? interpreter.decodeJSON(responses[position].body) {
                    results[index] = value
                } else {
                    unreadable.append(index)
                }
            }
            if !unreadable.isEmpty && attempt >= Self.unreadableAttempts {
                let url = redactor.redact(url: url(for: links[unreadable[0]]))
                var diagnostic = Diagnostic(.network, "the response to GET \(url) is not valid JSON (after \(attempt) attempts)")
                diagnostic.fields["method"] = "GET"
                diagnostic.fields["url"] = .string(url)
                throw diagnostic
            }
        }
    }

    static let unreadableAttempts = 3

    /// GETs `link` as text (task logs are `text/plain`).
    public func text(at link: String) throws -> String {
        // A planned task has no log yet.
        if try plannedAnswer("GET", link, body: nil) != nil { return "" }
        let response = try send([request("GET", link, accept: "text/plain, */*")])[0]
        return String(decoding: response.body, as: UTF8.self)
    }

    /// Sends `method` to `link` with `body` as JSON; returns the decoded answer, or nil for an
    /// empty one (Octopus answers some DELETEs with nothing).
    @discardableResult
    public func send(_ method: String, to link: String, body: Value?) throws -> Value? {
        try send(method, to: link, body: body, replacing: nil)
    }

    /// `send(_:to:body:)` for a save of a resource: under a dry run, `edit` is what the plan
    /// shows the PUT would change.
    func send(_ method: String, to link: String, body: Value?, replacing edit: ResourceEdit?) throws -> Value? {
        if let planned = try plannedAnswer(method, link, body: body, replacing: edit) { return planned.value }
        let response = try exchange(method, link, body: body)
        if Self.isBlank(response.body) { return nil }
        do {
            return try interpreter.decodeJSON(response.body)
        } catch {
            // The request was carried out; only its answer is unreadable. Say so, don't resend.
            let url = redactor.redact(url: url(for: link))
            throw Diagnostic(.network, "the response to \(method) \(url) is not valid JSON; the request may have taken effect")
        }
    }

    /// Sends `method` to `link` and answers with what came back: the decoded JSON, the text
    /// when the body is not JSON (a log, a CSV export), nil when it is empty. For raw requests,
    /// whose answers may be anything.
    public func answer(to method: String, at link: String, body: Value?) throws -> Value {
        if let planned = try plannedAnswer(method, link, body: body) { return planned.value ?? .null }
        let response = try exchange(method, link, body: body)
        if Self.isBlank(response.body) { return .null }
        if let value = try? interpreter.decodeJSON(response.body) { return value }
        return .string(String(decoding: response.body, as: UTF8.self))
    }

    private func exchange(_ method: String, _ link: String, body: Value?) throws -> HTTPResponse {
        var encoded: [UInt8]?
        if let body { encoded = Array(try interpreter.encodeJSON(revealingSecrets(in: body), pretty: false).utf8) }
        return try send([request(method, link, body: encoded)])[0]
    }

    /// Sends `requests` through the shared client; its failures become the errors scripts
    /// catch, with what the vendor's error body says. Every request of every provider passes
    /// here, so the policy's methods are checked here, for the whole batch before any of it
    /// is sent (`rove --read-only`).
    private func send(_ requests: [HTTPRequest]) throws -> [HTTPResponse] {
        guard let journal, requests.contains(where: { !$0.onlyReads }) else { return try sendUnjournaled(requests) }
        let started = interpreter.host.now()
        do {
            let responses = try sendUnjournaled(requests)
            for (request, response) in zip(requests, responses) where !request.onlyReads {
                journal(attempt(request, started: started, status: response.status, error: nil,
                                created: createdID(in: response.body)))
            }
            return responses
        } catch {
            let diagnostic = error as? Diagnostic
            var status: Int?
            if case .int(let code)? = diagnostic?.fields["status"] { status = code }
            for request in requests where !request.onlyReads {
                journal(attempt(request, started: started, status: status,
                                error: redactor.redact(diagnostic?.message ?? "\(error)"), created: nil))
            }
            throw error
        }
    }

    private func sendUnjournaled(_ requests: [HTTPRequest]) throws -> [HTTPResponse] {
        for request in requests { try interpreter.policy.checkMethod(of: request, redactor: redactor) }
        if plan != nil, let write = requests.first(where: { !$0.onlyReads }) {
            // Every write is planned before it gets here; one that was not is a bug, and a
            // dry run must never send it.
            throw Diagnostic(.denied, "dry run: \(write.method) \(redactor.redact(url: write.url)) was about to be sent")
        }
        let client = try client()
        do {
            return try client.send(requests)
        } catch {
            throw Diagnostic(error, redactor: redactor, interpreter: interpreter)
        }
    }

    private func attempt(_ request: HTTPRequest, started: Double, status: Int?, error: String?,
                         created: String?) -> WriteAttempt {
        let masked = request.body.map { Array(redactor.redact(String(decoding: $0, as: UTF8.self)).utf8) }
        let site = interpreter.hostCallSite
        return WriteAttempt(connection: name, method: request.method, url: redactor.redact(url: request.url),
                            bodyBytes: request.body?.count ?? 0, bodyDigest: masked.map(sha256Hex),
                            status: status, error: error, duration: max(0, interpreter.host.now() - started),
                            created: created.map { redactor.redact($0) },
                            location: site.map { "\($0.file.name):\($0.line)" })
    }

    /// The `Id` of the object an answer describes, if it is one: what a write created or queued.
    private func createdID(in body: [UInt8]) -> String? {
        guard !Self.isBlank(body), case .object(let fields)? = try? interpreter.decodeJSON(body) else { return nil }
        switch fields["Id"] ?? fields["id"] ?? fields["identifier"] {
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .null?, .bool?, .float?, .list?, .object?, .function?, .host?, nil: return nil
        }
    }

    private static func isBlank(_ body: [UInt8]) -> Bool {
        body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    private func request(_ method: String, _ link: String, body: [UInt8]? = nil,
                         accept: String = "application/json") -> HTTPRequest {
        var fields = headers
        fields.append((name: "Accept", value: accept))
        if body != nil { fields.append((name: "Content-Type", value: "application/json")) }
        return HTTPRequest(method: method, url: url(for: link), headers: fields, body: body,
                           origin: origin, maxResponseBytes: maxResponseBytes)
    }

    /// `body` with every `secret(...)` replaced by its text, each one registered with the
    /// redactor first so traces and errors still show `•••`.
    func revealingSecrets(in body: Value) -> Value {
        switch body {
        case .host(let object):
            guard let secret = object as? Secret else { return body }
            redactor.register(secret: secret.revealed)
            return .string(secret.revealed)
        case .list(let items):
            return .list(items.map(revealingSecrets))
        case .object(let fields):
            var revealed = fields
            for (key, value) in fields { revealed[key] = revealingSecrets(in: value) }
            return .object(revealed)
        case .null, .bool, .int, .float, .string, .function:
            return body
        }
    }
}
