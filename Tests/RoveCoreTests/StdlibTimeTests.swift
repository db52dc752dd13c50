// Unit tables for parseTime and formatTime, checked against `date -u -d … +%s`.

import XCTest
@testable import RoveCore

final class StdlibTimeTests: XCTestCase {
    func testParseTimeReadsTheFormsTheAPIsWrite() throws {
        let interpreter = Interpreter()
        let cases: [(String, Value)] = [
            ("1970-01-01T00:00:00Z", 0),
            ("2026-06-30T14:02:11.000+01:00", 1_782_824_531),   // DeployHQ
            ("2025-12-31T21:00:00.000+00:00", 1_767_214_800),   // Octopus
            ("2026-01-01", 1_767_225_600),                      // a date alone: midnight UTC
            ("2000-02-29T12:00:00+05:30", 951_805_800),
            ("2000-02-29 12:00:00+0530", 951_805_800),
            ("2024-02-29T23:59:59.5-01:30", 1_709_256_599.5),
            ("1969-07-20T20:17:40Z", -14_182_940),
            ("1900-01-01T00:00Z", -2_208_988_800),
            ("2100-03-01", 4_107_542_400),
            ("2026-01-01T00:00:00", 1_767_225_600),             // no zone: UTC
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try interpreter.callBuiltin("parseTime", [.string(text)]), expected, text)
        }
    }

    func testParseTimeRefusesWhatIsNotATime() {
        let interpreter = Interpreter()
        for text in ["", "2026", "2026-13-01", "2026-02-30", "2025-02-29", "2026-01-01T24:00", "2026-01-01T10:60",
                     "2026-01-01T10:00:00.", "2026-01-01T10:00+01:00x", "2026-01-01X10:00", "yesterday",
                     "2026-01-01T10:00:00 UTC"] {
            XCTAssertThrowsError(try interpreter.callBuiltin("parseTime", [.string(text)]), text) { error in
                XCTAssertTrue((error as? Diagnostic)?.message.hasPrefix("bad argument #1 to 'parseTime'") ?? false, "\(error)")
            }
        }
    }

    func testFormatTimeWritesUTCAndRoundTrips() throws {
        let interpreter = Interpreter()
        let cases: [(Value, String)] = [
            (0, "1970-01-01T00:00:00Z"),
            (1_782_824_531, "2026-06-30T13:02:11Z"),
            (1_709_256_599.5, "2024-03-01T01:29:59.500Z"),
            (-14_182_940, "1969-07-20T20:17:40Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
        ]
        for (seconds, expected) in cases {
            XCTAssertEqual(try interpreter.callBuiltin("formatTime", [seconds]), .string(expected), "\(seconds)")
            XCTAssertEqual(try interpreter.callBuiltin("parseTime", [.string(expected)]), seconds, expected)
        }
        XCTAssertThrowsError(try interpreter.callBuiltin("formatTime", ["soon"]))
    }
}
