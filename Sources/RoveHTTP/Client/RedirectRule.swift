// Which redirects the client follows: the one origin check credentials pass, hop by hop.

/// Decides, for each answer and each request, whether it may go where it points. A request
/// carries credentials and perhaps a secret-bearing body for exactly one origin (scheme, host,
/// port; `HTTPRequest.origin`), so:
///
/// - a request whose URL is on another origin (an absolute link elsewhere) is not sent;
/// - a redirect is followed only to the same origin; elsewhere, or from https to http, it is
///   refused, with both origins named;
/// - GET and HEAD follow 301, 302, 303, 307 and 308 with the same method; other methods follow
///   only 307 and 308, with the same method and body, as those codes require. A 301, 302 or
///   303 answer to a write is reported as it is, never re-sent as a GET: the write may have
///   taken effect, and only the script can know what to do about it.
struct RedirectRule {
    /// The most redirects one request follows.
    let maxHops: Int
    let failures: HTTPFailure

    enum Step {
        /// Send this next: the same request at the new address.
        case follow(HTTPRequest)
        /// Fail with this.
        case refuse(HTTPError)
        /// Not a redirect to act on (300, 304, a 3xx without Location): the answer stands.
        case deliver
    }

    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Whether `request` may be repeated where a `status` redirect points: reads for every
    /// code, other methods only for 307 and 308. Any other write may already have taken effect.
    static func repeats(_ request: HTTPRequest, after status: Int) -> Bool {
        request.onlyReads || status == 307 || status == 308
    }

    /// The origin `request` is bound to.
    static func boundOrigin(of request: HTTPRequest) -> Origin? {
        request.origin ?? Origin(url: request.url)
    }

    /// Nil when `request`, whose URL is on `target`, may be sent; else why not.
    func refusal(toSend request: HTTPRequest, target: Origin?) -> HTTPError? {
        guard let bound = request.origin, let target, target != bound else { return nil }
        return failures.crossOrigin(request, target: target, bound: bound)
    }

    /// What follows `response`, the answer to the `attempts`th sending of `request` after
    /// `hops` redirects.
    func step(after response: HTTPResponse, to request: HTTPRequest, hops: Int, attempts: Int) -> Step {
        guard Self.redirectStatuses.contains(response.status), let location = response.header("location") else {
            return .deliver
        }
        guard let next = URLReference.resolve(location, against: request.url), let target = Origin(url: next) else {
            return .refuse(failures.redirect(response, to: request, location: location, attempts: attempts,
                                             why: "the location is not an http or https URL"))
        }
        if let bound = Self.boundOrigin(of: request), target != bound {
            return .refuse(failures.crossOrigin(request, target: target, bound: bound, redirect: response,
                                                location: next, attempts: attempts))
        }
        guard Self.repeats(request, after: response.status) else {
            return .refuse(failures.redirect(response, to: request, location: next, attempts: attempts,
                                             why: "a redirected \(request.method.uppercased()) is not re-sent, and it may have taken effect"))
        }
        guard hops < maxHops else {
            return .refuse(failures.redirect(response, to: request, location: next, attempts: attempts,
                                             why: "more than \(maxHops) redirects"))
        }
        var following = request
        following.url = next
        // Bound to where it started, so a later hop cannot carry it further.
        following.origin = Self.boundOrigin(of: request)
        return .follow(following)
    }
}
