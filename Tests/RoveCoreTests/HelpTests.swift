// help(x) for every kind of value, read from the tables builtins, methods and host members are
// declared in; and hostile names from outside never reach the terminal raw.

import XCTest
@testable import RoveCore

/// A host object with names a hostile server could send, and no help of its own.
private final class Hostile: HostObject {
    let names: [String]
    init(_ names: [String]) { self.names = names }
    var typeName: String { "Hostile" }
    func describe(in interpreter: Interpreter) -> String { "<Hostile \u{1b}[31mred\u{1b}[0m>" }
    func completions(in interpreter: Interpreter) -> [String] { names }
}

/// A host object that declares its members in a table, as the providers do.
private final class Gauge: HostObject {
    static let members = HostMembers<Gauge>([
        .property("level", doc: "level — how full it is, from 0 to 100") { _, _ in .int(40) },
        .method("reset", doc: "reset() — empties it") { _, arguments in
            try arguments.expect(0)
            return .null
        },
    ])
    var typeName: String { "Gauge" }
    func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        try Self.members.read(name, of: self, in: interpreter)
    }
    func callMethod(_ name: String, with arguments: Arguments) throws -> Value? {
        try Self.members.call(name, on: self, with: arguments)
    }
    func completions(in interpreter: Interpreter) -> [String] { Self.members.names }
    func help(in interpreter: Interpreter) throws -> HelpTopic? {
        HelpTopic(title: "Gauge", sections: [HelpTopic.Section("Members", Self.members.helpEntries)])
    }
}

final class HelpTests: XCTestCase {
    private func output(of source: String, defining globals: [String: Value] = [:]) throws -> String {
        var output = ""
        let interpreter = Interpreter(host: Host(standardOutput: { output += $0 }))
        for (name, value) in globals { interpreter.define(name, as: value) }
        interpreter.register("approve", arity: 1, doc: "approves the ticket") { _ in .null }
        try interpreter.run(source, file: "help.rove")
        return output
    }

    func testHelpOfEveryKindOfValue() throws {
        let cases: [(source: String, expected: [String])] = [
            ("help(nil)", ["nil\n  The absence of a value"]),
            ("help(true)", ["boolean true\n"]),
            ("help(42)", ["integer 42\n"]),
            ("help(2.5)", ["float 2.5\n"]),
            ("help(\"héllo\")", ["string \"héllo\"\n  5 characters\n", "\nMethods:\n", "  split(sep)", "  replace(old, with: new)  every old replaced by new\n"]),
            ("help([1, 2])", ["list of 2 items\n", "  map { x in … }", "  sortBy { key }", "  append(x)"]),
            ("help({Name: \"Web\", \"Odd key\": 1})", ["object with 2 fields\n", "Fields:\n  Name, [\"Odd key\"]\n", "  merge(other)"]),
            ("help(len)", ["len(x)\n  a string's characters, a list's items, an object's fields, a collection's size\n"]),
            ("help(help)", ["help(x)\n"]),
            ("help(approve)", ["approve\n  approves the ticket\n"]),
            ("help([1].map)", ["map { x in … }\n  each item transformed\n  A method of lists, bound to its receiver.\n"]),
            ("help(\"x\".upper)", ["upper()\n  uppercased\n  A method of strings"]),
            ("help(assert)", ["assert(condition, message)\n  an assertion error, with the message, unless the condition holds\n"]),
            ("# Deploys a release.\n# Waits for it.\nfn deploy(release, to environment, wait: true, _ x = 1) { }\nhelp(deploy)",
             ["fn deploy(release, to environment, wait: …, x = …)\n  Deploys a release.\n  Waits for it.\n  Defined at help.rove:3.\n"]),
            ("fn bare() { }\nhelp(bare)", ["fn bare()\n  Defined at help.rove:1.\n"]),
            ("let add = { a, b in a + b }\nhelp(add)", ["closure { a, b in … }\n  Defined at help.rove:1.\n"]),
            ("let first = { $0 }\nhelp(first)", ["closure {"]),
            ("help(0..<3)", ["range 0..<3\n", "  count    how many integers it holds\n", "List methods, over its integers:\n"]),
            ("try { nosuch } catch e { help(e) }", ["error: undefined name 'nosuch'\n", "  message  what went wrong"]),
            ("help(secret(\"k\"))", ["secret •••\n"]),
            ("help(gauge)", ["Gauge\n\nMembers:\n  level    how full it is, from 0 to 100\n  reset()  empties it\n"]),
            ("help(\"map\")", ["map\n\nA method of lists:\n  map { x in … }  each item transformed\n"]),
            ("help(\"count\")", ["A method of strings:\n  count  the number of characters\n", "A method of lists:\n", "A method of objects:\n  count()"]),
            ("help(\"len\")", ["len(x)\n"]),
            ("help(\"mpa\")", ["No builtin or method is named \"mpa\"; did you mean 'map'?"]),
        ]
        for (source, expected) in cases {
            let text = try output(of: source, defining: ["gauge": .host(Gauge())])
            for piece in expected {
                XCTAssertTrue(text.contains(piece), "\(source)\n--- wanted\n\(piece)\n--- got\n\(text)")
            }
        }
    }

