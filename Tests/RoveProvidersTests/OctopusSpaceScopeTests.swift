// The space-scoped collections come from the vendor's Swagger, and links move into a space by them.

@testable import RoveProviders
import RoveTestSupport
import XCTest

final class OctopusSpaceScopeTests: XCTestCase {
    /// The table is the Swagger's `GET /api/{baseSpaceId}/<name>` routes; a new Swagger that
    /// scopes more collections fails here until the table says so.
    func testTheTableIsTheSwaggersSpaceScopedCollections() throws {
        let swagger = try SwaggerRoutes.octopus()
        let scoped = Set(swagger.operations.compactMap { operation -> String? in
            let segments = operation.template.split(separator: "/")
            guard segments.count == 3, segments[0] == "api", segments[1] == "{baseSpaceId}",
                  !segments[2].contains("{") else { return nil }
            return segments[2].lowercased()
        })
        XCTAssertEqual(OctopusSpaceScope.collections, scoped)
    }

    func testServerRootLinksMoveIntoTheSpace() {
        let cases: [(String, String?)] = [
            ("/api/feeds{/id}{?skip,take}", "/api/Spaces-2/feeds{/id}{?skip,take}"),
            ("/api/events{/id}{?skip,from,to,spaces}", "/api/Spaces-2/events{/id}{?skip,from,to,spaces}"),
            ("/api/events/categories{?appliesTo}", "/api/Spaces-2/events/categories{?appliesTo}"),
            ("/api/tasks{/id}{?skip}", "/api/Spaces-2/tasks{/id}{?skip}"),
            ("/api/Teams{/id}", "/api/Spaces-2/Teams{/id}"),
            ("/api/feeds/stats", "/api/Spaces-2/feeds/stats"),
            // Server-wide by nature: users, spaces, the server's own configuration.
            ("/api/users{/id}{?skip}", nil), ("/api/users/me", nil), ("/api/spaces{/id}", nil),
            ("/api/serverstatus", nil), ("/api/{spaceId}", nil),
            // Already in a space, or not an API path.
            ("/api/Spaces-1/projects{/id}", nil), ("/app", nil), ("feeds", nil),
        ]
        for (template, expected) in cases {
            XCTAssertEqual(OctopusSpaceScope.scoped(template, toSpace: "Spaces-2"), expected, template)
        }
    }

    func testOnlySpaceLinksAreInASpace() {
        XCTAssertTrue(OctopusSpaceScope.isInASpace("/api/Spaces-1/projects{/id}"))
        XCTAssertTrue(OctopusSpaceScope.isInASpace("/api/Spaces-12"))
        XCTAssertFalse(OctopusSpaceScope.isInASpace("/api/events{/id}"))
        XCTAssertFalse(OctopusSpaceScope.isInASpace("/api/Spaces-x/projects"))
        XCTAssertFalse(OctopusSpaceScope.isInASpace("/api/{spaceId}"))
    }
}
