// The TOML-subset reader as tables: text in, the values read or the exact located error out.

import RoveCore
@testable import RoveCLI
import XCTest

final class ConfigFileTests: XCTestCase {
    func testReads() throws {
        let table: [(text: String, expected: [String])] = [
            ("", []),
            ("# only a comment\n\n   \n", []),
            ("a = \"x\"", ["a = \"x\""]),
            ("a = \"x\" # trailing comment\r\nb = 'y'\r\n", ["a = \"x\"", "b = \"y\""]),
            ("\u{FEFF}a = 1", ["a = 1"]),
            ("n = 42\nm = -7\np = +3\nz = 0\nbig = 1_000_000", ["n = 42", "m = -7", "p = 3", "z = 0", "big = 1000000"]),
            ("t = true\nf = false", ["t = true", "f = false"]),
            ("s = \"tab\\there \\\"q\\\" back\\\\slash\\n\"", ["s = \"tab\\there \\\"q\\\" back\\\\slash\\n\""]),
            ("u = \"\\u00e9\\U0001F600\"", ["u = \"é😀\""]),
            ("path = 'C:\\Users\\me'", ["path = \"C:\\\\Users\\\\me\""]),
            ("empty = \"\"", ["empty = \"\""]),
            ("\"quoted key\" = 1\n'lit.key' = 2\nbare-key_2 = 3",
             ["\"quoted key\" = 1", "\"lit.key\" = 2", "bare-key_2 = 3"]),
            ("[profiles.prod]\nurl = \"u\"\n[profiles.site]\nkey = \"k\"",
             ["profiles.prod.url = \"u\"", "profiles.site.key = \"k\""]),
            ("[ profiles . \"my prod\" ]  # spaced\nurl = \"u\"", ["profiles.\"my prod\".url = \"u\""]),
            ("[a]\n[a.b]\nc = 1", ["a.b.c = 1"]),
            ("[a.b]\nc = 1\n[a]\nd = 2", ["a.b.c = 1", "a.d = 2"]),
            ("[empty]", ["empty = {}"]),
            ("a.b = 1\na.c = 2", ["a.b = 1", "a.c = 2"]),
            ("top = 1\n[t]\nin = 2", ["top = 1", "t.in = 2"]),
            ("a=1\n\tb\t=\t2", ["a = 1", "b = 2"]),
            ("a = []", ["a = []"]),
            ("a = [1, \"x\", true]", ["a = [1, \"x\", true]"]),
            ("a = [ \"x\", ]  # a trailing comma", ["a = [\"x\"]"]),
            ("a = [\n  \"/srv\",  # the data\r\n  'out',\n\n]\nb = 1", ["a = [\"/srv\", \"out\"]", "b = 1"]),
            ("a = [[1], []]", ["a = [[1], []]"]),
        ]
        for (text, expected) in table {
            let file = try ConfigFile(parsing: text, name: "config.toml")
            XCTAssertEqual(Self.lines(file.root), expected, text.debugDescription)
        }
    }

