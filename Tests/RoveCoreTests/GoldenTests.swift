// Runs every golden script under Scripts/ and checks its `# expect` comments.

import RoveCore
import RoveTestSupport
import XCTest

final class GoldenTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts").path

    func testGoldenScripts() throws {
        let paths = GoldenScript.all(in: Self.directory)
        XCTAssertGreaterThan(paths.count, 0, "no golden scripts found in \(Self.directory)")
        var failures = 0
        for path in paths {
            let script = try GoldenScript(path: path)
            let problems = script.mismatches(in: script.run())
            if !problems.isEmpty {
                failures += 1
                XCTFail("\(path):\n" + problems.joined(separator: "\n"))
            }
        }
        print("golden scripts: \(paths.count - failures) passed, \(failures) failed")
    }

    /// Every prefix of every golden script must lex and parse to a tree or a located
    /// diagnostic, never a crash or a hang: a cheap stand-in for fuzzing.
    func testEveryPrefixParsesOrFailsCleanly() throws {
        for path in GoldenScript.all(in: Self.directory) {
            let bytes = Array(try String(contentsOfFile: path, encoding: .utf8).utf8)
            let interpreter = Interpreter()
            for length in 0...bytes.count {
                let prefix = String(decoding: bytes[0..<length], as: UTF8.self)
                do {
                    try interpreter.check(prefix, file: "prefix")
                } catch let diagnostic as Diagnostic {
                    for error in diagnostic.allErrors {
                        XCTAssertNotNil(error.location, "\(path) prefix \(length): diagnostic without location")
                    }
                }
            }
        }
    }
}
