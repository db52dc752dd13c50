// Scripts that try to take down their host, run through the library on the test's own thread:
// each must end in the documented error, within its limit, and leave the interpreter usable.

import Foundation
import RoveCore
import XCTest

/// Counts for ever: `naturals` in a script is an endless generator.
private final class Naturals: HostObject {
    var typeName: String { "Naturals" }
    func makeIterator(in interpreter: Interpreter) throws -> (any HostIterator)? {
        SequenceIterator((0...).lazy.map { Value.int($0) }.makeIterator())
    }
}

/// A script, the limits it runs under, and the error it must end in.
private struct HostileCase {
    let name: String
    let script: String
    let limits: Limits
    let kind: ErrorKind
    /// Text the error's message must contain.
    let message: String
}

private let steps = Limits(steps: 10_000)
private let memory = Limits(memory: 16 << 20)

private let cases: [HostileCase] = [
    HostileCase(name: "an endless loop", script: "while true { }", limits: steps, kind: .limit,
                message: "step limit of 10000 reached"),
    HostileCase(name: "an endless loop that catches everything",
                script: "var n = 0\nwhile true { try { n += 1 } catch e { n = 0 } }", limits: steps, kind: .limit,
                message: "step limit of 10000 reached"),
    HostileCase(name: "a catch that retries after the limit",
                script: "fn spin() { while true { } }\nwhile true { try { spin() } catch e { print(e) } }", limits: steps,
                kind: .limit, message: "step limit of 10000 reached"),
    HostileCase(name: "map over an endless generator", script: "naturals.map { $0 }", limits: steps, kind: .limit,
                message: "step limit"),
    HostileCase(name: "len of an endless generator", script: "len(naturals)", limits: steps, kind: .limit,
                message: "step limit"),
    HostileCase(name: "count of an endless generator", script: "naturals.count", limits: steps, kind: .limit,
                message: "step limit"),
    HostileCase(name: "'in' over an endless generator", script: "-1 in naturals", limits: steps, kind: .limit,
                message: "step limit"),
    HostileCase(name: "a for loop over an endless generator", script: "for n in naturals { }", limits: steps,
                kind: .limit, message: "step limit"),
    HostileCase(name: "map over a range of Int.max", script: "(0..<9223372036854775807).map { $0 }", limits: steps,
                kind: .limit, message: "step limit"),
    HostileCase(name: "a map the memory limit ends", script: "naturals.map { \"item \\($0)\" }", limits: memory,
                kind: .limit, message: "memory limit of 16 MB reached"),
    HostileCase(name: "a string that doubles", script: "var s = \"x\"\nwhile true { s = s + s }", limits: memory,
                kind: .limit, message: "memory limit of 16 MB reached"),
    HostileCase(name: "a string that doubles by interpolation", script: "var s = \"x\"\nwhile true { s = \"\\(s)\\(s)\" }",
                limits: memory, kind: .limit, message: "memory limit of 16 MB reached"),
    HostileCase(name: "a list that doubles", script: "var xs = [1]\nwhile true { xs = xs + xs }", limits: memory,
                kind: .limit, message: "memory limit of 16 MB reached"),
    HostileCase(name: "a huge repeat", script: "\"abc\".repeat(100000000)", limits: memory, kind: .limit,
                message: "memory limit of 16 MB reached"),
    HostileCase(name: "a replace that multiplies a string",
                script: "let s = \"x\".repeat(1000000)\ns.replace(\"x\", with: \"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\")",
                limits: memory, kind: .limit, message: "memory limit of 16 MB reached"),
    HostileCase(name: "a memory limit inside a catch", script: "var s = \"x\"\nwhile true { try { s = s + s } catch e { } }",
                limits: memory, kind: .limit, message: "memory limit of 16 MB reached"),
    HostileCase(name: "runaway recursion is a stack error", script: "fn f(n) { return f(n + 1) }\nf(0)",
                limits: Limits(callDepth: 200), kind: .stack, message: "calls nested more than 200 deep"),
    HostileCase(name: "recursion that catches its stack error runs into the step limit",
                script: "fn f(n) { try { return f(n + 1) } catch e { return f(0) } }\nf(0)",
                limits: Limits(steps: 10_000, callDepth: 200), kind: .limit, message: "step limit of 10000 reached"),
    // Each way a script can wrap a value one level deeper meets the nesting limit where the
    // value is built, whatever its breadth.
    HostileCase(name: "a list literal that wraps itself", script: "var x = []\nwhile true { x = [x] }",
                limits: Limits(), kind: .limit, message: "nesting limit of 1000 levels reached"),
    HostileCase(name: "an object literal that wraps itself", script: "var o = {}\nwhile true { o = {inner: o, list: [1, 2]} }",
                limits: Limits(), kind: .limit, message: "nesting limit of 1000 levels reached"),
    HostileCase(name: "append that nests", script: "var x = []\nwhile true { var y = [1, 2, 3]\ny.append(x)\nx = y }",
                limits: Limits(nesting: 50), kind: .limit, message: "nesting limit of 50 levels reached"),
    HostileCase(name: "element assignment that nests", script: "var x = [0]\nwhile true { var y = [0]\ny[0] = x\nx = y }",
                limits: Limits(nesting: 50), kind: .limit, message: "nesting limit of 50 levels reached"),
    HostileCase(name: "field assignment that nests", script: "var o = {}\nwhile true { var p = {}\np.inner = o\no = p }",
                limits: Limits(nesting: 50), kind: .limit, message: "nesting limit of 50 levels reached"),
    HostileCase(name: "a deep path assignment", script: "var o = {a: {b: {c: 1}}}\nvar n = 0\nwhile true { o.a.b.c = o\nn += 1 }",
                limits: Limits(nesting: 50), kind: .limit, message: "nesting limit of 50 levels reached"),
    HostileCase(name: "a builtin that nests", script: "var x = [1]\nwhile true { x = x.enumerated() }",
                limits: Limits(nesting: 50), kind: .limit, message: "nesting limit of 50 levels reached"),
    HostileCase(name: "nesting inside a catch", script: "var x = []\nwhile true { try { x = [x] } catch e { x = [] } }",
                limits: Limits(nesting: 50), kind: .limit, message: "nesting limit of 50 levels reached"),
]

