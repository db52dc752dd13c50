// The embedding API seen from a host: a Swift object exposed to scripts through HostObject.

import RoveCore
import XCTest

/// A paged inventory, standing in for the providers' collections: members, a labelled call,
/// a method, lazy iteration that counts how many items were produced, equality and completion.
private final class Inventory: HostObject {
    let items: [String]
    var produced = 0
    var owner: Value = .null

    init(_ items: [String]) { self.items = items }

    var typeName: String { "Inventory" }

    func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        switch name {
        case "count": return .int(items.count)
        case "owner": return owner
        default: return nil
        }
    }

    func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws -> Bool {
        guard name == "owner" else { return false }
        owner = value
        return true
    }

    func callMethod(_ name: String, with arguments: Arguments) throws -> Value? {
        guard name == "named" else { return nil }
        try arguments.expect(1)
        let wanted = try arguments.string(0)
        return items.contains(wanted) ? .string(wanted) : .null
    }

    func call(with arguments: Arguments) throws -> Value {
        try arguments.expect(0, labels: ["prefix"])
        let prefix = try arguments.string(labelled: "prefix") ?? ""
        return .host(Inventory(items.filter { $0.hasPrefix(prefix) }))
    }

    func makeIterator(in interpreter: Interpreter) throws -> (any HostIterator)? {
        var index = 0
        return Stream { [self] in
            guard index < items.count else { return nil }
            defer { index += 1 }
            produced += 1
            return .string(items[index])
        }
    }

    func isEqual(to other: any HostObject) -> Bool { (other as? Inventory)?.items == items }
    func describe(in interpreter: Interpreter) -> String { "<Inventory of \(items.count)>" }
    func data(in interpreter: Interpreter) throws -> Value? { .list(items.map { .string($0) }) }
    func completions(in interpreter: Interpreter) -> [String] { ["count", "owner", "named"] }
}

private final class Stream: HostIterator {
    let step: () -> Value?
    init(_ step: @escaping () -> Value?) { self.step = step }
    func next() throws -> Value? { step() }
}

final class HostObjectTests: XCTestCase {
    private func run(_ source: String, with inventory: Inventory) throws -> [String] {
        var output = ""
        let interpreter = Interpreter(host: Host(standardOutput: { output += $0 }))
        interpreter.define("inventory", as: .host(inventory))
        try interpreter.run(source, file: "host.rove")
        return output.split(separator: "\n").map(String.init)
    }

    func testScriptsReachHostMembersCallsAndMethods() throws {
        let inventory = Inventory(["web", "worker", "db"])
        let cases: [(source: String, output: [String])] = [
            ("print(inventory.count)", ["3"]),
            ("print(inventory)", ["<Inventory of 3>"]),
            ("print(type(inventory))", ["Inventory"]),
            ("print(inventory.named(\"db\"), inventory.named(\"x\"))", ["db nil"]),
            ("print(inventory(prefix: \"w\").count)", ["2"]),
            ("for item in inventory(prefix: \"w\") { print(item) }", ["web", "worker"]),
            ("print(\"db\" in inventory)", ["true"]),
            ("print(inventory == inventory(prefix: \"\"))", ["true"]),
            ("inventory.owner = \"ops\"\nprint(inventory.owner)", ["ops"]),
            ("try { inventory.missing } catch e { print(e.message) }", ["Inventory has no member 'missing'"]),
            ("try { inventory.cuont } catch e { print(e.message) }",
             ["Inventory has no member 'cuont'; did you mean 'count'?"]),
            ("try { inventory.nmaed(\"db\") } catch e { print(e.message) }",
             ["Inventory has no method 'nmaed'; did you mean 'named'?"]),
            ("try { inventory(size: 1) } catch e { print(e.message) }",
             ["bad argument #1 to 'Inventory' (unexpected label 'size:')"]),
            ("try { inventory(prefx: \"w\") } catch e { print(e.message) }",
             ["bad argument #1 to 'Inventory' (unexpected label 'prefx:'; did you mean 'prefix:'?)"]),
            ("try { inventory.named(1) } catch e { print(e.message) }",
             ["bad argument #1 to 'named' (string expected, got integer)"]),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try run(source, with: inventory), expected, source)
        }
    }

    func testIterationIsLazy() throws {
        let inventory = Inventory(["a", "b", "c", "d"])
        XCTAssertEqual(try run("for x in inventory { print(x); if x == \"b\" { break } }", with: inventory), ["a", "b"])
        XCTAssertEqual(inventory.produced, 2, "iteration must stop pulling items at 'break'")
    }

    func testCompletionOffersHostMembers() {
        let interpreter = Interpreter()
        interpreter.define("inventory", as: .host(Inventory(["a"])))
        // An iterable host object answers the list methods too (`inventory.contains("a")`).
        XCTAssertEqual(interpreter.completions(for: "print(inventory.c"), ["contains", "count"])
        XCTAssertEqual(interpreter.completions(for: "invent"), ["inventory"])
        XCTAssertEqual(interpreter.completions(for: "whi"), ["while"])
    }

    func testInterruptStopsAnInfiniteLoop() throws {
        let interpreter = Interpreter()
        interpreter.define("stop", as: .function(Function(name: "stop") { args in
            args.interpreter.interrupt()
            return .null
        }))
        XCTAssertThrowsError(try interpreter.run("var n = 0\nwhile true { n += 1; if n == 1000 { stop() } }", file: "loop")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .interrupted)
        }
        // The interpreter stays usable after an interrupt.
        XCTAssertEqual(try interpreter.run("1 + 1", file: "after"), .int(2))
    }

    func testUncaughtErrorsRenderWithCaretAndTrace() {
        let interpreter = Interpreter()
        XCTAssertThrowsError(try interpreter.run("fn f(x) {\n  return x.y\n}\nf(nil)", file: "t.rove")) { error in
            XCTAssertEqual(DiagnosticRenderer.render(error as! Diagnostic), """
                t.rove:2:12: error: cannot read member 'y' of nil; use '?.' to allow nil
                 2 |   return x.y
                   |            ^
                  at f (t.rove:2)
                  at main (t.rove:4)

                """)
        }
    }
}

final class ValueLayoutTests: XCTestCase {
    /// Every stack slot, list element and field is a Value: it must stay three words.
    func testValueStaysThreeWords() {
        XCTAssertLessThanOrEqual(MemoryLayout<Value>.size, 24)
    }
}
