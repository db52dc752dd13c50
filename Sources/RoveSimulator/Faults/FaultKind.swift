// The faults rove-sim can inject, named as `--faults` spells them.

/// One kind of injected fault (DESIGN §5): what a flaky real server or the network in front of
/// it does to an answer.
public enum FaultKind: String, CaseIterable, Sendable {
    /// 503 in the service's error format, with `Retry-After` when the plan sets one.
    case serviceUnavailable = "503"
    /// 429 in the service's error format, with `Retry-After` when the plan sets one.
    case tooManyRequests = "429"
    /// 500 in the service's error format.
    case internalServerError = "500"
    /// The connection is dropped before any answer is written.
    case reset
    /// The head announces the full `Content-Length`, part of the body follows, then the
    /// connection closes.
    case truncate
    /// 200 labelled `application/json` whose body is an HTML error page, as a misconfigured
    /// proxy sends.
    case invalid
    /// The service answers, but a collection leaves out its `Page.Next` link.
    case nonext

    /// Every kind as a user types it, for error messages and help.
    static var spellings: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
