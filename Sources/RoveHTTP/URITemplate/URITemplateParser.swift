// The RFC 6570 §2 grammar: splits a template into encoded literals and expressions, or says where it breaks.

/// A recursive-descent parser over the template's Unicode scalars; columns count scalars.
struct URITemplateParser {
    private let text: String
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    /// template -> ( literals | expression )*
    mutating func template() throws(URITemplateError) -> [URITemplate.Part] {
        var parts: [URITemplate.Part] = []
        while let scalar = peek() {
            if scalar == "{" {
                parts.append(.expression(try expression()))
            } else {
                parts.append(.literal(try literals()))
            }
        }
        return parts
    }

    // MARK: Literals

    /// literals -> ( literal-char | pct-encoded )+, encoded as RFC 6570 §2.1 says: characters
    /// allowed in a URI are copied, any other character becomes its UTF-8 triplets (`café` ->
    /// `caf%C3%A9`). The suite copies `'` although the ABNF leaves it out, so the prose rules.
    private mutating func literals() throws(URITemplateError) -> String {
        var out: [UInt8] = []
        while let scalar = peek(), scalar != "{" {
            if scalar == "%" {
                try percentEncoded(in: "literal text", into: &out)
                continue
            }
            if scalar == "}" { throw error("'}' without a matching '{'") }
            if scalar.properties.generalCategory == .control {
                throw error("control character \(Self.quoted(scalar)) is not allowed in a URI template")
            }
            if scalar.isASCII, PercentEncoding.isUnreserved(UInt8(scalar.value)) || PercentEncoding.isReserved(UInt8(scalar.value)) {
                out.append(UInt8(scalar.value))
            } else {
                for byte in String(scalar).utf8 { PercentEncoding.appendTriplet(byte, to: &out) }
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// pct-encoded -> "%" HEXDIG HEXDIG, copied as written.
    private mutating func percentEncoded(in context: String, into out: inout [UInt8]) throws(URITemplateError) {
        guard index + 2 < scalars.count,
              Self.isHexDigit(scalars[index + 1]), Self.isHexDigit(scalars[index + 2]) else {
            throw error("'%' in \(context) must start a percent-encoded triplet such as '%20'")
        }
        for offset in 0...2 { out.append(UInt8(scalars[index + offset].value)) }
        index += 3
    }

    // MARK: Expressions

    /// expression -> "{" operator? variable-list "}"
    private mutating func expression() throws(URITemplateError) -> URITemplate.Expression {
        index += 1  // "{"
        let operation = try operatorIfAny()
        let variables = try variableList()
        index += 1  // "}", checked by variableList
        return URITemplate.Expression(operation: operation, variables: variables)
    }

    /// operator -> "+" | "#" | "." | "/" | ";" | "?" | "&"; the reserved "=" "," "!" "@" "|" fail.
    private mutating func operatorIfAny() throws(URITemplateError) -> URITemplate.Operator {
        guard let scalar = peek() else { throw unclosed() }
        let operation: URITemplate.Operator
        switch scalar {
        case "+": operation = .reserved
        case "#": operation = .fragment
        case ".": operation = .label
        case "/": operation = .pathSegment
        case ";": operation = .pathParameter
        case "?": operation = .query
        case "&": operation = .queryContinuation
        case "=", ",", "!", "@", "|":
            throw error("operator '\(scalar)' is reserved for future extensions of RFC 6570")
        default:
            return .simple
        }
        index += 1
        return operation
    }

    /// variable-list -> varspec ( "," varspec )*, ending at the closing "}" (not consumed).
    private mutating func variableList() throws(URITemplateError) -> [URITemplate.VariableSpec] {
        var variables: [URITemplate.VariableSpec] = []
        while true {
            variables.append(try variableSpec())
            guard let scalar = peek() else { throw unclosed() }
            switch scalar {
            case ",": index += 1
            case "}": return variables
            case "*" where variables.last?.modifier != .explode:
                // variableSpec takes one '*' itself, so one left over here follows a prefix.
                throw error("a variable cannot have both a prefix and '*'")
            default:
                throw error("expected ',' or '}' after '\(variables[variables.count - 1].name)', found \(Self.quoted(scalar))")
            }
        }
    }

    /// varspec -> varname ( ":" max-length | "*" )?
    private mutating func variableSpec() throws(URITemplateError) -> URITemplate.VariableSpec {
        let column = index + 1
        let name = try variableName()
        var modifier = URITemplate.Modifier.none
        if peek() == "*" {
            index += 1
            modifier = .explode
        } else if peek() == ":" {
            index += 1
            modifier = .prefix(try maxLength())
        }
        return URITemplate.VariableSpec(name: name, modifier: modifier, column: column)
    }

    /// varname -> varchar ( "."? varchar )*; varchar -> ALPHA | DIGIT | "_" | pct-encoded
    private mutating func variableName() throws(URITemplateError) -> String {
        var out: [UInt8] = []
        while true {
            guard let scalar = peek() else { throw unclosed() }
            if scalar == "%" {
                try percentEncoded(in: "a variable name", into: &out)
            } else if Self.isVariableCharacter(scalar) {
                out.append(UInt8(scalar.value))
                index += 1
            } else if out.isEmpty {
                if scalar == "}" { throw error("expected a variable name before '}'") }
                throw error("expected a variable name, found \(Self.quoted(scalar))")
            } else {
                return String(decoding: out, as: UTF8.self)
            }
            if peek() == "." {
                // A dot only joins two varchars: `{x.}` and `{x..y}` are errors, not names.
                guard let next = peek(offset: 1), next == "%" || Self.isVariableCharacter(next) else {
                    throw error("'.' in a variable name must be followed by a letter, digit, '_' or '%'")
                }
                out.append(UInt8(ascii: "."))
                index += 1
            }
        }
    }

    /// max-length -> %x31-39 0*3DIGIT: 1 to 9999, without leading zeros.
    private mutating func maxLength() throws(URITemplateError) -> Int {
        let start = index
        var digits = 0
        var value = 0
        while let scalar = peek(), ("0"..."9").contains(scalar) {
            value = value * 10 + Int(scalar.value - 48)
            digits += 1
            index += 1
            if digits > 4 { break }
        }
        guard digits >= 1, digits <= 4, scalars[start] != "0" else {
            index = start
            throw error("a prefix length must be a number from 1 to 9999")
        }
        return value
    }

    // MARK: Helpers

    private func peek(offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private static func isVariableCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_": return true
        default: return false
        }
    }

    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && PercentEncoding.isHexDigit(UInt8(scalar.value))
    }

    /// `'x'` for printable characters; `U+0009` for ones a quote would hide.
    private static func quoted(_ scalar: Unicode.Scalar) -> String {
        if scalar.properties.generalCategory == .control {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(scalar)'"
    }

    /// An error at the current column.
    private func error(_ reason: String) -> URITemplateError {
        URITemplateError(.parsing, template: text, column: min(index, scalars.count - 1) + 1, reason: reason)
    }

    /// The input ended inside an expression: reported at the last column, where '}' was still due.
    private func unclosed() -> URITemplateError {
        URITemplateError(.parsing, template: text, column: scalars.count, reason: "unclosed expression")
    }
}
