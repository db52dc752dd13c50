// One write a connection sent and what came of it: what a host's audit journal records.

/// A POST, PUT, PATCH or DELETE as it left and ended, with nothing secret in it: the URL is
/// masked and the body is only counted and digested (its digest is of the masked body, so it
/// can be checked against a recording and says nothing about a secret).
public struct WriteAttempt {
    /// The connection's name: `octopus`, `deployhq`, or the one `connect(...)` made.
    public var connection: String
    public var method: String
    /// Masked as `Redactor.redact(url:)` masks it.
    public var url: String
    public var bodyBytes: Int
    /// SHA-256 of the masked body, lowercase hex; nil when there was no body.
    public var bodyDigest: String?
    /// The final status; nil when no response came (a network failure, a refused request).
    public var status: Int?
    /// The error, masked, when the write failed.
    public var error: String?
    /// Seconds from sending to the outcome, retries included.
    public var duration: Double
    /// The `Id` of what the answer describes (a created resource, a queued task), if it has one.
    public var created: String?
    /// `file:line` of the call in the script that sent it, when the interpreter knows one.
    public var location: String?
}
