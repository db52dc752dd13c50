// Turns a final error response or transport failure into the Diagnostic scripts catch.

import RoveCore

extension ErrorKind {
    /// A response with a non-2xx status; `e.status`, `e.method`, `e.url`, `e.body` say which.
    public static let http = ErrorKind("http")
    /// No response: the connection failed or broke, or TLS failed.
    public static let network = ErrorKind("network")
    /// No response in time.
    public static let timeout = ErrorKind("timeout")
}

/// Builds the diagnostics of failed requests, redacting everything they quote.
struct HTTPFailure {
    let redactor: Redactor
    /// Decodes JSON error bodies; made on first use, since most runs never see an error body.
    let decodeJSON: ([UInt8]) -> Value?

    /// `HTTP 404 Not Found: GET https://host/api/x: <what the body says>`, with fields
    /// `status`, `method`, `url` and `body` (parsed JSON, or the text when it is not JSON).
    func diagnostic(for response: HTTPResponse, to request: HTTPRequest) -> Diagnostic {
        let method = request.method.uppercased()
        let url = redactor.redact(url: request.url)
        let body: Value
        if response.body.isEmpty {
            body = .null
        } else if let json = decodeJSON(response.body) {
            body = redactor.redact(value: json)
        } else {
            body = .string(redactor.redact(String(decoding: response.body, as: UTF8.self)))
        }
        var message = Self.statusLine(response.status) + ": \(method) \(url)"
        if let detail = Self.detail(of: body) { message += ": " + detail }
        var diagnostic = Diagnostic(.http, message)
        diagnostic.fields["status"] = .int(response.status)
        diagnostic.fields["method"] = .string(method)
        diagnostic.fields["url"] = .string(url)
        diagnostic.fields["body"] = body
        if case .object(let fields) = body {
            for key in ["error_code", "hint"] {
                if let text = Self.text(fields[key]) { diagnostic.fields[key] = .string(text) }
            }
            if let errors = Self.fieldMessages(of: fields) { diagnostic.fields["errors"] = errors }
        }
        return diagnostic
    }

    /// Validation messages by field, as `e.errors`: `{"name": ["can't be blank"]}` as sent, and
    /// messages about the whole object (`{"errors": [...]}`, `{"base": [...]}`) under `base`.
    static func fieldMessages(of fields: Fields) -> Value? {
        let general = texts(fields["Errors"]) + texts(fields["errors"])
        if !general.isEmpty { return .object(["base": .list(general.map(Value.string))]) }
        var byField: Fields = [:]
        for (key, value) in fields {
            guard let messages = nonEmptyTexts(value) else { continue }
            byField[key] = .list(messages.map(Value.string))
        }
        return byField.isEmpty ? nil : .object(byField)
    }

    /// `network`, `timeout` or `interrupted` for a request that got no response, naming the
    /// method and redacted URL, and how many attempts were made when more than one.
    func diagnostic(for error: TransportError, to request: HTTPRequest, attempts: Int) -> Diagnostic {
        let method = request.method.uppercased()
        let url = redactor.redact(url: request.url)
        let kind: ErrorKind
        let what: String
        switch error.kind {
        case .connection: (kind, what) = (.network, "network error")
        case .timeout: (kind, what) = (.timeout, "timed out")
        case .tls: (kind, what) = (.network, "tls error")
        // The server sent more than the caps allow; a transport failure like a broken body.
        case .tooLarge: (kind, what) = (.network, "response too large")
        case .cancelled: (kind, what) = (.interrupted, "interrupted")
        // A malformed request is the script's mistake, not the network's: exit 1, not 5.
        case .invalid: (kind, what) = (.value, "invalid request")
        }
        var message = "\(what): \(method) \(url)"
        let reason = redactor.redact(error.message)
        if !reason.isEmpty { message += ": " + reason }
        if attempts > 1 { message += " (after \(attempts) attempts)" }
        var diagnostic = Diagnostic(kind, message)
        diagnostic.fields["method"] = .string(method)
        diagnostic.fields["url"] = .string(url)
        return diagnostic
    }

    // MARK: Refused requests and redirects

