// Every OpenAPI operation is served, every served route is in the OpenAPI, and sampled answers carry its fields.

import Foundation
import XCTest
@testable import RoveSimulator
import RoveTestSupport

final class DeployHQContractTests: XCTestCase {
    /// Routes the CLI calls that the OpenAPI file lacks (research §1.1); docs/simulator-deployhq.md.
    static let allowlist: Set<String> = ["GET activity", "GET templates/{id}"]

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/deployhq-openapi.json").path

    func testEveryOpenAPIOperationIsServed() throws {
        let spec = try SwaggerRoutes(contentsOf: Self.fixture)
        XCTAssertEqual(spec.operations.count, 191)
        let harness = DeployHQHarness()
        var unserved: [String] = []
        for operation in spec.operations {
            let path = "/" + operation.template.split(separator: "/").map { $0.hasPrefix("{") ? "x1" : String($0) }.joined(separator: "/")
            let response = harness.send(operation.method, path, body: "{}")
            let body = (try? JSONValue.parse(response.body)) ?? .null
            if body["error_code"] == "invalid_api_method" || response.status == 405 || response.status >= 500 {
                unserved.append("\(operation.method) \(operation.template) → \(response.status)")
            }
        }
        XCTAssertEqual(unserved, [])
    }

    func testEveryServedRouteIsInTheOpenAPI() throws {
        let spec = try SwaggerRoutes(contentsOf: Self.fixture)
        let extra = DeployHQService.routes.filter { !spec.contains(method: $0.method, path: $0.examplePath) }
            .map { "\($0.method) \($0.pattern)" }
        XCTAssertEqual(Set(extra), Self.allowlist, "routes absent from the OpenAPI and not allowlisted, or stale allowlist entries")
        XCTAssertEqual(DeployHQService.routes.count, spec.operations.count + Self.allowlist.count)
    }

    /// The spec declares no `required` lists, so every property its 200 schema names must be present.
    func testSampledAnswersCarryTheSchemaProperties() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.fixture))
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let harness = DeployHQHarness()
        let deployment = harness.get("/projects/web/deployments")["records"]?.arrayValue?.first?["identifier"]?.stringValue ?? ""
        let server = harness.identifier(of: "Production")
        let samples: [(template: String, path: String)] = [
            ("/projects", "/projects"),
            ("/projects/{id}", "/projects/web"),
            ("/projects/{project_id}/servers", "/projects/web/servers"),
            ("/projects/{project_id}/servers/{id}", "/projects/web/servers/\(server)"),
            ("/projects/{project_id}/server_groups", "/projects/web/server_groups"),
            ("/projects/{project_id}/deployments", "/projects/web/deployments"),
            ("/projects/{project_id}/deployments/{id}", "/projects/web/deployments/\(deployment)"),
            ("/projects/{project_id}/deployments/{deployment_id}/steps/{step_id}/logs",
             "/projects/web/deployments/\(deployment)/steps/st-0001/logs"),
            ("/projects/{project_id}/config_files", "/projects/web/config_files"),
            ("/projects/{project_id}/excluded_files", "/projects/web/excluded_files"),
            ("/projects/{project_id}/build_commands", "/projects/web/build_commands"),
            ("/projects/{project_id}/ssh_commands", "/projects/web/ssh_commands"),
            ("/projects/{project_id}/integrations", "/projects/web/integrations"),
            ("/global_servers", "/global_servers"),
            ("/templates", "/templates"),
            ("/zones", "/zones"),
        ]
        var missing: [String] = []
        for sample in samples {
            let properties = try Self.responseProperties(document, sample.template)
            let answer = harness.get(sample.path)
            let items = answer.arrayValue ?? [answer]
            XCTAssertFalse(items.isEmpty, sample.path)
            for item in items {
                for property in properties where item[property] == nil {
                    missing.append("\(sample.template): \(property)")
                }
            }
        }
        XCTAssertEqual(Array(Set(missing)).sorted(), [])
    }

    /// Property names of the 200 JSON schema of `GET template`, looking through `$ref` and array items.
    static func responseProperties(_ document: [String: Any], _ template: String) throws -> [String] {
        func resolve(_ value: Any?) -> [String: Any] {
            var current = value as? [String: Any] ?? [:]
            for _ in 0..<10 {
                guard let ref = current["$ref"] as? String else { break }
                var target: Any? = document
                for part in ref.dropFirst(2).split(separator: "/") { target = (target as? [String: Any])?[String(part)] }
                current = target as? [String: Any] ?? [:]
            }
            return current
        }
        let paths = try XCTUnwrap(document["paths"] as? [String: Any])
        let get = resolve((paths[template] as? [String: Any])?["get"])
        let ok = resolve((get["responses"] as? [String: Any])?["200"])
        var schema = resolve(((ok["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"])
        if schema["type"] as? String == "array" { schema = resolve(schema["items"]) }
        return ((schema["properties"] as? [String: Any]) ?? [:]).keys.sorted()
    }
}
