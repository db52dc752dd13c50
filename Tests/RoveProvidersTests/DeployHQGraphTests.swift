// Derives DeployHQ's resource graph from the vendor's OpenAPI file, and fails when the checked-in
// table (Sources/RoveProviders/DeployHQ/DeployHQRoutes.generated.swift) no longer matches it.
// `scripts/gen-deployhq-graph` runs this test with ROVE_REGENERATE=1 to rewrite the table.

import Foundation
import RoveTestSupport
import XCTest

final class DeployHQGraphTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let specification = repository.appendingPathComponent("Tests/RoveSimulatorTests/Fixtures/deployhq-openapi.json")
    static let table = repository.appendingPathComponent("Sources/RoveProviders/DeployHQ/DeployHQRoutes.generated.swift")

    func testTheRouteTableIsDerivedFromTheOpenAPIFile() throws {
        let generated = try GraphGenerator(specification: Self.specification).swiftSource()
        if ProcessInfo.processInfo.environment["ROVE_REGENERATE"] != nil {
            try generated.write(to: Self.table, atomically: true, encoding: .utf8)
        }
        let checkedIn = try String(contentsOf: Self.table, encoding: .utf8)
        XCTAssertEqual(checkedIn, generated, "DeployHQRoutes.generated.swift is stale; run scripts/gen-deployhq-graph")
    }

    func testTheGraphKnowsTheShapesScriptsRelyOn() throws {
        let routes = try GraphGenerator(specification: Self.specification).routes()
        func route(_ path: String) -> GraphGenerator.Route? { routes.first { $0.path == path } }
        XCTAssertEqual(route("projects")?.answer, "list")
        XCTAssertEqual(route("projects")?.wrapper, "project")
        XCTAssertEqual(route("projects/*/deployments")?.answer, "pages")
        XCTAssertEqual(route("projects/*/deployments")?.query, ["page", "per_page", "to", "currently_running"])
        XCTAssertEqual(route("projects/*/deployments/*/abort")?.writes, ["POST"])
        XCTAssertEqual(route("projects/*/deployments/*/abort")?.answer, "none")
        XCTAssertEqual(route("projects/*/environment_variables/*")?.writes, ["PUT", "PATCH", "DELETE"])
        XCTAssertEqual(route("projects/*/repository/branches")?.answer, "document")
        XCTAssertEqual(route("global_config_files")?.wrapper, "config_file")
        // Off the file, but called by the official CLI: kept so scripts reach them too.
        XCTAssertEqual(route("activity")?.answer, "list")
        // Public, on another host, or not JSON under a parameter: not part of the graph.
        XCTAssertNil(route("api/v1/signup"))
        XCTAssertNil(route("*/status_badge.svg"))
    }
}

/// Reads the OpenAPI 3.1 file: one route per path, its parameters generalised to `*`.
struct GraphGenerator {
    struct Route: Equatable {
        var path: String
        var answer: String
        var query: [String] = []
        var writes: [String] = []
        var wrapper: String?
    }

    let document: [String: Any]

    /// Routes the official clients call that the file lacks (research/deployhq-api.md §1.1).
    static let offSpec = [
        Route(path: "activity", answer: "list", query: ["include"]),
    ]

