// The space-scoped collections come from the vendor's Swagger, and links move into a space by them.

import RoveCore
@testable import RoveProviders
import RoveTestServers
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

/// A server whose space root lists no `Feeds` or `Events` (as older servers' do): in a named
/// space they still read that space, and only `octopus.server` reaches across spaces.
final class OctopusSpaceScopeServerTests: XCTestCase {
    func testServerRootLinksAreReadInTheNamedSpace() throws {
        let root = #"""
            {"Application": "Octopus Deploy", "Version": "2020.5.0", "Links": {
              "Spaces": "/api/spaces{/id}{?skip,take}", "SpaceHome": "/api/{spaceId}",
              "Feeds": "/api/feeds{/id}{?skip,take}", "Events": "/api/events{/id}{?skip,take,from,to}",
              "Users": "/api/users{/id}{?skip,take}", "Projects": "/api/Spaces-1/projects{/id}{?skip,take}"}}
            """#
        let spaces = #"[{"Id": "Spaces-1", "Name": "Default", "IsDefault": true}, {"Id": "Spaces-2", "Name": "Ops", "IsDefault": false}]"#
        let spaceRoot = #"{"Links": {"Projects": "/api/Spaces-2/projects{/id}{?skip,take}"}}"#
        let page = { (space: String) in #"{"Items": [{"Id": "X-1", "SpaceId": "\#(space)"}], "TotalResults": 1, "ItemsPerPage": 30}"# }
        let server = try LoopbackServer(routes: [
            "/api": { _ in .respond(ServerReply(text: root)) },
            "/api/spaces/all": { _ in .respond(ServerReply(text: spaces)) },
            "/api/Spaces-2": { _ in .respond(ServerReply(text: spaceRoot)) },
            "/api/Spaces-2/feeds": { _ in .respond(ServerReply(text: page("Spaces-2"))) },
            "/api/Spaces-2/events": { _ in .respond(ServerReply(text: page("Spaces-2"))) },
            "/api/events": { _ in .respond(ServerReply(text: page("Spaces-1"))) },
            "/api/users": { _ in .respond(ServerReply(text: page("none"))) },
        ])
        defer { server.stop() }
        let interpreter = Interpreter()
        let providers = Providers(interpreter: interpreter)
        try providers.connectOctopus(url: server.baseURL, apiKey: "API-SCOPE0TEST0000000000001", accessToken: nil, space: "Ops")
        let run = { (source: String) throws -> String in
            guard case .string(let text)? = try interpreter.run(source, file: "<test>") else { return "" }
            return text
        }
        XCTAssertEqual(try run(#"octopus.Feeds.first.SpaceId"#), "Spaces-2")
        XCTAssertEqual(try run(#"octopus.Events.all.map { $0.SpaceId }.join(",")"#), "Spaces-2")
        XCTAssertEqual(try run(#"octopus.server.Events.first.SpaceId"#), "Spaces-1")
        XCTAssertThrowsError(try run(#"octopus.server.Projects"#), "a default space's link is not server-wide")
        XCTAssertEqual(try run(#"octopus.Users.first.SpaceId"#), "none", "users belong to the server")
        let paths = server.requests.map(\.path)
        XCTAssertFalse(paths.contains("/api/feeds"), "\(paths)")
        XCTAssertEqual(paths.filter { $0 == "/api/events" }.count, 1, "only through octopus.server: \(paths)")
    }
}