final class HostileScriptTests: XCTestCase {
    /// The memory limit measures nothing here but the values a script asks for, so each case
    /// ends the same way on any machine and after any earlier test.
    private func interpreter() -> Interpreter {
        let interpreter = Interpreter(host: Host(memoryInUse: { 0 }))
        interpreter.define("naturals", as: .host(Naturals()))
        return interpreter
    }

    func testEveryHostileScriptEndsInItsError() {
        for hostile in cases {
            let interpreter = interpreter()
            do {
                _ = try interpreter.run(SourceFile(name: "hostile.rove", text: hostile.script), limits: hostile.limits)
                XCTFail("\(hostile.name): the script ran to its end")
            } catch let diagnostic as Diagnostic {
                XCTAssertEqual(diagnostic.kind, hostile.kind, "\(hostile.name): \(diagnostic.message)")
                XCTAssertTrue(diagnostic.message.contains(hostile.message), "\(hostile.name): \(diagnostic.message)")
            } catch {
                XCTFail("\(hostile.name): \(error)")
            }
            // The limit belonged to that run: the interpreter goes on.
            XCTAssertEqual(try interpreter.run("1 + 1", file: "after.rove"), .int(2), hostile.name)
        }
    }

    /// Values past any nesting a recursive release survives are freed without recursion, on
    /// the test's own thread: a host may lift the nesting limit and still cannot crash. Each
    /// chain is 300,000 links long, several times what the thread's stack could unwind.
    func testValuesOfEveryShapeAreFreedWithoutRecursion() throws {
        let chains = [
            "var x = []\nfor i in 0..<300000 { x = [x] }\nx = nil",
            "var o = {}\nfor i in 0..<300000 { o = {next: o, list: [1]} }\no = nil",
            "var x = []\nfor i in 0..<150000 { x = [{inner: x}] }\nx = nil",
            "var f = fn() { 0 }\nfor i in 0..<300000 { let g = f\nf = fn() { g() } }\nf = nil",
            "var x = [1]\nfor i in 0..<300000 { x = [x.map] }\nx = nil",
            "var x = []\nfor i in 0..<300000 { let inner = x\nx = [fn() { inner }] }\nx = nil",
        ]
        for chain in chains {
            let interpreter = interpreter()
            let script = SourceFile(name: "chain.rove", text: chain + "\n\"freed\"")
            XCTAssertEqual(try interpreter.run(script, limits: Limits(nesting: .max)), "freed", chain)
        }
    }

