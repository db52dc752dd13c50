// The simulated DeployHQ account: Basic auth, the route table, and one lock around the store.

import Foundation

/// A local DeployHQ account (DESIGN §5; research/deployhq-api.md); contract: the vendor's OpenAPI.
public final class DeployHQService: SimService, @unchecked Sendable {
    public let name = "deployhq"
    let settings: SimSettings
    /// Seconds since 1970; deployments move on this clock. Tests inject a fake one.
    let now: @Sendable () -> Double
    let store: DeployHQStore
    /// One lock around the store: requests are short, and this keeps every answer consistent.
    let lock = NSLock()

    public init(settings: SimSettings, now: @escaping @Sendable () -> Double) {
        self.settings = settings
        self.now = now
        store = DeployHQSeed(settings: settings).build()
    }

    /// Every route the simulator serves, for the contract test and the docs.
    public static var routes: [DeployHQRoute] { DeployHQRouteTable.all }

    public func respond(to request: SimRequest) -> SimResponse {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try route(request)
        } catch let failure as DeployHQFailure {
            return failure.response
        } catch {
            return faultResponse(status: 500)
        }
    }

    public func faultResponse(status: Int) -> SimResponse {
        let message: String
        let code: String
        switch status {
        case 429:
            message = "Too many requests. Please wait before trying again."
            code = "rate_limited"
        case 503:
            message = "The service is temporarily unavailable. Please try again shortly."
            code = "service_unavailable"
        default:
            message = "An internal error occurred."
            code = "internal_error"
        }
        return DeployHQResponses.json(.object([("status", .int(status)), ("error", .string(message)),
                                               ("error_code", .string(code)),
                                               ("hint", "Retry the request later; rove-sim injected this fault.")]),
                                      status: status)
    }

    func route(_ request: SimRequest) throws -> SimResponse {
        let bare = request.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let segments = bare.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        var best: (DeployHQRoute, [String])? = nil
        var pathMatched = false
        for route in DeployHQRouteTable.all {
            guard let params = route.match(segments) else { continue }
            pathMatched = true
            guard route.method == request.method else { continue }
            if let current = best, current.0.literalCount >= route.literalCount { continue }
            best = (route, params)
        }
        guard let (route, params) = best else {
            // Credentials first, as Rails' before_action does, so probing needs a login.
            if !isAuthenticated(request) { throw DeployHQFailure.unauthorized }
            throw DeployHQFailure.invalidAPIMethod(request.method, request.path, status: pathMatched ? 405 : 404)
        }
        if route.authenticated && !isAuthenticated(request) { throw DeployHQFailure.unauthorized }
        return try route.handler(self, DeployHQContext(request: request, params: params))
    }

    /// HTTP Basic with the configured email and 40-character key.
    func isAuthenticated(_ request: SimRequest) -> Bool {
        guard let header = request.header("authorization") else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8) else { return false }
        return text == "\(settings.deployhqEmail):\(settings.deployhqAPIKey)"
    }
}