    /// A request, or the redirect `redirect` answered it with, that would go to `target`, off
    /// the origin `bound` its credentials belong to: `origin`, naming both origins.
    func crossOrigin(_ request: HTTPRequest, target: Origin, bound: Origin,
                     redirect: HTTPResponse? = nil, location: String? = nil) -> Diagnostic {
        let method = request.method.uppercased()
        let url = redactor.redact(url: request.url)
        let why = bound.isSecure && !target.isSecure && bound.host == target.host
            ? "from https to plain http" : "to \(target), another origin than \(bound)"
        var message: String
        if let redirect, let location {
            message = "refused a redirect \(why): \(method) \(url) answered \(Self.statusLine(redirect.status))"
                + " with \(redactor.redact(url: location))"
            if !RedirectRule.repeats(request, after: redirect.status) { message += "; the request may have taken effect" }
        } else {
            message = "refused to send \(method) \(url): it leads \(why)"
        }
        message += "; credentials go only to the origin they were configured for"
        var diagnostic = Diagnostic(.origin, message)
        diagnostic.fields["method"] = .string(method)
        diagnostic.fields["url"] = .string(url)
        diagnostic.fields["origin"] = .string(bound.description)
        diagnostic.fields["target"] = .string(target.description)
        if let location { diagnostic.fields["location"] = .string(redactor.redact(url: location)) }
        return diagnostic
    }

    /// A redirect the client will not follow on the same origin: `http`, with the 3xx status,
    /// so the exit code is an HTTP one.
    func redirect(_ response: HTTPResponse, to request: HTTPRequest, location: String, why: String) -> Diagnostic {
        var diagnostic = self.diagnostic(for: response, to: request)
        let target = redactor.redact(url: location)
        diagnostic.message = "\(Self.statusLine(response.status)): \(request.method.uppercased())"
            + " \(redactor.redact(url: request.url)) redirects to \(target): \(why)"
        diagnostic.fields["location"] = .string(target)
        return diagnostic
    }

    /// `HTTP 302 Found`.
    static func statusLine(_ status: Int) -> String {
        reasonPhrases[status].map { "HTTP \(status) \($0)" } ?? "HTTP \(status)"
    }

    // MARK: What error bodies say

    /// One line from an error document: Octopus `ErrorMessage` and `Errors`, DeployHQ `error`,
    /// `error_code` and `hint`, field-keyed validation errors (`{"name": ["is taken"]}`), a
    /// generic `message` or `errors`, or a short plain-text body. Nil when there is nothing
    /// worth quoting (an HTML error page, an empty body).
    static func detail(of body: Value) -> String? {
        switch body {
        case .string(let text):
            let line = ClientText.trimmed(text)
            guard !line.isEmpty, !line.hasPrefix("<"), !line.contains("\n"), line.count <= 200 else { return nil }
            return line
        case .object(let fields):
            if let summary = text(fields["ErrorMessage"]) ?? text(fields["error"]) ?? text(fields["message"]) {
                var detail = summary
                if let code = text(fields["error_code"]) { detail += " (\(code))" }
                let errors = texts(fields["Errors"]) + texts(fields["errors"])
                if !errors.isEmpty, errors != [summary] { detail += " — " + errors.joined(separator: "; ") }
                if let hint = text(fields["hint"]) { detail += "; hint: " + hint }
                return detail
            }
            let errors = texts(fields["Errors"]) + texts(fields["errors"])
            if !errors.isEmpty { return errors.joined(separator: "; ") }
            if case .object(let nested)? = fields["errors"] { return fieldErrors(nested) }
            return fieldErrors(fields)
        case .null, .bool, .int, .float, .list, .function, .host:
            return nil
        }
    }

    /// `name can't be blank; permalink is taken` from `{"name": ["can't be blank"], ...}`; nil
    /// unless every value is a string or a list of strings.
    private static func fieldErrors(_ fields: Fields) -> String? {
        var parts: [String] = []
        for (key, value) in fields {
            guard let messages = text(value).map({ [$0] }) ?? nonEmptyTexts(value) else { return nil }
            parts += messages.map { "\(key) \($0)" }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    private static func text(_ value: Value?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let trimmed = ClientText.trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The strings of a list, or of `[{"message": ...}]` lists some APIs use.
    private static func texts(_ value: Value?) -> [String] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { item in
            if case .object(let fields) = item { return text(fields["message"]) ?? text(fields["Message"]) }
            return text(item)
        }
    }

    private static func nonEmptyTexts(_ value: Value) -> [String]? {
        guard case .list(let items) = value, !items.isEmpty else { return nil }
        let strings = items.compactMap { text($0) }
        return strings.count == items.count ? strings : nil
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