    /// A value an earlier run allowed is refused by a stricter run when wrapped, without
    /// walking it all the way down.
    func testAStricterRunRefusesADeepValueAnEarlierRunMade() throws {
        let interpreter = interpreter()
        let build = SourceFile(name: "build.rove", text: "var x = []\nfor i in 0..<200000 { x = [x] }\nvar y = [x]\ny.removeLast()")
        _ = try interpreter.run(build, limits: Limits(nesting: .max))
        XCTAssertThrowsError(try interpreter.run(SourceFile(name: "wrap.rove", text: "[x]"), limits: Limits())) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "nesting limit of 1000 levels reached")
        }
        XCTAssertEqual(try interpreter.run(SourceFile(name: "wrap.rove", text: "len([y])"), limits: Limits()), 1)
    }

    /// A value keeps its nesting as it changes, so the limit needs no walk.
    func testNestingIsKeptAsValuesChange() throws {
        let rows: [(script: String, nesting: Int)] = [
            ("1", 0), ("[]", 1), ("{}", 1), ("[[1], 2]", 2), ("{a: [{}]}", 3),
            ("var xs = [1]\nxs.append([[2]])\nxs", 3),
            ("var xs = [1, 2]\nxs[1] = {a: [1]}\nxs", 3),
            ("var o = {a: 1}\no.b = [[[]]]\no", 4),
            ("var o = {a: {b: {}}}\no.a.b.c = [1]\no", 4),
            ("[1, 2].enumerated()", 2),
            ("var xs = [[1]]\nvar ys = xs\nys[0] = 1\nxs", 2),
        ]
        for row in rows {
            let value = try XCTUnwrap(try Interpreter().run(row.script, file: "nesting.rove"), row.script)
            XCTAssertEqual(value.nesting, row.nesting, row.script)
        }
    }

    /// The step limit is exact: N steps pass, the next one stops the run.
    func testTheStepLimitIsExact() throws {
        let interpreter = interpreter()
        interpreter.limits = Limits(steps: 100)
        // A loop of k iterations takes k steps.
        XCTAssertEqual(try interpreter.run("var n = 0\nfor i in 0..<100 { n += 1 }\nn", file: "t"), .int(100))
        XCTAssertThrowsError(try interpreter.run("var n = 0\nfor i in 0..<101 { n += 1 }\nn", file: "t")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "step limit of 100 reached")
        }
        // Each run counts from zero.
        XCTAssertEqual(try interpreter.run("var n = 0\nfor i in 0..<100 { n += 1 }\nn", file: "t"), .int(100))
    }

    /// A run's limits beat the interpreter's, for that run only.
    func testLimitsGivenToARunApplyToThatRun() throws {
        let interpreter = interpreter()
        XCTAssertThrowsError(try interpreter.run(SourceFile(name: "t", text: "for i in 0..<50 { }"), limits: Limits(steps: 10)))
        XCTAssertNoThrow(try interpreter.run(SourceFile(name: "t", text: "for i in 0..<50 { }")))
    }

    /// The time limit reads the host's clock, so a host with a fake clock tests it without waiting.
    func testTheTimeLimitReadsTheHostClock() {
        var now = 0.0
        let interpreter = Interpreter(host: Host(now: { now += 0.001; return now }))
        XCTAssertThrowsError(try interpreter.run(SourceFile(name: "t", text: "while true { }"), limits: Limits(time: 2))) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .limit)
            XCTAssertEqual((error as? Diagnostic)?.message, "time limit of 2 s reached")
        }
    }

    /// A sleep never outlasts the run's time: the host is asked for what is left, and the run
    /// ends with the limit even when the host's sleep ignores interrupts.
    func testASleepEndsAtTheTimeLimit() {
        var now = 0.0
        var slept: [Double] = []
        let host = Host(now: { now }, sleep: { seconds in slept.append(seconds); now += seconds })
        let interpreter = Interpreter(host: host)
        XCTAssertThrowsError(try interpreter.run(SourceFile(name: "t", text: "sleep(100)"), limits: Limits(time: 5))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "time limit of 5 s reached")
        }
        XCTAssertEqual(slept, [5])
    }

    /// The memory limit also reads the host's gauge: a run is charged what it adds to it.
    func testTheMemoryLimitChargesWhatTheRunAdds() {
        var inUse = 1 << 30
        let interpreter = Interpreter(host: Host(memoryInUse: { inUse }))
        interpreter.define("grow", as: .function(Function(name: "grow") { _ in
            inUse += 1 << 20
            return .null
        }))
        // The gigabyte held before the run is not the run's; the megabytes it adds are.
        XCTAssertThrowsError(try interpreter.run(SourceFile(name: "t", text: "while true { grow() }"),
                                                 limits: Limits(memory: 8 << 20))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "memory limit of 8 MB reached")
        }
    }

    /// Without a memory limit, the host's ceiling bounds a run: running out is an error.
    func testTheHostCeilingBoundsARunWithoutAMemoryLimit() {
        let interpreter = Interpreter(host: Host(memoryInUse: { 0 }, memoryCeiling: 4 << 20))
        XCTAssertThrowsError(try interpreter.run("var s = \"x\"\nwhile true { s = s + s }", file: "t")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .limit)
            XCTAssertEqual((error as? Diagnostic)?.message, "memory limit of 4 MB reached")
        }
    }

    /// Host functions called between runs are not charged to a finished run's budget.
    func testACallAfterARunIsNotStoppedByThatRunsLimit() throws {
        let interpreter = interpreter()
        interpreter.limits = Limits(steps: 100)
        let spin = try XCTUnwrap(interpreter.run("fn spin(k) { var n = 0\nfor i in 0..<k { n += 1 }\nreturn n }\nspin", file: "t"))
        XCTAssertEqual(try interpreter.call(spin, [.int(90)]), .int(90))
        XCTAssertEqual(try interpreter.call(spin, [.int(90)]), .int(90))
        XCTAssertThrowsError(try interpreter.call(spin, [.int(200)]))
    }

    /// An interrupt reaches builtins that walk large lists on their own: sort, json, join.
    func testAnInterruptStopsLongBuiltins() {
        for script in ["xs.sort()", "json(xs)", "xs.sortBy { $0 }", "xs.contains(-1)", "xs.join(\",\")",
                       "parse(text)", "str(xs)", "print(xs)"] {
            let interpreter = interpreter()
            _ = try? interpreter.run("let xs = (0..<300000).map { 300000 - $0 }\nlet text = json(xs)", file: "t")
            interpreter.interrupt()
            XCTAssertThrowsError(try interpreter.run(script, file: "t"), script) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .interrupted, script)
            }
        }
    }
}