    func testRejects() {
        let table: [(text: String, error: String)] = [
            ("a =", "config.toml:1:4: expected a value"),
            ("a = # nothing", "config.toml:1:5: expected a value"),
            ("\n\nprofile = @", "config.toml:3:11: expected a value"),
            ("url = https://x", "config.toml:1:7: expected a value (text needs quotes)"),
            ("a", "config.toml:1:2: expected '=' after the key"),
            ("a b = 1", "config.toml:1:3: expected '=' after the key"),
            ("= 1", "config.toml:1:1: expected a key"),
            ("a = \"x\" y", "config.toml:1:9: expected the end of the line after the value"),
            ("a = 1 2", "config.toml:1:7: expected the end of the line after the value"),
            ("a = \"open", "config.toml:1:5: unterminated string"),
            ("a = 'open\nb = 1", "config.toml:1:5: unterminated string"),
            ("a = \"bad \\q\"", "config.toml:1:10: invalid escape '\\q'"),
            ("a = \"\\u12\"", "config.toml:1:6: invalid unicode escape"),
            ("a = \"\\uD800\"", "config.toml:1:6: invalid unicode escape"),
            ("a = \"bell\u{07}\"", "config.toml:1:10: control characters in strings must be escaped"),
            ("a = \"\"\"multi\"\"\"", "config.toml:1:5: multi-line strings are not supported"),
            ("a = '''multi'''", "config.toml:1:5: multi-line strings are not supported"),
            ("a = [1, 2", "config.toml:1:5: unterminated array"),
            ("a = [1 2]", "config.toml:1:8: expected ',' or ']' after the array's value"),
            ("a = [,]", "config.toml:1:6: expected a value"),
            ("a = [1, 2] 3", "config.toml:1:12: expected the end of the line after the value"),
            ("a = [{ b = 1 }]", "config.toml:1:6: inline tables are not supported"),
            ("a = { b = 1 }", "config.toml:1:5: inline tables are not supported"),
            ("a = 1.5", "config.toml:1:5: floats are not supported"),
            ("a = 1e3", "config.toml:1:5: floats are not supported"),
            ("a = nan", "config.toml:1:5: floats are not supported"),
            ("a = 1979-05-27", "config.toml:1:5: dates and times are not supported"),
            ("a = 07", "config.toml:1:5: invalid integer '07'"),
            ("a = 1__0", "config.toml:1:5: invalid integer '1__0'"),
            ("a = 0x1F", "config.toml:1:5: invalid integer '0x1F'"),
            ("a = 99999999999999999999", "config.toml:1:5: invalid integer '99999999999999999999'"),
            ("a = True", "config.toml:1:5: expected a value (text needs quotes)"),
            ("[[servers]]", "config.toml:1:1: arrays of tables ([[...]]) are not supported"),
            ("[a", "config.toml:1:3: expected ']' after the table name"),
            ("[]", "config.toml:1:2: expected a key"),
            ("[a] b = 1", "config.toml:1:5: expected the end of the line after the table header"),
            ("a = 1\na = 2", "config.toml:2:1: duplicate key 'a'"),
            ("[t]\nx = 1\n[u]\n[t]", "config.toml:4:1: duplicate table 't'"),
            ("a = 1\n[a.b]", "config.toml:2:2: 'a' is an integer, not a table"),
            ("[p]\nx = 1\n[p.x]", "config.toml:3:4: 'x' is an integer, not a table"),
            ("a = 1\r", "config.toml:1:6: expected the end of the line after the value"),
        ]
        for (text, message) in table {
            XCTAssertThrowsError(try ConfigFile(parsing: text, name: "config.toml"), text.debugDescription) { error in
                XCTAssertEqual(Self.located(error), message, text.debugDescription)
            }
        }
    }

    func testErrorsRenderLikeSyntaxErrors() {
        XCTAssertThrowsError(try ConfigFile(parsing: "[profiles.prod]\nurl = \"x\"\nspace = \n", name: "config.toml")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .config)
            XCTAssertEqual((error as? Diagnostic).map { DiagnosticRenderer.render($0) },
                           "config.toml:3:9: error: expected a value\n 3 | space = \n   |         ^\n")
        }
    }

    /// `file:line:column: message`, the way the tables spell an expected error.
    static func located(_ error: Error) -> String {
        guard let diagnostic = error as? Diagnostic else { return "not a diagnostic: \(error)" }
        guard let location = diagnostic.location else { return diagnostic.message }
        return "\(location.description): \(diagnostic.message)"
    }

    /// A value inside an array, as the lines show it.
    private static func text(_ value: ConfigValue) -> String {
        switch value {
        case .string(let text): return text.debugDescription
        case .integer(let number): return "\(number)"
        case .boolean(let flag): return "\(flag)"
        case .array(let items): return "[\(items.map(text).joined(separator: ", "))]"
        case .table: return "{…}"
        }
    }

    /// One line per value, `dotted.path = value`, with keys that are not bare in quotes.
    private static func lines(_ table: ConfigTable, prefix: String = "") -> [String] {
        table.entries.flatMap { entry -> [String] in
            let bare = !entry.key.isEmpty && entry.key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            let path = prefix + (bare ? entry.key : "\"\(entry.key)\"")
            switch entry.value {
            case .string(let text): return ["\(path) = \(text.debugDescription)"]
            case .integer(let number): return ["\(path) = \(number)"]
            case .boolean(let flag): return ["\(path) = \(flag)"]
            case .array(let items): return ["\(path) = [\(items.map(Self.text).joined(separator: ", "))]"]
            case .table(let nested): return nested.entries.isEmpty ? ["\(path) = {}"] : lines(nested, prefix: path + ".")
            }
        }
    }
}
