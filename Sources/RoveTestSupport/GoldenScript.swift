// Golden scripts: Rove files that state their expected output in `# expect:` comments.

import Foundation
import RoveCLI
import RoveCore
import RoveHost

/// One golden script and what it expects.
///
/// - `# expect: text` — the next line of standard output is `text`.
/// - `# expect error: message` — the script stops with an uncaught error whose message is
///   `message`; when the comment trails a line of code, the error must point at that line.
/// - `# expect kind: name` — that error's kind (`syntax`, `incomplete`, `name`, ...).
/// - `# expect stderr: text` — the next line of standard error is `text`. A script without
///   these leaves standard error unchecked (progress and warnings are not its subject).
public struct GoldenScript {
    public let path: String
    public let source: String
    public let expectedOutput: [String]
    /// Standard error line by line, or nil when the script states nothing about it.
    public let expectedErrorOutput: [String]?
    public let expectedError: (message: String, line: Int?)?
    public let expectedKind: String?

    public init(path: String) throws {
        self.path = path
        self.source = try String(contentsOfFile: path, encoding: .utf8)
        var output: [String] = []
        var errorOutput: [String]? = nil
        var error: (String, Int?)? = nil
        var kind: String? = nil
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "# expect") else { continue }
            let directive = line[range.upperBound...]
            let code = line[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            if directive.hasPrefix(": ") || directive == ":" {
                output.append(String(directive.dropFirst(2)))
            } else if directive.hasPrefix(" error: ") {
                error = (String(directive.dropFirst(" error: ".count)), code.isEmpty ? nil : index + 1)
            } else if directive.hasPrefix(" stderr: ") || directive == " stderr:" {
                errorOutput = (errorOutput ?? []) + [String(directive.dropFirst(" stderr: ".count))]
            } else if directive.hasPrefix(" kind: ") {
                kind = String(directive.dropFirst(" kind: ".count))
            }
        }
        expectedOutput = output
        expectedErrorOutput = errorOutput
        expectedError = error
        expectedKind = kind
    }

    /// What running the script produced.
    public struct Outcome {
        public var output: [String]
        public var error: Diagnostic?
        /// What went to standard error (warnings such as a collection changing mid-walk).
        public var warnings: String = ""
    }

    /// Runs the script in a fresh interpreter whose files are the real file system.
    ///
    /// - Parameter prepare: called with the interpreter before the script runs; provider tests
    ///   connect it to a simulator there. `sleep` and `now` are real in that case, since tasks
    ///   on the simulator move on the real clock.
    public func run(realClock: Bool = false, prepare: @escaping (Interpreter) throws -> Void = { _ in }) -> Outcome {
        var printed = ""
        var warnings = ""
        let host = Host(
            standardOutput: { printed += $0 },
            standardError: { warnings += $0 },
            environment: ["ROVE_GOLDEN": "1"],
            arguments: ["first", "second"],
            now: realClock ? { Date().timeIntervalSince1970 } : { 1_700_000_000 },
            sleep: realClock ? { seconds in Thread.sleep(forTimeInterval: seconds) } : { _ in },
            readFile: { path in
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw Diagnostic(.io, "cannot read '\(path)': no such file")
                }
                return text
            },
            writeFile: { path, text in
                do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                    throw Diagnostic(.io, "cannot write '\(path)'")
                }
            }
        )
        // Like the CLI, run on a thread with a large stack: deeply nested values are freed and
        // compared recursively.
        let failure: Diagnostic? = runOnLargeStack { [source, path] _ in
            let interpreter = Interpreter(host: host)
            // As the CLI runs them without --sandbox; the policy's own scripts narrow it.
            interpreter.policy = .unrestricted
            do {
                try prepare(interpreter)
                try interpreter.run(source, file: path)
                return nil
            } catch let diagnostic as Diagnostic {
                return diagnostic
            } catch {
                return Diagnostic(.value, "unexpected error \(error)")
            }
        }
        return Outcome(output: Self.lines(of: printed), error: failure, warnings: warnings)
    }

    /// Differences between what the script expects and `outcome`; empty when it passes.
    public func mismatches(in outcome: Outcome) -> [String] {
        var problems: [String] = []
        if outcome.output != expectedOutput {
            problems.append("output:\n  expected \(expectedOutput)\n  got      \(outcome.output)")
        }
        if let expectedErrorOutput, Self.lines(of: outcome.warnings) != expectedErrorOutput {
            problems.append("standard error:\n  expected \(expectedErrorOutput)\n  got      \(Self.lines(of: outcome.warnings))")
        }
        switch (expectedError, outcome.error) {
        case (nil, nil): break
        case (nil, let error?):
            problems.append("unexpected error: \(DiagnosticRenderer.render(error))")
        case (let expected?, nil):
            problems.append("expected error '\(expected.message)' but the script finished")
        case (let expected?, let error?):
            if error.message != expected.message {
                problems.append("error message:\n  expected \(expected.message)\n  got      \(error.message)")
            }
            if let line = expected.line, let location = error.location, location.line != line {
                problems.append("error line: expected \(line), got \(location.line)")
            }
            if let kind = expectedKind, error.kind.name != kind {
                problems.append("error kind: expected \(kind), got \(error.kind.name)")
            }
        }
        return problems
    }

    /// `text` split into lines, without the empty one after a final newline.
    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Every `.rove` file under `directory`, sorted.
    public static func all(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".rove") }.sorted()
            .map { directory + "/" + $0 }
    }
}
