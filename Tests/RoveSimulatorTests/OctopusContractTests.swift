// Every route the simulator serves exists in the vendor's Swagger, except a documented allowlist.

import XCTest
@testable import RoveSimulator
import RoveTestSupport

final class OctopusContractTests: XCTestCase {
    /// Routes newer than the 2020.5 Swagger, or observed in real `Links` but not in it;
    /// docs/simulator-octopus.md gives the reason for each.
    static let allowlist: Set<String> = [
        "POST releases/create/v1",
        "POST deployments/create/untenanted/v1",
        "POST deployments/create/tenanted/v1",
        "POST runbook-runs/create/v1",
        "GET projects/{id}/variables",
        "PUT projects/{id}/variables",
        "GET projects/{id}/deploymentprocesses",
        "GET projects/{id}/channels/{channelId}",
        "GET tasks/{id}", "GET tasks/{id}/details", "GET tasks/{id}/raw", "POST tasks/{id}/cancel",
    ]

    func testEveryRouteIsInTheSwaggerOrAllowlisted() throws {
        let swagger = try SwaggerRoutes.octopus()
        XCTAssertGreaterThan(swagger.operations.count, 700)
        var missing: [String] = []
        for route in OctopusService.routes {
            let key = "\(route.method) \(route.pattern)"
            let absent = route.examplePaths.filter { !swagger.contains(method: route.method, path: $0) }
            if !absent.isEmpty && !Self.allowlist.contains(key) { missing.append("\(key) (\(absent.joined(separator: ", ")))") }
        }
        XCTAssertEqual(missing, [], "routes absent from the Swagger and not allowlisted")
    }

    func testTheAllowlistHasNoStaleEntries() throws {
        let served = Set(OctopusService.routes.map { "\($0.method) \($0.pattern)" })
        XCTAssertEqual(Self.allowlist.subtracting(served), [])
    }

    func testSwaggerMatchingUnderstandsTemplates() throws {
        let swagger = try SwaggerRoutes.octopus()
        XCTAssertEqual(swagger.template(method: "GET", path: "/api/Spaces-1/projects/Projects-1?x=1"), "/api/{baseSpaceId}/projects/{id}")
        XCTAssertEqual(swagger.template(method: "GET", path: "/api/Spaces-1/projects/all"), "/api/{baseSpaceId}/projects/all")
        XCTAssertNil(swagger.template(method: "PATCH", path: "/api/Spaces-1/projects"))
    }
}
