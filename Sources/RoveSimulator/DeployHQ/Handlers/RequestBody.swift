// Reads a wrapped request body: `{"server": {...}}` → the inner object, or `invalid_json`.

extension DeployHQContext {
    /// The whole body as JSON; an empty body reads as `{}`. Not JSON, or not an object → 400 `invalid_json`.
    func body() throws -> JSONValue {
        if request.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .object([]) }
        let value: JSONValue
        do {
            value = try JSONValue.parse(request.body)
        } catch {
            throw DeployHQFailure.invalidJSON("\(error)")
        }
        guard case .object = value else { throw DeployHQFailure.invalidJSON("expected an object at the top level") }
        return value
    }

    /// The object under `wrapper`; missing or not an object reads as `{}`, so required fields are reported.
    func wrapped(_ wrapper: String) throws -> [(String, JSONValue)] {
        try body()[wrapper]?.objectPairs ?? []
    }
}

extension Array where Element == (String, JSONValue) {
    func value(_ key: String) -> JSONValue? { first { $0.0 == key }?.1 }

    /// A present, non-empty string or any non-null scalar, as text.
    func text(_ key: String) -> String? {
        switch value(key) {
        case .string(let text)?: return text.isEmpty ? nil : text
        case .int(let number)?: return String(number)
        case .bool(let flag)?: return flag ? "true" : "false"
        case .double(let number)?: return String(number)
        case .null?, .array?, .object?, nil: return nil
        }
    }

    /// Booleans the way Rails reads them: `true`, `"1"`, `"true"`, `1`.
    func flag(_ key: String) -> Bool? {
        switch value(key) {
        case .bool(let flag)?: return flag
        case .string(let text)?: return ["1", "true", "yes"].contains(text.lowercased())
        case .int(let number)?: return number != 0
        case .double, .null?, .array?, .object?, nil: return nil
        }
    }
}