    func testHelpWithoutArgumentsListsBuiltinsFunctionsAndObjects() throws {
        let text = try output(of: "fn mine() { }\nhelp()", defining: ["gauge": .host(Gauge())])
        for piece in ["Builtin functions:\n", "  len(x)  ", "  approve ", " approves the ticket\n", "  help(x)  ",
                      "  assert(condition, message)  ", "Functions written in Rove:\n",
                      "  mine()\n", "Objects:\n  gauge  <Gauge>\n"] {
            XCTAssertTrue(text.contains(piece), "wanted \(piece.debugDescription) in\n\(text)")
        }
    }

    func testEveryBuiltinAndMethodIsDocumentedWithItsUsage() {
        for builtin in Builtins.tables.joined() {
            let doc = builtin.doc ?? ""
            XCTAssertTrue(doc.hasPrefix(builtin.name + "(") && doc.contains(" — "), "builtin \(builtin.name): \(doc)")
        }
        for (type, table) in [("string", StringMethods.table), ("list", ListMethods.table), ("object", ObjectMethods.table)] {
            for method in table {
                let doc = method.doc ?? ""
                XCTAssertTrue(doc.hasPrefix(method.name) && doc.contains(" — "), "\(type) method \(method.name): \(doc)")
                // A property reads without parentheses, so its usage shows none.
                if method.isProperty { XCTAssertFalse(doc.hasPrefix(method.name + "("), "\(type).\(method.name): \(doc)") }
            }
        }
    }

    func testHostileNamesAreEscapedAndManyAreCut() throws {
        let hostile = Hostile(["ok", "esc\u{1b}[2J", "bell\u{7}", "nl\nx", "bidi\u{202e}", "c1\u{85}", "quote\"back\\"])
        let text = try output(of: "help(h)", defining: ["h": .host(hostile)])
        XCTAssertFalse(text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F
                           || (0x80...0x9F).contains($0.value) || $0 == "\u{202e}" }, text.debugDescription)
        for piece in ["Hostile <Hostile \\u{1b}[31mred\\u{1b}[0m>\n", "ok", "[\"esc\\u{1b}[2J\"]", "[\"bell\\u{7}\"]",
                      "[\"nl\\nx\"]", "[\"bidi\\u{202e}\"]", "[\"c1\\u{85}\"]", "[\"quote\\\"back\\\\\"]"] {
            XCTAssertTrue(text.contains(piece), "wanted \(piece) in\n\(text)")
        }
        let many = Hostile((0..<10_000).map { "Link\($0)" })
        let long = try output(of: "help(h)", defining: ["h": .host(many)])
        XCTAssertTrue(long.contains("Link199,") || long.contains("Link199\n"), long)
        XCTAssertFalse(long.contains("Link200"), "a section lists at most \(HelpTopic.maximumEntries) names")
        XCTAssertTrue(long.contains("… and 9800 more\n"), long)
    }

    func testHelpIsAnArgumentCheckedBuiltin() {
        XCTAssertThrowsError(try output(of: "help(1, 2)")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .argument)
        }
    }

    /// Help is wrapped to the width the host gives (a terminal's, read at each call): a long
    /// description continues under itself, a usage too wide for the column has its description
    /// below it, and no line is wider than the width where the words allow.
    func testHelpIsWrappedToTheWidth() {
        let topic = HelpTopic(title: "Gauge", lines: ["A gauge measures how full something is, from empty to full, in whole percent."],
                              sections: [HelpTopic.Section("Members", [
                                  HelpTopic.Entry(name: "level", doc: "level — how full it is, from 0 to 100, read afresh from the device each time"),
                                  HelpTopic.Entry(name: "calibrate", doc: "calibrate(against: reference, tolerance: 0.5) — sets zero"),
                                  HelpTopic.Entry(name: "reset", doc: "reset() — empties it"),
                              ])])
        XCTAssertEqual(topic.text(width: 50), """
            Gauge
              A gauge measures how full something is, from
              empty to full, in whole percent.

            Members:
              level    how full it is, from 0 to 100, read
                       afresh from the device each time
              calibrate(against: reference, tolerance: 0.5)
                       sets zero
              reset()  empties it

            """)
        for width in [30, 50, 80, 120] {
            for line in topic.text(width: width).split(separator: "\n") where line.contains(" ") && !line.contains("calibrate") {
                XCTAssertLessThanOrEqual(line.count, max(width, 11 + 24), "\(width): \(line)")
            }
        }
        // Without a width (a log, a pipe) each description stays on one line.
        XCTAssertTrue(topic.text.contains("\n  level    how full it is, from 0 to 100, read afresh from the device each time\n"), topic.text)
    }
}