    init(specification: URL) throws {
        let data = try Data(contentsOf: specification)
        document = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func routes() throws -> [Route] {
        guard let paths = document["paths"] as? [String: Any] else { throw GeneratorError("no paths") }
        var routes: [String: Route] = [:]
        for (template, value) in paths {
            guard let operations = value as? [String: Any], let path = Self.generalised(template) else { continue }
            var route = routes[path] ?? Route(path: path, answer: "none")
            if let get = operations["get"] as? [String: Any] {
                route.answer = answer(of: get)
                route.query = parameters(of: get).filter { $0.in == "query" }.map(\.name)
            }
            for method in ["post", "put", "patch", "delete"] {
                guard let operation = operations[method] as? [String: Any] else { continue }
                route.writes.append(method.uppercased())
                if route.wrapper == nil { route.wrapper = wrapper(of: operation) }
            }
            routes[path] = route
        }
        for extra in Self.offSpec where routes[extra.path] == nil { routes[extra.path] = extra }
        return routes.values.sorted { $0.path < $1.path }
    }

    func swiftSource() throws -> String {
        var lines = [
            "// Generated from Tests/RoveSimulatorTests/Fixtures/deployhq-openapi.json by scripts/gen-deployhq-graph.",
            "// Do not edit: change the generator (Tests/RoveProvidersTests/DeployHQGraphTests.swift) instead.",
            "",
            "enum DeployHQRoutes {",
            "    static let all: [DeployHQRoute] = [",
        ]
        for route in try routes() {
            var line = "        DeployHQRoute(\"\(route.path)\", .\(route.answer)"
            if !route.query.isEmpty { line += ", query: [\(route.query.map { "\"\($0)\"" }.joined(separator: ", "))]" }
            if !route.writes.isEmpty { line += ", writes: [\(route.writes.map { "\"\($0)\"" }.joined(separator: ", "))]" }
            if let wrapper = route.wrapper { line += ", wrapper: \"\(wrapper)\"" }
            lines.append(line + "),")
        }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// `/projects/{project_id}/servers/{id}` → `projects/*/servers/*`; nil for paths outside the
    /// graph: the public signup on another host, and badges under a bare parameter.
    static func generalised(_ template: String) -> String? {
        let segments = template.split(separator: "/").map { $0.hasPrefix("{") ? "*" : String($0) }
        guard let first = segments.first, first != "*", first != "api" else { return nil }
        return segments.joined(separator: "/")
    }

    /// What the 200 (or 201) answer of a GET is: `list`, `pages`, `document` or `text`.
    private func answer(of operation: [String: Any]) -> String {
        let responses = operation["responses"] as? [String: Any] ?? [:]
        let success = resolve(responses["200"] ?? responses["201"])
        let content = success["content"] as? [String: Any] ?? [:]
        guard let json = content["application/json"] as? [String: Any] else { return content.isEmpty ? "document" : "text" }
        let schema = resolve(json["schema"])
        switch schema["type"] as? String {
        case "array": return "list"
        case "string": return "text"
        default:
            let properties = schema["properties"] as? [String: Any] ?? [:]
            return properties["records"] != nil && properties["pagination"] != nil ? "pages" : "document"
        }
    }

    /// The body's resource key: its first property that is an object (`{"deployment": {...},
    /// "schedule": {...}}` → `deployment`); nil for bodies that are not wrapped.
    private func wrapper(of operation: [String: Any]) -> String? {
        let body = resolve(operation["requestBody"])
        let content = body["content"] as? [String: Any] ?? [:]
        let schema = resolve((content["application/json"] as? [String: Any])?["schema"])
        guard let properties = schema["properties"] as? [String: Any] else { return nil }
        let order = propertyOrder(of: schema, properties)
        return order.first { resolve(properties[$0])["type"] as? String == "object" }
    }

    /// JSONSerialization forgets key order; the file's `required` list, then the names sorted,
    /// give a stable one in which the resource key comes first.
    private func propertyOrder(of schema: [String: Any], _ properties: [String: Any]) -> [String] {
        let required = (schema["required"] as? [String] ?? []).filter { properties[$0] != nil }
        return required + properties.keys.filter { !required.contains($0) }.sorted()
    }

    private func parameters(of operation: [String: Any]) -> [(name: String, in: String)] {
        (operation["parameters"] as? [Any] ?? []).compactMap { item in
            let parameter = resolve(item)
            guard let name = parameter["name"] as? String, let place = parameter["in"] as? String else { return nil }
            return (name, place)
        }
    }

    private func resolve(_ value: Any?) -> [String: Any] {
        SwaggerRoutes.resolve(value, in: document)
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
