// Expansion of parsed expressions with values, following the algorithm of RFC 6570 Appendix A.

/// Expands a template's parts with one set of variables.
struct URITemplateExpander {
    /// The template text, for errors.
    let template: String
    let variables: [String: TemplateValue]
    private var out = ""

    init(template: String, variables: [String: TemplateValue]) {
        self.template = template
        self.variables = variables
    }

    mutating func expand(_ parts: [URITemplate.Part]) throws(URITemplateError) -> String {
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .expression(let expression): try expand(expression)
            }
        }
        return out
    }

    /// Undefined variables contribute nothing, not even a separator; the operator's `first`
    /// string appears only once something is defined (`{?a,b}` with neither is empty).
    private mutating func expand(_ expression: URITemplate.Expression) throws(URITemplateError) {
        let operation = expression.operation
        var isFirst = true
        for variable in expression.variables {
            guard let value = variables[variable.name], value.isDefined else { continue }
            out += isFirst ? operation.first : operation.separator
            isFirst = false
            switch value {
            case .string(let text):
                var text = text
                if case .prefix(let length) = variable.modifier {
                    // Prefixes count characters, not bytes, so `{greek:1}` keeps a whole 'α'.
                    text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(length)))
                }
                appendName(variable.name, ifEmpty: text.isEmpty, for: operation)
                out += encode(text, for: operation)
            case .list(let items):
                try rejectPrefix(on: variable, holding: value)
                if variable.modifier == .explode {
                    for (position, item) in items.enumerated() {
                        if position > 0 { out += operation.separator }
                        appendName(variable.name, ifEmpty: item.isEmpty, for: operation)
                        out += encode(item, for: operation)
                    }
                } else {
                    let joined = items.map { encode($0, for: operation) }.joined(separator: ",")
                    appendName(variable.name, ifEmpty: joined.isEmpty, for: operation)
                    out += joined
                }
            case .associative(let pairs):
                try rejectPrefix(on: variable, holding: value)
                if variable.modifier == .explode {
                    // Exploded, each key stands in for the variable's name: `?semi=%3B&dot=.`.
                    for (position, (key, item)) in pairs.enumerated() {
                        if position > 0 { out += operation.separator }
                        out += encode(key, for: operation)
                        out += operation.isNamed && item.isEmpty ? operation.ifEmpty : "="
                        out += encode(item, for: operation)
                    }
                } else {
                    let joined = pairs.map { key, item in
                        encode(key, for: operation) + "," + encode(item, for: operation)
                    }.joined(separator: ",")
                    appendName(variable.name, ifEmpty: false, for: operation)
                    out += joined
                }
            }
        }
    }

    /// For `;`, `?` and `&`: `name=`, or `name` plus the operator's empty form (`;x`, `?x=`).
    /// Names are copied as written: the grammar already limits them to URI-safe characters.
    private mutating func appendName(_ name: String, ifEmpty isEmpty: Bool, for operation: URITemplate.Operator) {
        guard operation.isNamed else { return }
        out += name
        out += isEmpty ? operation.ifEmpty : "="
    }

    private func encode(_ text: String, for operation: URITemplate.Operator) -> String {
        PercentEncoding.encode(text, allowReserved: operation.allowsReserved)
    }

    /// RFC 6570 §2.4.1: "Prefix modifiers are not applicable to variables that have composite
    /// values"; the conformance suite requires an error rather than a guess.
    private func rejectPrefix(on variable: URITemplate.VariableSpec, holding value: TemplateValue) throws(URITemplateError) {
        guard case .prefix(let length) = variable.modifier else { return }
        throw URITemplateError(.expansion, template: template, column: variable.column,
                               reason: "prefix ':\(length)' applies only to strings, and '\(variable.name)' is \(value.kindName)")
    }
}
