// The simulated Octopus Deploy server: routes, data and behaviour behind one SimService.

import Foundation

/// A faithful local Octopus server (DESIGN §5; research/octopus-api.md).
public final class OctopusService: SimService, @unchecked Sendable {
    public let name = "octopus"
    let settings: SimSettings
    /// Seconds since 1970; tasks move on this clock. Tests inject a fake one.
    let now: @Sendable () -> Double
    let store: OctopusStore
    /// One lock around the store: requests are short, and this keeps every answer consistent.
    let lock = NSLock()

    public init(settings: SimSettings, now: @escaping @Sendable () -> Double) {
        self.settings = settings
        self.now = now
        store = DemoSeed(settings: settings).build()
    }

    /// Every route the simulator serves, for the contract test and the docs.
    public static var routes: [OctopusRoute] { OctopusRouteTable.all }

    public func respond(to request: SimRequest) -> SimResponse {
        lock.lock()
        defer { lock.unlock() }
        let time = now()
        applyFinishedHealthChecks(at: time)
        do {
            return try route(request)
        } catch let failure as OctopusFailure {
            return failure.response
        } catch {
            return OctopusResponses.json(.object([("ErrorMessage", .string("\(error)")), ("Errors", [])]), status: 500)
        }
    }

    public func faultResponse(status: Int) -> SimResponse {
        let message: String
        switch status {
        case 429: message = "You have exceeded the rate limit. Please wait and try again."
        case 503: message = "Octopus Server is starting up. Please try again shortly."
        default: message = "An unexpected error occurred in Octopus Server."
        }
        var document: [(String, JSONValue)] = [("ErrorMessage", .string(message)), ("Errors", [])]
        if status >= 500 && status != 503 {
            document.append(("FullException", "System.InvalidOperationException: Injected fault (rove-sim)"))
        }
        return OctopusResponses.json(.object(document), status: status)
    }

    func route(_ request: SimRequest) throws -> SimResponse {
        guard let path = RequestPath(request.path) else { throw OctopusFailure.notFound }
        // The root document is public on real servers: clients read it before they authenticate.
        if path.segments.isEmpty {
            guard request.method == "GET" else { throw OctopusFailure.methodNotAllowed }
            return OctopusResponses.json(RootDocument.root(installationId: store.installationId,
                                                           defaultSpaceId: defaultSpaceId))
        }
        if let failure = OctopusAuth.check(request, expectedKey: settings.octopusAPIKey) { throw failure }
        switch path.form {
        case .none:
            if let response = try dispatch(request, path.rest, scopes: [.system, .systemAndSpace], spaceId: nil, explicit: false) {
                return response
            }
            guard let spaceId = defaultSpaceId else { throw OctopusFailure.notFound }
            if let response = try dispatch(request, path.rest, scopes: [.space], spaceId: spaceId, explicit: false) {
                return response
            }
        case .spaceId(let raw), .spaceReference(let raw):
            guard let space = store.find(.space, raw, in: nil) ?? spaceNamed(raw), let spaceId = space["Id"]?.stringValue else {
                throw OctopusFailure.notFound
            }
            if path.rest.isEmpty {
                guard request.method == "GET" else { throw OctopusFailure.methodNotAllowed }
                return OctopusResponses.json(RootDocument.spaceRoot(spaceId))
            }
            if let response = try dispatch(request, path.rest, scopes: [.space, .systemAndSpace], spaceId: spaceId, explicit: true) {
                return response
            }
        }
        throw OctopusFailure.notFound
    }

    /// Runs the best-matching route; nil when no pattern fits, 405 when only the method is wrong.
    func dispatch(_ request: SimRequest, _ segments: ArraySlice<String>, scopes: [RouteScope],
                  spaceId: String?, explicit: Bool) throws -> SimResponse? {
        var best: (OctopusRoute, [String: String])? = nil
        var pathMatched = false
        for route in OctopusRouteTable.all where scopes.contains(route.scope) {
            guard let params = route.match(segments) else { continue }
            pathMatched = true
            guard route.method == request.method else { continue }
            if best == nil || route.literalCount > best!.0.literalCount { best = (route, params) }
        }
        guard let (route, params) = best else {
            if pathMatched { throw OctopusFailure.methodNotAllowed }
            return nil
        }
        let context = RouteContext(request: request, spaceId: spaceId ?? (route.scope == .space ? defaultSpaceId : nil),
                                   params: params, spaceExplicit: explicit)
        return try route.handler(self, context)
    }

    var defaultSpaceId: String? {
        store.documents(.space, in: nil).first { $0["IsDefault"]?.boolValue == true }?["Id"]?.stringValue
    }

    func spaceNamed(_ name: String) -> JSONValue? {
        let lower = name.lowercased()
        return store.documents(.space, in: nil).first { $0["Name"]?.stringValue?.lowercased() == lower }
    }

    var taskDocuments: TaskDocuments { TaskDocuments(store: store, now: now()) }
}

