// Secret text, such as an API key: usable by Swift hosts, never shown to a person.

/// A string that prints as `•••` everywhere a script or a person could see it: `print`, `str`,
/// interpolation, the REPL echo, `json(x)`, errors and traces. Only Swift code (a provider
/// putting a key in a request header) reads the text, through `revealed`.
public final class Secret: HostObject {
    /// What every rendering of a secret shows instead of its text.
    public static let mask = "•••"

    /// The secret text itself; for Swift hosts only, scripts cannot reach it.
    public let revealed: String

    public init(_ revealed: String) {
        self.revealed = revealed
    }

    public var typeName: String { "secret" }

    public func describe(in interpreter: Interpreter) -> String { Self.mask }

    /// The mask, not the text: `json(x)` and `--output` formats must not leak it either.
    public func data(in interpreter: Interpreter) throws -> Value? { .string(Self.mask) }

    /// Two secrets are equal when their texts are, so scripts can compare keys without seeing them.
    public func isEqual(to other: any HostObject) -> Bool {
        guard let other = other as? Secret else { return false }
        return revealed == other.revealed
    }
}

extension Interpreter {
    /// A new secret holding `text`, counted in `secretsMade` and reported to `secretMade`.
    func makeSecret(_ text: String) -> Value {
        secretsMade += 1
        secretMade?(text)
        return .host(Secret(text))
    }
}
