// Hostile input for the lexer and parser: random bytes, deep nesting, and truncated constructs
// must end in a located diagnostic or a tree, never a crash or a hang.

@testable import RoveCore
import XCTest

final class FrontEndFuzzTests: XCTestCase {
    func testRandomBytesNeverCrash() {
        var generator = SplitMix(seed: 0x5EED)
        let alphabet = Array("let var fn if else while for in { } ( ) [ ] \" \\( ) $0 . ?. ?? .. ..< ... , : ; # \n \t + - * / % = == != < > && || ! 1 2.5 0x1F abc \"\"\" é \u{0}".utf8)
        let interpreter = Interpreter()
        for _ in 0..<3000 {
            let length = Int(generator.next() % 60)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                // Mostly grammar fragments, sometimes any byte at all.
                bytes.append(generator.next() % 5 == 0 ? UInt8(truncatingIfNeeded: generator.next())
                                                       : alphabet[Int(generator.next() % UInt64(alphabet.count))])
            }
            let text = String(decoding: bytes, as: UTF8.self)
            do { try interpreter.check(text, file: "fuzz") } catch let diagnostic as Diagnostic {
                for error in diagnostic.allErrors { XCTAssertNotNil(error.location, "no location for \(bytes)") }
                XCTAssertLessThanOrEqual(diagnostic.allErrors.count, Parser.maxErrors)
            } catch {
                XCTFail("non-diagnostic error \(error)")
            }
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let cases: [(String, String)] = [
            (String(repeating: "(", count: 100_000), "code nested too deeply"),
            (String(repeating: "[", count: 100_000), "code nested too deeply"),
            (String(repeating: "{ ", count: 100_000), "code nested too deeply"),
            (String(repeating: "-", count: 100_000) + "1", "code nested too deeply"),
            (String(repeating: "!", count: 100_000) + "x", "code nested too deeply"),
            ("x = " + String(repeating: "a ?? ", count: 100_000) + "b", "code nested too deeply"),
            (String(repeating: "\"\\(", count: 100_000), "strings nested too deeply"),
            (String(repeating: "if x { ", count: 100_000), "code nested too deeply"),
            (String(repeating: "fn f() { ", count: 100_000), "code nested too deeply"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try Interpreter().check(source, file: "deep")) { error in
                XCTAssertEqual((error as? Diagnostic)?.message, message, String(source.prefix(12)))
            }
        }
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
