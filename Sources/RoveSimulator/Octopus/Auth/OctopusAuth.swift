// Checks the API key a request carries: header, `apikey` query parameter, or Bearer token.

public enum OctopusAuth {
    static let missingMessage =
        "You must be logged in to request this resource. Please provide a valid API key in the X-Octopus-ApiKey header, or log in."
    static let invalidMessage =
        "Either your API key is invalid, or your account has been disabled. Please check your API key and try again."

    /// A second key that may read but not write: its writes are 403, as for a user without permission.
    public static let readOnlyKey = "API-ROVESIMULATOR0READ0ONLY01"
    static let forbiddenMessage =
        "You do not have permission to perform this action. Please contact your Octopus administrator. Missing permission: ProjectEdit"

    /// Nil when the request may proceed, otherwise the 401 or 403 to answer.
    static func check(_ request: SimRequest, expectedKey: String) -> OctopusFailure? {
        let presented = request.header("X-Octopus-ApiKey").flatMap { $0.isEmpty ? nil : $0 }
            ?? request.queryValue("apikey").flatMap { $0.isEmpty ? nil : $0 }
            ?? bearerToken(request)
        guard let presented else { return .unauthorized(missingMessage) }
        if presented == readOnlyKey && presented != expectedKey {
            return request.method == "GET" || request.method == "HEAD" ? nil : .forbidden(forbiddenMessage)
        }
        guard presented == expectedKey else { return .unauthorized(invalidMessage) }
        return nil
    }

    static func bearerToken(_ request: SimRequest) -> String? {
        guard let authorization = request.header("Authorization") else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmedSpaces()
        return token.isEmpty ? nil : token
    }

    /// `API-` then uppercase letters and digits (research §5.2); anything else is malformed.
    static func isWellFormed(_ key: String) -> Bool {
        guard key.hasPrefix("API-"), key.count > 4 else { return false }
        return key.dropFirst(4).allSatisfy { ($0.isUppercase || $0.isNumber) && $0.isASCII }
    }
}
