// A parsed RFC 6570 URI template (all four levels): parse once, expand with many sets of values.

/// An RFC 6570 URI template such as `/api/Spaces-1/projects{/id}{?name,skip,take}`.
///
/// Parsing checks the whole template against the RFC's grammar, so a malformed link fails
/// once, where it is read, and `expand` only has to check that values fit their expressions.
///
/// ```swift
/// let link = try URITemplate("/api/projects{/id}{?name}")
/// try link.expand(["id": "Projects-1"])            // "/api/projects/Projects-1"
/// try link.expand(["name": "refs/heads/x"])        // "/api/projects?name=refs%2Fheads%2Fx"
/// ```
public struct URITemplate: Sendable, Equatable, CustomStringConvertible {
    /// The template as written.
    public let text: String
    /// Literal runs (already percent-encoded where RFC 6570 §3.1 requires) and expressions.
    let parts: [Part]

    /// Parses `text`.
    ///
    /// - Throws: `URITemplateError` naming the template and the column of the first error.
    public init(_ text: String) throws(URITemplateError) {
        var parser = URITemplateParser(text)
        self.text = text
        self.parts = try parser.template()
    }

    /// The variable names the template uses, each once, in order of first appearance: what the
    /// REPL offers when completing a link's parameters.
    public var variableNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for part in parts {
            guard case .expression(let expression) = part else { continue }
            for variable in expression.variables where seen.insert(variable.name).inserted {
                names.append(variable.name)
            }
        }
        return names
    }

    /// Whether the template has no expressions, so it always expands to the same text.
    public var isLiteral: Bool {
        parts.allSatisfy { part in
            switch part {
            case .literal: return true
            case .expression: return false
            }
        }
    }

    /// Expands the template with `variables`; names it uses that `variables` lacks are
    /// undefined and drop out, with their operator's prefix and separator.
    ///
    /// - Throws: `URITemplateError` (phase `.expansion`) when a prefix modifier such as `{id:3}`
    ///   meets a list or an object, which RFC 6570 §2.4.1 does not define.
    public func expand(_ variables: [String: TemplateValue]) throws(URITemplateError) -> String {
        var expander = URITemplateExpander(template: text, variables: variables)
        return try expander.expand(parts)
    }

    public var description: String { text }

    public static func == (lhs: URITemplate, rhs: URITemplate) -> Bool { lhs.text == rhs.text }
}

extension URITemplate {
    /// One piece of a template.
    enum Part: Sendable {
        /// Text copied to every expansion, already in its encoded form.
        case literal(String)
        case expression(Expression)
    }

    /// `{` operator variable-list `}`.
    struct Expression: Sendable {
        let operation: Operator
        let variables: [VariableSpec]
    }

    /// One variable of an expression, with its modifier.
    struct VariableSpec: Sendable {
        /// As written, pct-encoded triplets included (`Some%20Thing`).
        let name: String
        let modifier: Modifier
        /// Where the name starts, for expansion errors.
        let column: Int
    }

    /// RFC 6570 §2.4 value modifiers.
    enum Modifier: Sendable, Equatable {
        case none
        /// `:n`: only the first `n` characters of a string value.
        case prefix(Int)
        /// `*`: each list item or object pair becomes its own element.
        case explode
    }

    /// RFC 6570 §2.2 operators and the expansion behaviour Appendix A tabulates for each.
    enum Operator: Sendable {
        case simple              // {var}
        case reserved            // {+var}
        case fragment            // {#var}
        case label               // {.var}
        case pathSegment         // {/var}
        case pathParameter       // {;var}
        case query               // {?var}
        case queryContinuation   // {&var}

        /// What the expansion starts with when at least one variable is defined.
        var first: String {
            switch self {
            case .simple, .reserved: return ""
            case .fragment: return "#"
            case .label: return "."
            case .pathSegment: return "/"
            case .pathParameter: return ";"
            case .query: return "?"
            case .queryContinuation: return "&"
            }
        }

        /// What goes between the expansions of defined variables (and exploded items).
        var separator: String {
            switch self {
            case .simple, .reserved, .fragment: return ","
            case .label: return "."
            case .pathSegment: return "/"
            case .pathParameter: return ";"
            case .query, .queryContinuation: return "&"
            }
        }

        /// Whether values appear as `name=value` pairs.
        var isNamed: Bool {
            switch self {
            case .pathParameter, .query, .queryContinuation: return true
            case .simple, .reserved, .fragment, .label, .pathSegment: return false
            }
        }

        /// What follows the name of a named variable whose value is empty: `;x` but `?x=`.
        var ifEmpty: String {
            switch self {
            case .query, .queryContinuation: return "="
            case .simple, .reserved, .fragment, .label, .pathSegment, .pathParameter: return ""
            }
        }

        /// Whether reserved characters and pct-encoded triplets pass unencoded.
        var allowsReserved: Bool {
            switch self {
            case .reserved, .fragment: return true
            case .simple, .label, .pathSegment, .pathParameter, .query, .queryContinuation: return false
            }
        }
    }
}
