// Small tables for the pieces of the output formats and the exit-code mapping.

@testable import RoveCLI
import RoveCore
import RoveTestSupport
import XCTest

final class OutputPiecesTests: XCTestCase {
    func testCSVQuotesOnlyWhatRFC4180Requires() {
        let table: [(String, String)] = [
            ("plain", "plain"), ("", ""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""), ("cr\r", "\"cr\r\""), ("crlf\r\n", "\"crlf\r\n\""), (" padded ", " padded "),
        ]
        for (text, expected) in table { XCTAssertEqual(CSVFormat.quoted(text), expected, text) }
    }

    func testCellsAreCutToTheirWidth() {
        let table: [(String, Int, String)] = [
            ("short", 10, "short"), ("exactly10!", 10, "exactly10!"), ("eleven-long", 10, "eleven-lo…"),
            ("日本語のテキスト", 6, "日本…"), ("abc", 1, "…"),
        ]
        for (text, width, expected) in table {
            XCTAssertEqual(CellText.truncated(text, to: width), expected, text)
            XCTAssertLessThanOrEqual(TextWidth.of(CellText.truncated(text, to: width)), width, text)
        }
    }

    func testCellsStayOnOneLine() {
        XCTAssertEqual(CellText.singleLine("a\nb\tc\u{1B}[31m"), "a b c?[31m")
    }

    func testExitStatusOfEachKindOfFailure() {
        func http(_ status: Int) -> Diagnostic {
            var diagnostic = Diagnostic(ErrorKind("http"), "HTTP \(status)")
            diagnostic.fields["status"] = .int(status)
            return diagnostic
        }
        let table: [(Diagnostic, ExitStatus)] = [
            (Diagnostic(.syntax, "x"), .syntaxError), (Diagnostic(.unexpectedEnd, "x"), .syntaxError),
            (Diagnostic(.interrupted, "x"), .interrupted), (Diagnostic(.name, "x"), .scriptError),
            (Diagnostic(.stack, "x"), .scriptError), (Diagnostic(.io, "x"), .scriptError),
            (http(400), .httpClientError), (http(404), .httpClientError), (http(422), .httpClientError),
            (http(401), .authentication), (http(403), .authentication),
            (http(500), .httpServerError), (http(503), .httpServerError), (http(302), .httpClientError),
            (Diagnostic(ErrorKind("origin"), "refused"), .denied), (Diagnostic(ErrorKind("denied"), "read-only"), .denied),
            (Diagnostic(ErrorKind("limit"), "budget"), .limit),
            (Diagnostic(ErrorKind("network"), "refused"), .httpServerError),
            (Diagnostic(ErrorKind("timeout"), "slow"), .httpServerError),
        ]
        for (diagnostic, expected) in table {
            XCTAssertEqual(ExitStatus(for: diagnostic), expected, diagnostic.message)
        }
    }

    func testStandardOutputIsBuffered() {
        let output = MemoryOutput(), errors = MemoryOutput()
        let cli = CLI(standardInput: MemoryInput(""), standardOutput: output, standardError: errors, environment: [:])
        XCTAssertEqual(cli.run(["-e", "for i in 0..<1000 { print(i) }"]), 0)
        XCTAssertEqual(output.text.split(separator: "\n").count, 1000)
        XCTAssertLessThanOrEqual(output.flushCount, 2, "a write per print is far too slow")
    }

    func testStandardOutputIsFlushedBeforeAnError() {
        // One stream for both, as when a terminal or `2>&1` shows them together.
        let both = MemoryOutput()
        let cli = CLI(standardInput: MemoryInput(""), standardOutput: both, standardError: both, environment: [:])
        XCTAssertEqual(cli.run(["-e", "print(\"first\")\nnope"]), 1)
        XCTAssertTrue(both.text.hasPrefix("first\n<-e>:2:1: error:"), both.text)
    }
}
