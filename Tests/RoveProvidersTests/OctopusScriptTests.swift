// Golden scripts against a real rove-sim over loopback HTTP: the Octopus object model end to end.

import RoveProviders
import RoveTestSupport
import XCTest

/// The scripts under Scripts/Octopus; see `ProviderScripts` for their directives. Every request
/// must be a route of the vendor's 2020.5 Swagger, or one of the newer routes `SimulatorLog` allows.
final class OctopusScriptTests: XCTestCase {
    func testOctopusScripts() throws {
        let swagger = try SwaggerRoutes.octopus()
        try ProviderScripts(
            folder: "Octopus",
            connect: { providers, simulator in
                try providers.connectOctopus(url: simulator.octopusURL, apiKey: simulator.octopusAPIKey,
                                             accessToken: nil, space: nil)
            },
            requests: { try $0.octopusRequests() },
            outsideContract: { try $0.octopusRequestsOutsideTheSwagger(swagger) },
            setFaults: { try $0.setOctopusFaults($1) },
            secrets: { [$0.octopusAPIKey] }
        ).runAll()
    }
}
