// What a test can ask a running rove-sim through its /_sim/ surface: the request log and faults.

import Foundation
import RoveHTTP

extension SimulatorProcess {
    /// One entry of `GET /_sim/requests`.
    public struct LoggedRequest: Decodable {
        public let method: String
        public let path: String
        /// The raw query string without `?`; nil or empty when there was none.
        public let query: String?
        public let status: Int
        /// The top-level keys of a JSON object body; nil when there was none.
        public let bodyKeys: [String]?
    }

    /// Every request the Octopus side answered so far, in order.
    public func octopusRequests() throws -> [LoggedRequest] {
        try requests(at: octopusURL)
    }

    /// Empties the Octopus side's request log, so a test counts only what follows.
    public func clearOctopusRequests() throws {
        try clearRequests(at: octopusURL)
    }

    /// Replaces the Octopus side's fault plan (`"500:1"`, `""` for none), `Retry-After: 0`.
    public func setOctopusFaults(_ plan: String) throws {
        try setFaults(plan, at: octopusURL)
    }

    /// The same three for the DeployHQ side.
    public func deployhqRequests() throws -> [LoggedRequest] {
        try requests(at: deployhqURL ?? "")
    }

    public func clearDeployHQRequests() throws {
        try clearRequests(at: deployhqURL ?? "")
    }

    public func setDeployHQFaults(_ plan: String) throws {
        try setFaults(plan, at: deployhqURL ?? "")
    }

    private func requests(at base: String) throws -> [LoggedRequest] {
        let response = try CurlTransport().send(HTTPRequest(url: base + "/_sim/requests")).get()
        return try JSONDecoder().decode([LoggedRequest].self, from: Data(response.body))
    }

    private func clearRequests(at base: String) throws {
        let response = try CurlTransport().send(HTTPRequest(method: "DELETE", url: base + "/_sim/requests")).get()
        guard response.status == 204 else { throw Failure(description: "DELETE /_sim/requests answered \(response.status)") }
    }

    private func setFaults(_ plan: String, at base: String) throws {
        let body = try JSONSerialization.data(withJSONObject: ["faults": plan, "retryAfter": 0])
        let response = try CurlTransport().send(HTTPRequest(
            method: "POST", url: base + "/_sim/faults",
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

    /// Routes the official DeployHQ CLI calls that its OpenAPI file lacks (research/deployhq-api.md §1.1).
    static let deployhqRoutesOffTheFile: Set<String> = ["GET /activity"]

    /// The DeployHQ requests logged so far that are not an operation of the vendor's OpenAPI
    /// file (`openAPI` read with `SwaggerRoutes`, which reads its `paths` too), or whose body
    /// lacks a field the operation requires.
    public func deployhqRequestsOutsideTheOpenAPI(_ openAPI: SwaggerRoutes) throws -> [String] {
        try deployhqRequests().compactMap { request in
            let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
            if path.hasPrefix("/_sim") || Self.deployhqRoutesOffTheFile.contains("\(request.method) \(path)") { return nil }
            guard let operation = openAPI.operation(method: request.method, path: path) else {
                return "\(request.method) \(request.path)"
            }
            let missing = operation.requiredBodyKeys.filter { !(request.bodyKeys ?? []).contains($0) }
            return missing.isEmpty ? nil : "\(request.method) \(request.path) without \(missing.joined(separator: ", "))"
        }
    }
}
