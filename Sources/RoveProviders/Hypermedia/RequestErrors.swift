// The HTTP client's errors as the errors scripts catch: the one place they become Diagnostics.

import RoveCore
import RoveHTTP

extension ErrorKind {
    /// A response with a non-2xx status; `e.status`, `e.method`, `e.url`, `e.body` say which.
    public static let http = ErrorKind("http")
    /// No response: the connection failed or broke, or TLS failed.
    public static let network = ErrorKind("network")
    /// No response in time.
    public static let timeout = ErrorKind("timeout")
    /// A request or redirect would take a connection's credentials or body to another origin
    /// (or from https to http), so it was not sent. Exit code 8, denied by the trust rules.
    public static let origin = ErrorKind("origin")
}

extension Diagnostic {
    /// The error scripts catch for `error`, with the fields they read: `method` and `url`;
    /// for an answer `status`, `body` (parsed JSON, or the text when it is not JSON) and what
    /// the body says (`error_code`, `hint`, `errors`); `location` for a redirect; `origin` and
    /// `target` for a refusal to leave an origin.
    ///
    /// - Parameters:
    ///   - redactor: masks the credentials an error body echoes; the client's own texts are
    ///     already redacted.
    ///   - interpreter: reads JSON error bodies.
    public init(_ error: HTTPError, redactor: Redactor, interpreter: Interpreter) {
        self.init(Self.kind(of: error.kind), error.message)
        switch error.kind {
        case .status, .redirect:
            if let response = error.response {
                describe(answer: response, to: error, redactor: redactor, interpreter: interpreter)
            } else {
                addRequest(of: error)
            }
            if error.kind == .redirect, let location = error.location { fields["location"] = .string(location) }
        case .connection, .tls, .tooLarge, .timeout, .invalid, .interrupted:
            addRequest(of: error)
        case .origin:
            addRequest(of: error)
            if let origin = error.origin { fields["origin"] = .string(origin.description) }
            if let target = error.target { fields["target"] = .string(target.description) }
            if let location = error.location { fields["location"] = .string(location) }
        case .limit:
            // The run stops here and no `catch` sees it, so the message is all there is to read.
            break
        }
    }

    /// The language's kind for each way the client fails.
    static func kind(of kind: HTTPError.Kind) -> ErrorKind {
        switch kind {
        case .status, .redirect: return .http
        // A body past the caps is a transport failure like a broken one.
        case .connection, .tls, .tooLarge: return .network
        case .timeout: return .timeout
        // A malformed request is the script's mistake, not the network's: exit 1, not 5.
        case .invalid: return .value
        case .interrupted: return .interrupted
        case .origin: return .origin
        case .limit: return .limit
        }
    }

    /// `method` and `url`, when the error names a request (a stop between requests does not).
    private mutating func addRequest(of error: HTTPError) {
        if let method = error.method { fields["method"] = .string(method) }
        if let url = error.url { fields["url"] = .string(url) }
    }

    /// The fields of a final answer, and for a `status` error what its body says, appended to
    /// the message: `HTTP 404 Not Found: GET https://host/api/x: Project not found`.
    private mutating func describe(answer response: HTTPResponse, to error: HTTPError, redactor: Redactor,
                                   interpreter: Interpreter) {
        let body: Value
        if response.body.isEmpty {
            body = .null
        } else if let json = try? interpreter.decodeJSON(response.body) {
            body = redactor.redact(value: json)
        } else {
            body = .string(redactor.redact(String(decoding: response.body, as: UTF8.self)))
        }
        // A redirect's message says where it pointed instead; its body is rarely more than a link.
        if error.kind == .status, let detail = ErrorBody.detail(of: body) { message += ": " + detail }
        fields["status"] = .int(response.status)
        addRequest(of: error)
        fields["body"] = body
        if case .object(let members) = body {
            for key in ["error_code", "hint"] {
                if let text = ErrorBody.text(members[key]) { fields[key] = .string(text) }
            }
            if let errors = ErrorBody.fieldMessages(of: members) { fields["errors"] = errors }
        }
    }
}

extension Redactor {
    /// `value` with every string in it, keys included, redacted: for parsed error bodies.
    public func redact(value: Value) -> Value {
        switch value {
        case .string(let text): return .string(redact(text))
        case .list(let items): return .list(items.map { redact(value: $0) })
        case .object(let fields):
            var copy = Fields()
            for (key, item) in fields { copy[redact(key)] = redact(value: item) }
            return .object(copy)
        case .null, .bool, .int, .float, .function, .host: return value
        }
    }
}
