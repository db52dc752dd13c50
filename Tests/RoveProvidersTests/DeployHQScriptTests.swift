// Golden scripts against a real rove-sim over loopback HTTP: the DeployHQ object model end to end.

import Foundation
import RoveProviders
import RoveTestSupport
import XCTest

/// The scripts under Scripts/DeployHQ; see `ProviderScripts` for their directives. Every request
/// must be an operation of the vendor's OpenAPI file, or a route its CLI calls that the file lacks.
final class DeployHQScriptTests: XCTestCase {
    static let openAPI = ProviderScripts.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RoveSimulatorTests/Fixtures/deployhq-openapi.json").path

    func testDeployHQScripts() throws {
        let openAPI = try SwaggerRoutes(contentsOf: Self.openAPI)
        try ProviderScripts(
            folder: "DeployHQ",
            connect: { providers, simulator in
                try providers.connectDeployHQ(url: simulator.deployhqURL ?? "", email: simulator.deployhqEmail ?? "",
                                              apiKey: simulator.deployhqAPIKey ?? "")
            },
            requests: { try $0.deployhqRequests() },
            outsideContract: { try $0.deployhqRequestsOutsideTheOpenAPI(openAPI) },
            setFaults: { try $0.setDeployHQFaults($1) },
            secrets: { simulator in
                let key = simulator.deployhqAPIKey ?? ""
                let basic = Data("\(simulator.deployhqEmail ?? ""):\(key)".utf8).base64EncodedString()
                return [key, basic]
            }
        ).runAll()
    }
}
