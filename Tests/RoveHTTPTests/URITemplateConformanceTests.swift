// Every case of every file of the public RFC 6570 conformance suite (uritemplate-test), in Fixtures/.

import Foundation
import RoveHTTP
import XCTest

final class URITemplateConformanceTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/uritemplate-test")

    func testEveryCaseOfEveryFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        // The suite has four files; fewer means the fixtures moved and the test would pass vacuously.
        XCTAssertEqual(files, ["extended-tests.json", "negative-tests.json",
                               "spec-examples-by-section.json", "spec-examples.json"])
        var passed = 0
        var failed = 0
        for file in files {
            let json = try String(contentsOf: Self.fixtures.appendingPathComponent(file), encoding: .utf8)
            guard case .object(let groups) = try OrderedJSON.parse(json) else { throw Malformed(file: file) }
            for (group, body) in groups {
                guard case .object(let body) = body, case .object(let fields)? = Self.member("variables", of: body),
                      case .array(let cases)? = Self.member("testcases", of: body) else { throw Malformed(file: file) }
                let variables = try Self.variables(fields)
                for testCase in cases {
                    guard case .array(let pair) = testCase, pair.count == 2, case .string(let template) = pair[0] else {
                        throw Malformed(file: file)
                    }
                    if let problem = Self.check(template, expecting: pair[1], with: variables) {
                        failed += 1
                        XCTFail("\(file): \(group): '\(template)': \(problem)")
                    } else {
                        passed += 1
                    }
                }
            }
        }
        print("uritemplate conformance: \(passed) passed, \(failed) failed")
        XCTAssertGreaterThan(passed, 250)
        XCTAssertEqual(failed, 0)
    }

    private struct Malformed: Error { let file: String }

    private static func member(_ key: String, of members: [(key: String, value: OrderedJSON)]) -> OrderedJSON? {
        members.first { $0.key == key }?.value
    }

    /// Nil when `template` behaves as `expected` says: one string, a list of acceptable strings
    /// (object key order is free), or `false` for a template that must raise an error.
    private static func check(_ template: String, expecting expected: OrderedJSON, with variables: [String: TemplateValue]) -> String? {
        let result: Result<String, URITemplateError>
        do {
            result = .success(try URITemplate(template).expand(variables))
        } catch {
            result = .failure(error)
        }
        switch (result, expected) {
        case (.success(let text), .string(let wanted)):
            return text == wanted ? nil : "got '\(text)', expected '\(wanted)'"
        case (.success(let text), .array(let wanted)):
            return wanted.contains(.string(text)) ? nil : "got '\(text)', expected one of \(wanted)"
        case (.success(let text), _):
            return "expanded to '\(text)', expected \(expected)"
        case (.failure(let error), .bool(false)):
            // A negative case must fail with a message that names the template it rejects.
            return error.description.contains("'\(template)'") ? nil : "error does not name the template: \(error)"
        case (.failure(let error), _):
            return "unexpected error: \(error)"
        }
    }

    /// The suite's values as template values: numbers as their text, objects as ordered pairs.
    private static func variables(_ fields: [(key: String, value: OrderedJSON)]) throws -> [String: TemplateValue] {
        var variables: [String: TemplateValue] = [:]
        for (name, value) in fields {
            switch value {
            case .null: continue
            case .array(let items): variables[name] = .list(try items.map(scalar))
            case .object(let pairs): variables[name] = .associative(try pairs.map { ($0.key, try scalar($0.value)) })
            case .bool, .number, .string: variables[name] = .string(try scalar(value))
            }
        }
        return variables
    }

    private static func scalar(_ value: OrderedJSON) throws -> String {
        switch value {
        case .string(let text), .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: throw Malformed(file: "nested value \(value)")
        }
    }
}
