// The one error URI templates raise: a malformed template, or a value its expression cannot take.

/// A URI template that could not be parsed or expanded, naming the template and the column.
///
/// Renders as `invalid URI template '/x{?a' at column 5: unclosed expression` when parsing fails
/// and as `cannot expand URI template '{keys:1}' at column 2: ...` when a value does not fit.
public struct URITemplateError: Error, Equatable, CustomStringConvertible {
    /// Which step failed: the template itself, or expanding it with particular values.
    public enum Phase: Equatable, Sendable {
        case parsing
        case expansion
    }

    public let phase: Phase
    /// The whole template text, as written.
    public let template: String
    /// 1-based, counted in Unicode scalars, so it matches what an editor shows for the template.
    public let column: Int
    /// Lowercase, no trailing period; quotes template text with '...'.
    public let reason: String

    public init(_ phase: Phase, template: String, column: Int, reason: String) {
        self.phase = phase
        self.template = template
        self.column = column
        self.reason = reason
    }

    public var description: String {
        switch phase {
        case .parsing:
            return "invalid URI template '\(template)' at column \(column): \(reason)"
        case .expansion:
            return "cannot expand URI template '\(template)' at column \(column): \(reason)"
        }
    }
}
