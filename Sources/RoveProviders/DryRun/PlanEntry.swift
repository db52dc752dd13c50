// One write a dry run stopped: what would have been sent, and what it would change.

import RoveCore

/// A request the dry run did not send (`DryRun`). Everything here is already redacted: the URL
/// by the connection's redactor, the body with `secret(...)` values masked and every
/// registered credential masked in its text.
public struct PlanEntry {
    /// The connection's name: `octopus`, `deployhq`, or a script's `connect(...)`.
    public var connection: String
    public var method: String
    public var url: String
    /// The body as JSON text, redacted; nil when the request had none.
    public var body: String?
    /// The placeholder the stand-in answer carries, when the write would create something.
    public var placeholder: String?
    /// For a PUT or PATCH of a resource the script read: what it changed, field by field.
    public var changes: [FieldChange]?
}

/// One field a save would change. `path` names it from the document's top, `Steps[2].Name`.
public struct FieldChange: Equatable {
    public enum Kind: String {
        case added, removed, changed
    }

    public var path: String
    public var kind: Kind
    /// The old and new values as redacted JSON text; nil on the side where the field is absent.
    public var before: String?
    public var after: String?
}
