// The value `catch e` binds: a caught Diagnostic, with its kind, message and extra fields.

/// A caught error as scripts see it: `e.message`, `e.kind`, `e.value`, `e.line`, and for HTTP
/// errors `e.status`, `e.method`, `e.url`, `e.body`.
public final class ErrorValue: HostObject {
    /// Changed only as the error dies (see `deinit`).
    public private(set) var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    deinit {
        // `throw {cause: e}` caught and thrown again a million times is a chain of errors.
        if var value = diagnostic.value {
            diagnostic.value = nil
            Dismantling.release(&value)
        }
    }

    public var typeName: String { "error" }

    /// Dispatch, completion and help read this table; other names read the diagnostic's own
    /// fields (`status`, `url`, … of an HTTP error), nil when it has none.
    static let members = HostMembers<ErrorValue>([
        .property("message", doc: "message — what went wrong, as the report says it") { error, _ in .string(error.diagnostic.message) },
        .property("kind", doc: "kind — the kind of error: name, type, argument, http, task, …") { error, _ in
            .string(error.diagnostic.kind.name)
        },
        .property("value", doc: "value — the value thrown (throw {…}), else the message") { error, _ in
            error.diagnostic.value ?? .string(error.diagnostic.message)
        },
        .property("line", doc: "line — the line it happened on, or nil") { error, _ in error.diagnostic.location.map { .int($0.line) } ?? .null },
        .property("file", doc: "file — the file it happened in, or nil") { error, _ in
            error.diagnostic.location.map { .string($0.file.name) } ?? .null
        },
    ])

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        try Self.members.read(name, of: self, in: interpreter) ?? diagnostic.fields[name] ?? .null
    }

    public func describe(in interpreter: Interpreter) -> String { "error: \(diagnostic.message)" }

    public func data(in interpreter: Interpreter) throws -> Value? {
        var fields: Fields = ["kind": .string(diagnostic.kind.name), "message": .string(diagnostic.message)]
        if let value = diagnostic.value { fields["value"] = value }
        for (key, value) in diagnostic.fields { fields[key] = value }
        return .object(fields)
    }

    public func completions(in interpreter: Interpreter) -> [String] {
        Self.members.names + diagnostic.fields.keys
    }

    public func help(in interpreter: Interpreter) throws -> HelpTopic? {
        HelpTopic(title: describe(in: interpreter),
                  sections: [HelpTopic.Section("Members", Self.members.helpEntries),
                             HelpTopic.Section("Fields of this error", diagnostic.fields.keys.map { HelpTopic.Entry(name: $0) })])
    }
}
