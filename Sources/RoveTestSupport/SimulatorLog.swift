// What a test can ask a running rove-sim through its /_sim/ surface: the request log and faults.

import Foundation
import RoveHTTP

extension SimulatorProcess {
    /// One entry of `GET /_sim/requests`.
    public struct LoggedRequest: Decodable {
        public let method: String
        public let path: String
        public let status: Int
    }

    /// Every request the Octopus side answered so far, in order.
    public func octopusRequests() throws -> [LoggedRequest] {
        let response = try CurlTransport().send(HTTPRequest(url: octopusURL + "/_sim/requests")).get()
        return try JSONDecoder().decode([LoggedRequest].self, from: Data(response.body))
    }

    /// Empties the Octopus side's request log, so a test counts only what follows.
    public func clearOctopusRequests() throws {
        let response = try CurlTransport().send(HTTPRequest(method: "DELETE", url: octopusURL + "/_sim/requests")).get()
        guard response.status == 204 else { throw Failure(description: "DELETE /_sim/requests answered \(response.status)") }
    }

    /// Replaces the Octopus side's fault plan (`"500:1"`, `""` for none), `Retry-After: 0`.
    public func setOctopusFaults(_ plan: String) throws {
        let body = try JSONSerialization.data(withJSONObject: ["faults": plan, "retryAfter": 0])
        let response = try CurlTransport().send(HTTPRequest(
            method: "POST", url: octopusURL + "/_sim/faults",
            headers: [(name: "Content-Type", value: "application/json")], body: Array(body))).get()
        guard response.status == 200 else { throw Failure(description: "rove-sim refused fault plan '\(plan)'") }
    }

    /// Routes rove may use that the 2020.5 Swagger predates (docs/simulator-octopus.md), with
    /// the space and the resource id as `{s}` and `{id}`.
    static let routesNewerThanTheSwagger: Set<String> = [
        "GET /api/{s}/projects/{id}/variables", "PUT /api/{s}/projects/{id}/variables",
    ]

    /// The requests logged so far whose route is neither in the vendor's Swagger nor one of the
    /// newer routes above: the contract check of what rove sends.
    public func octopusRequestsOutsideTheSwagger(_ swagger: SwaggerRoutes) throws -> [String] {
        try octopusRequests().compactMap { request in
            guard request.path.hasPrefix("/api"), swagger.template(method: request.method, path: request.path) == nil else {
                return nil
            }
            let parts = request.path.split(separator: "/").enumerated().map { index, part in
                index == 1 && part.hasPrefix("Spaces-") ? "{s}" : index == 3 && part.contains("-") ? "{id}" : String(part)
            }
            let route = request.method + " /" + parts.joined(separator: "/")
            return Self.routesNewerThanTheSwagger.contains(route) ? nil : "\(request.method) \(request.path)"
        }
    }
}
