// What vendor error bodies say: Octopus and DeployHQ error documents read into one line and fields.

import RoveCore

/// Reads the error documents the providers' servers send, parsed as values: Octopus
/// `ErrorMessage` and `Errors`, DeployHQ `error`, `error_code` and `hint`, Rails-style
/// validation errors keyed by field, and the generic `message` and `errors` of other APIs.
enum ErrorBody {
    /// One line from an error document, or from a short plain-text body. Nil when there is
    /// nothing worth quoting (an HTML error page, an empty body).
    static func detail(of body: Value) -> String? {
        switch body {
        case .string(let text):
            let line = trimmed(text)
            guard !line.isEmpty, !line.hasPrefix("<"), !line.contains("\n"), line.count <= 200 else { return nil }
            return line
        case .object(let fields):
            if let summary = text(fields["ErrorMessage"]) ?? text(fields["error"]) ?? text(fields["message"]) {
                var detail = summary
                if let code = text(fields["error_code"]) { detail += " (\(code))" }
                let errors = texts(fields["Errors"]) + texts(fields["errors"])
                if !errors.isEmpty, errors != [summary] { detail += " — " + errors.joined(separator: "; ") }
                if let hint = text(fields["hint"]) { detail += "; hint: " + hint }
                return detail
            }
            let errors = texts(fields["Errors"]) + texts(fields["errors"])
            if !errors.isEmpty { return errors.joined(separator: "; ") }
            if case .object(let nested)? = fields["errors"] { return fieldErrors(nested) }
            return fieldErrors(fields)
        case .null, .bool, .int, .float, .list, .function, .host:
            return nil
        }
    }

    /// Validation messages by field, as `e.errors`: `{"name": ["can't be blank"]}` as sent, and
    /// messages about the whole object (`{"errors": [...]}`, `{"base": [...]}`) under `base`.
    static func fieldMessages(of fields: Fields) -> Value? {
        let general = texts(fields["Errors"]) + texts(fields["errors"])
        if !general.isEmpty { return .object(["base": .list(general.map(Value.string))]) }
        var byField: Fields = [:]
        for (key, value) in fields {
            guard let messages = nonEmptyTexts(value) else { continue }
            byField[key] = .list(messages.map(Value.string))
        }
        return byField.isEmpty ? nil : .object(byField)
    }

    /// The trimmed text of a string value; nil for anything else or a blank one.
    static func text(_ value: Value?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let trimmed = trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `name can't be blank; permalink is taken` from `{"name": ["can't be blank"], ...}`; nil
    /// unless every value is a string or a list of strings.
    private static func fieldErrors(_ fields: Fields) -> String? {
        var parts: [String] = []
        for (key, value) in fields {
            guard let messages = text(value).map({ [$0] }) ?? nonEmptyTexts(value) else { return nil }
            parts += messages.map { "\(key) \($0)" }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The strings of a list, or of `[{"message": ...}]` lists some APIs use.
    private static func texts(_ value: Value?) -> [String] {
        guard case .list(let items)? = value else { return [] }
        return items.compactMap { item in
            if case .object(let fields) = item { return text(fields["message"]) ?? text(fields["Message"]) }
            return text(item)
        }
    }

    private static func nonEmptyTexts(_ value: Value) -> [String]? {
        guard case .list(let items) = value, !items.isEmpty else { return nil }
        let strings = items.compactMap { text($0) }
        return strings.count == items.count ? strings : nil
    }

    /// `text` without leading and trailing whitespace.
    private static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
