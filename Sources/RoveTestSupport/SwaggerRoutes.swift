// The vendor's Swagger paths as method + template pairs, so tests can check a route really exists.

import Foundation

/// Every operation of a Swagger 2.0 or OpenAPI 3 document; matches concrete paths against its
/// templates.
public struct SwaggerRoutes: Sendable {
    public struct Operation: Sendable, Equatable {
        public let method: String
        public let template: String
        let segments: [String]
        /// The top-level properties an OpenAPI 3 JSON request body must have (`deployment`).
        public var requiredBodyKeys: [String] = []
    }

    public let operations: [Operation]

    public enum LoadError: Error, CustomStringConvertible {
        case notFound([String])
        case malformed(String)

        public var description: String {
            switch self {
            case .notFound(let tried): return "no Swagger file at any of: \(tried.joined(separator: ", "))"
            case .malformed(let why): return "Swagger file is malformed: \(why)"
            }
        }
    }

    public init(contentsOf path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let paths = document["paths"] as? [String: Any] else {
            throw LoadError.malformed("no top-level 'paths' object")
        }
        let methods = ["get", "put", "post", "delete", "patch", "head", "options"]
        var operations: [Operation] = []
        for (template, value) in paths {
            guard let item = value as? [String: Any] else { continue }
            for method in methods {
                guard let operation = item[method] as? [String: Any] else { continue }
                operations.append(Operation(method: method.uppercased(), template: template,
                                            segments: SwaggerRoutes.segments(template),
                                            requiredBodyKeys: Self.requiredBodyKeys(of: operation, in: document)))
            }
        }
        self.operations = operations.sorted { ($0.template, $0.method) < ($1.template, $1.method) }
    }

    /// The Octopus 2020.5 Swagger: the copy in the simulator tests' fixtures, else `shared/specs`
    /// beside the repository. `filePath` is any file inside the repository.
    public static func octopus(filePath: String = #filePath) throws -> SwaggerRoutes {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" && !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory = directory.deletingLastPathComponent()
        }
        let candidates = [
            directory.appendingPathComponent("Tests/RoveSimulatorTests/Fixtures/octopus-swagger-2020.5.json").path,
            directory.appendingPathComponent("../shared/specs/octopus-swagger-2020.5.json").standardized.path,
        ]
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate) {
            return try SwaggerRoutes(contentsOf: candidate)
        }
        throw LoadError.notFound(candidates)
    }

    /// The template that `method` and the concrete `path` (query ignored) fall under, or nil.
    /// A `{param}` segment matches any one segment; literals compare case-insensitively, as
    /// Octopus routes do. A literal template beats a parameterised one.
    public func template(method: String, path: String) -> String? {
        operation(method: method, path: path)?.template
    }

    /// The operation `method` and the concrete `path` fall under, as `template(method:path:)` finds it.
    public func operation(method: String, path: String) -> Operation? {
        let bare = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        let segments = SwaggerRoutes.segments(bare)
        let upper = method.uppercased()
        var best: (Operation, Int)? = nil
        for operation in operations where operation.method == upper && operation.segments.count == segments.count {
            var literals = 0
            var fits = true
            for (pattern, segment) in zip(operation.segments, segments) {
                if pattern.hasPrefix("{") && pattern.hasSuffix("}") { continue }
                guard pattern.lowercased() == segment.lowercased() else { fits = false; break }
                literals += 1
            }
            if fits && (best == nil || literals > best!.1) { best = (operation, literals) }
        }
        return best?.0
    }

    /// `requestBody.content["application/json"].schema.required`, following `$ref`s.
    private static func requiredBodyKeys(of operation: [String: Any], in document: [String: Any]) -> [String] {
        let content = resolve(operation["requestBody"], in: document)["content"] as? [String: Any]
        let schema = resolve((content?["application/json"] as? [String: Any])?["schema"], in: document)
        return schema["required"] as? [String] ?? []
    }

    /// `value` with its `$ref`s (`#/components/responses/abc`) followed through `document`.
    public static func resolve(_ value: Any?, in document: [String: Any]) -> [String: Any] {
        var current = value as? [String: Any] ?? [:]
        while let reference = current["$ref"] as? String {
            var target: Any? = document
            for part in reference.split(separator: "/").dropFirst() { target = (target as? [String: Any])?[String(part)] }
            current = target as? [String: Any] ?? [:]
        }
        return current
    }

    public func contains(method: String, path: String) -> Bool {
        template(method: method, path: path) != nil
    }

    static func segments(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }
}
