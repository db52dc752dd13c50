// Builds the HTTPError of each way a request fails, redacting everything it quotes.

/// Makes the errors of failed and refused requests, so every message names the method and a
/// redacted URL the same way.
struct HTTPFailure {
    let redactor: Redactor

    /// `HTTP 404 Not Found: GET https://host/api/x`: a final answer outside 2xx.
    func status(_ response: HTTPResponse, to request: HTTPRequest, attempts: Int) -> HTTPError {
        let (method, url) = names(of: request)
        return HTTPError(.status, HTTPError.statusLine(response.status) + ": \(method) \(url)",
                         method: method, url: url, response: response, attempts: attempts)
    }

    /// `network error`, `timed out`, `tls error`, `response too large`, `interrupted` or
    /// `invalid request` for a request that got no response, naming the method and redacted
    /// URL, and how many attempts were made when more than one.
    func transport(_ error: TransportError, to request: HTTPRequest, attempts: Int) -> HTTPError {
        let (method, url) = names(of: request)
        let kind: HTTPError.Kind
        let what: String
        switch error.kind {
        case .connection: (kind, what) = (.connection, "network error")
        case .timeout: (kind, what) = (.timeout, "timed out")
        case .tls: (kind, what) = (.tls, "tls error")
        case .tooLarge: (kind, what) = (.tooLarge, "response too large")
        case .cancelled: (kind, what) = (.interrupted, "interrupted")
        case .invalid: (kind, what) = (.invalid, "invalid request")
        }
        var message = "\(what): \(method) \(url)"
        let reason = redactor.redact(error.message)
        if !reason.isEmpty { message += ": " + reason }
        if attempts > 1 { message += " (after \(attempts) attempts)" }
        return HTTPError(kind, message, method: method, url: url, attempts: attempts)
    }

    // MARK: Refused requests and redirects

    /// A request, or the redirect `redirect` answered it with, that would go to `target`, off
    /// the origin `bound` its credentials belong to: `origin`, naming both origins.
    func crossOrigin(_ request: HTTPRequest, target: Origin, bound: Origin,
                     redirect: HTTPResponse? = nil, location: String? = nil, attempts: Int = 0) -> HTTPError {
        let (method, url) = names(of: request)
        let why = bound.isSecure && !target.isSecure && bound.host == target.host
            ? "from https to plain http" : "to \(target), another origin than \(bound)"
        var message: String
        let shownLocation = location.map { redactor.redact(url: $0) }
        if let redirect, let shownLocation {
            message = "refused a redirect \(why): \(method) \(url) answered \(HTTPError.statusLine(redirect.status))"
                + " with \(shownLocation)"
            if !RedirectRule.repeats(request, after: redirect.status) { message += "; the request may have taken effect" }
        } else {
            message = "refused to send \(method) \(url): it leads \(why)"
        }
        message += "; credentials go only to the origin they were configured for"
        return HTTPError(.origin, message, method: method, url: url, response: redirect, location: shownLocation,
                         origin: bound, target: target, attempts: attempts)
    }

    /// The request past the client's budget of `maxRequests`: `limit`.
    func limit(_ request: HTTPRequest, maxRequests: Int) -> HTTPError {
        let (method, url) = names(of: request)
        return HTTPError(.limit, "request limit reached: \(maxRequests) requests were allowed, and "
                         + "\(method) \(url) would be one more", method: method, url: url)
    }

    /// A redirect the client will not follow on the same origin: `redirect`, with the 3xx
    /// answer, so callers can treat it as the HTTP failure it is.
    func redirect(_ response: HTTPResponse, to request: HTTPRequest, location: String, attempts: Int,
                  why: String) -> HTTPError {
        let (method, url) = names(of: request)
        let target = redactor.redact(url: location)
        return HTTPError(.redirect, "\(HTTPError.statusLine(response.status)): \(method) \(url) redirects to \(target): \(why)",
                         method: method, url: url, response: response, location: target, attempts: attempts)
    }

    /// The method as messages show it, and the URL with its credentials masked.
    private func names(of request: HTTPRequest) -> (method: String, url: String) {
        (request.method.uppercased(), redactor.redact(url: request.url))
    }
}
