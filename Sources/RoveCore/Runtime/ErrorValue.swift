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

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        switch name {
        case "message": return .string(diagnostic.message)
        case "kind": return .string(diagnostic.kind.name)
        case "value": return diagnostic.value ?? .string(diagnostic.message)
        case "line": return diagnostic.location.map { .int($0.line) } ?? .null
        case "file": return diagnostic.location.map { .string($0.file.name) } ?? .null
        default: return diagnostic.fields[name] ?? .null
        }
    }

    public func describe(in interpreter: Interpreter) -> String { "error: \(diagnostic.message)" }

    public func data(in interpreter: Interpreter) throws -> Value? {
        var fields: Fields = ["kind": .string(diagnostic.kind.name), "message": .string(diagnostic.message)]
        if let value = diagnostic.value { fields["value"] = value }
        for (key, value) in diagnostic.fields { fields[key] = value }
        return .object(fields)
    }

    public func completions(in interpreter: Interpreter) -> [String] {
        ["message", "kind", "value", "line", "file"] + diagnostic.fields.keys
    }
}
