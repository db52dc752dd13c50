// Every failure a handler can raise, rendered in Octopus's error document format.

/// A request the simulator refuses; thrown by handlers, answered by `OctopusService`.
enum OctopusFailure: Error {
    case notFound
    case badRequest(String, errors: [String])
    case conflict(String, errors: [String])
    case unauthorized(String)
    case forbidden(String)
    case methodNotAllowed
    case invalidBody(String)

    static let notFoundMessage =
        "Resource is not found or it doesn't exist in the current space context. Please contact your administrator for more information."

    var status: Int {
        switch self {
        case .notFound: return 404
        case .badRequest, .invalidBody: return 400
        case .conflict: return 409
        case .unauthorized: return 401
        case .forbidden: return 403
        case .methodNotAllowed: return 405
        }
    }

    /// `{ErrorMessage, Errors[]}` (research §5.1).
    var document: JSONValue {
        switch self {
        case .notFound:
            return .object([("ErrorMessage", .string(OctopusFailure.notFoundMessage)), ("Errors", [])])
        case let .badRequest(message, errors), let .conflict(message, errors):
            return .object([("ErrorMessage", .string(message)), ("Errors", .strings(errors))])
        case .unauthorized(let message), .forbidden(let message):
            return .object([("ErrorMessage", .string(message)), ("Errors", [])])
        case .methodNotAllowed:
            return .object([("ErrorMessage", "The requested HTTP method is not allowed for this resource."), ("Errors", [])])
        case .invalidBody(let detail):
            return .object([("ErrorMessage", "There was a problem with your request."),
                            ("Errors", .strings(["The request body is not valid JSON: \(detail)"]))])
        }
    }

    var response: SimResponse { OctopusResponses.json(document, status: status) }

    /// The usual 400 with one listed problem.
    static func invalid(_ error: String) -> OctopusFailure {
        .badRequest("There was a problem with your request.", errors: [error])
    }
}

/// Builds the service's HTTP answers.
enum OctopusResponses {
    static func json(_ value: JSONValue, status: Int = 200) -> SimResponse {
        SimResponse(status: status, headers: [(name: "Content-Type", value: "application/json; charset=utf-8")],
                    body: value.encoded())
    }

    static func text(_ text: String, status: Int = 200) -> SimResponse {
        SimResponse(status: status, headers: [(name: "Content-Type", value: "text/plain; charset=utf-8")],
                    body: Array(text.utf8))
    }

    static func empty(status: Int = 200) -> SimResponse {
        SimResponse(status: status)
    }
}
