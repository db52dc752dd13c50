// DeployHQ's error answers: status, `error`/`error_code`/`hint`, and Rails' field-keyed 422s.

/// A request that ends in an error answer; handlers throw these and the service renders them.
struct DeployHQFailure: Error {
    let status: Int
    let document: JSONValue

    var response: SimResponse { DeployHQResponses.json(document, status: status) }

    /// 401 for a missing or wrong Basic credential, in the spec's `StatusErrorObject` shape.
    static let unauthorized = DeployHQFailure(status: 401, document: .object([
        ("status", 401), ("error", "Invalid email address or API key"),
        ("error_code", "unauthorized"),
        ("hint", "Use HTTP Basic auth with your email address and a 40-character API key from Settings > Security."),
    ]))

    /// 404 for an id, permalink or identifier that names nothing (research §4).
    static func recordNotFound(_ what: String) -> DeployHQFailure {
        DeployHQFailure(status: 404, document: .object([
            ("status", "not_found"), ("error", .string("\(what) not found")), ("error_code", "record_not_found"),
            ("hint", "Check the identifier or permalink; list the collection to see valid values."),
        ]))
    }

    /// 404 for a path no route serves, or 405 for a known path with another method.
    static func invalidAPIMethod(_ method: String, _ path: String, status: Int = 404) -> DeployHQFailure {
        DeployHQFailure(status: status, document: .object([
            ("error", .string("No API method matches \(method) \(path)")), ("error_code", "invalid_api_method"),
            ("hint", "See https://api.deployhq.com/docs for the available API methods."),
        ]))
    }

    /// 400 for a body that is not JSON, saying where it broke.
    static func invalidJSON(_ why: String) -> DeployHQFailure {
        DeployHQFailure(status: 400, document: .object([
            ("error", .string("The request body is not valid JSON: \(why)")), ("error_code", "invalid_json"),
            ("hint", "Send a JSON object wrapped in the resource key, e.g. {\"server\": {\"name\": \"Production\"}}, with Content-Type: application/json."),
        ]))
    }

    /// 422 the Rails way: `{"name": ["can't be blank"]}`; `base` for whole-object problems.
    static func validation(_ errors: [(String, [String])]) -> DeployHQFailure {
        DeployHQFailure(status: 422, document: .object(errors.map { ($0.0, .strings($0.1)) }))
    }

    /// 422 `{"errors": [...]}`, the list form env vars and scheduled deployments use.
    static func validationList(_ messages: [String]) -> DeployHQFailure {
        DeployHQFailure(status: 422, document: .object([("errors", .strings(messages))]))
    }

    /// 422 `{"error": "..."}`, as retry and rollback refuse.
    static func refused(_ message: String) -> DeployHQFailure {
        DeployHQFailure(status: 422, document: .object([("error", .string(message))]))
    }
}

/// Builds the service's HTTP answers.
enum DeployHQResponses {
    static func json(_ value: JSONValue, status: Int = 200) -> SimResponse {
        SimResponse(status: status, headers: [(name: "Content-Type", value: "application/json; charset=utf-8")],
                    body: value.encoded())
    }

    static func text(_ text: String, contentType: String, status: Int = 200) -> SimResponse {
        SimResponse(status: status, headers: [(name: "Content-Type", value: contentType)], body: Array(text.utf8))
    }

    /// `204 No Content`, the env-var deletes.
    static func noContent() -> SimResponse { SimResponse(status: 204) }
}
