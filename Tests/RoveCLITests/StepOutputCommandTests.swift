// Each CI system's step outputs and error annotations against golden files, hostile values included.

@testable import RoveCLI
import RoveCore
import XCTest

final class StepOutputCommandTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/CI")

    /// Values that would end an output and start another, or a command, in one system or another.
    static let values: [(name: String, value: String)] = [
        ("plain", "1.2.3"),
        ("empty", ""),
        ("newline_injection", "ok\nother=1"),
        ("crlf", "a\r\nb"),
        ("delimiter_in_value", "x\nDELIM-1\ny"),
        ("service_message", "']##teamcity[buildStatus text='pwned']"),
        ("azure_command", "50%]\n##vso[task.setvariable variable=X]1;done"),
        ("github_command", "::error::fake\n%0A"),
        ("quotes_pipes", "it's | [a] \"b\""),
        ("unicode", "π ✓ \u{2028} \u{85}"),
        ("tab", "a\tb"),
    ]

    private var environment: [String: String] {
        ["GITHUB_OUTPUT": "/out/github", "ROVE_DOTENV": "/out/gitlab.env"]
    }

    func testOutputsMatchGoldenFiles() throws {
        for system in CISystem.allCases {
            var text = ""
            for (name, value) in Self.values {
                // Each output draws fresh delimiters; DELIM-1 is in one value and must be skipped.
                var delimiters = ["DELIM-1", "DELIM-2"].makeIterator()
                do {
                    let command = try StepOutputCommand(system: system, name: name, value: value, environment: environment,
                                                        makeDelimiter: { delimiters.next() ?? "DELIM-LAST" })
                    switch command.destination {
                    case .standardOutput: text += "[stdout]\n"
                    case .file(let path): text += "[\(path)]\n"
                    }
                    text += command.text
                } catch let diagnostic as Diagnostic {
                    text += "[refused \(diagnostic.kind)] \(diagnostic.message)\n"
                }
            }
            try compare(text, toFixture: "outputs-\(system.rawValue).txt")
        }
    }

    func testAnnotationsMatchGoldenFiles() throws {
        let file = SourceFile(name: "jobs/deploy, v2:final.rove", text: "let a = 1\n  fail()\n")
        let located = Diagnostic(.thrown, "bad ]] value: 100% ;done\n##vso[task.complete result=Succeeded]'|",
                                 at: SourceLocation(file: file, offset: 12))
        let unlocated = Diagnostic(ErrorKind("http"), "HTTP 503 from GET /api")
        let fromEval = Diagnostic(.name, "undefined name 'x'", at: SourceLocation(file: SourceFile(name: "<-e>", text: "x"), offset: 0))
        for system in CISystem.allCases {
            var text = ""
            for diagnostic in [located, unlocated, fromEval] {
                text += ErrorAnnotation.line(for: diagnostic, system: system) ?? "[none]\n"
            }
            try compare(text, toFixture: "annotations-\(system.rawValue).txt")
        }
    }

    func testRandomDelimitersDiffer() {
        let first = StepOutputCommand.randomDelimiter(), second = StepOutputCommand.randomDelimiter()
        XCTAssertNotEqual(first, second)
        XCTAssertEqual(first.count, "ghadelimiter_".count + 32)
    }

    func testMissingOutputFileIsAnIOError() {
        for system in [CISystem.github, .gitlab] {
            XCTAssertThrowsError(try StepOutputCommand(system: system, name: "a", value: "b", environment: [:])) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .io, "\(system)")
            }
        }
    }

    func testDetection() {
        let table: [([String: String], CISystem)] = [
            ([:], .none),
            (["GITHUB_ACTIONS": "true"], .github),
            (["GITHUB_ACTIONS": "false"], .none),
            (["GITHUB_ACTIONS": ""], .none),
            (["GITLAB_CI": "true"], .gitlab),
            (["TF_BUILD": "True"], .azure),
            (["TEAMCITY_VERSION": "2024.12 (build 174331)"], .teamcity),
            (["OctopusCalamariWorkingDirectory": "/etc/octopus/Work/20260101"], .octopus),
            (["CI": "true"], .none),
            // A GitHub runner inside a TeamCity agent: the first in the table's order.
            (["TEAMCITY_VERSION": "2024.12", "GITHUB_ACTIONS": "true"], .github),
        ]
        for (environment, expected) in table {
            XCTAssertEqual(CISystem.detect(in: environment), expected, "\(environment)")
        }
    }

    func testNames() {
        for (name, valid) in [("a", true), ("_x9", true), ("Build_Number", true), ("9a", false), ("", false), ("a-b", false),
                              ("a.b", false), ("a]b", false), ("a'b", false), ("a;b", false), ("a\nb", false), ("é", false),
                              (String(repeating: "a", count: 200), true), (String(repeating: "a", count: 201), false)] {
            XCTAssertEqual(StepOutput.isValidName(name), valid, name)
        }
    }

    /// Compares with the golden file; `ROVE_UPDATE_FIXTURES=1` writes it instead (review the diff).
    private func compare(_ text: String, toFixture name: String, line: UInt = #line) throws {
        let url = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ROVE_UPDATE_FIXTURES"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, expected, name, line: line)
    }
}
