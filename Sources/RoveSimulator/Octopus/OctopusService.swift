// The simulated Octopus Deploy server: routes, data and behaviour behind one SimService.

/// A faithful local Octopus server (DESIGN §5; research/octopus-api.md).
public final class OctopusService: SimService, @unchecked Sendable {
    public let name = "octopus"
    let settings: SimSettings
    /// Seconds since 1970; tasks move on this clock. Tests inject a fake one.
    let now: @Sendable () -> Double

    public init(settings: SimSettings, now: @escaping @Sendable () -> Double) {
        self.settings = settings
        self.now = now
    }

    public func respond(to request: SimRequest) -> SimResponse {
        faultResponse(status: 404)
    }

    public func faultResponse(status: Int) -> SimResponse {
        let body = #"{"ErrorMessage":"The simulator has no route here yet.","Errors":[]}"#
        return SimResponse(status: status, headers: [(name: "Content-Type", value: "application/json")],
                           body: Array(body.utf8))
    }
}
