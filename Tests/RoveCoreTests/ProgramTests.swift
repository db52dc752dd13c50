// Compile once, run many: a program keeps its compiled code and belongs to its interpreter.

@testable import RoveCore
import XCTest

final class ProgramTests: XCTestCase {
    /// Each run of a program executes the code compiled once: the function a run defines is
    /// built from the same compiled body every time, where running the source again compiles anew.
    func testRunningAProgramAgainDoesNotCompileItAgain() throws {
        let interpreter = Interpreter()
        let program = try interpreter.compile("fn check() { 1 }\ncheck", file: "t")
        var bodies: [CompiledFunction] = []
        for _ in 0..<3 {
            guard case .function(let check)? = try interpreter.run(program), let body = check.code else {
                return XCTFail("the program did not return its function")
            }
            bodies.append(body)
        }
        XCTAssertTrue(bodies.allSatisfy { $0 === bodies[0] })

        // The control: source text run twice is compiled twice.
        guard case .function(let first)? = try interpreter.run("fn check() { 1 }\ncheck", file: "t"),
              case .function(let second)? = try interpreter.run("fn check() { 1 }\ncheck", file: "t") else {
            return XCTFail("the source did not return its function")
        }
        XCTAssertFalse(first.code === second.code)
    }

    /// Globals persist between runs, and a host may define a name after compiling and before
    /// running: the compiled code reads whatever the global holds at run time.
    func testEachRunSeesTheGlobalsOfItsMoment() throws {
        let interpreter = Interpreter()
        let program = try interpreter.compile("total += ticket.points\n\"\\(ticket.id): \\(total)\"", file: "t")
        interpreter.define("total", as: 0)
        var lines: [String] = []
        for (id, points) in [("A", 3), ("B", 4), ("C", 5)] {
            interpreter.define("ticket", as: .object(["id": .string(id), "points": .int(points)]))
            if case .string(let line)? = try interpreter.run(program) { lines.append(line) }
        }
        XCTAssertEqual(lines, ["A: 3", "B: 7", "C: 12"])
    }

    /// A program's top-level `let` is a global that each run binds again.
    func testTopLevelBindingsAreBoundAgainEachRun() throws {
        let interpreter = Interpreter()
        interpreter.define("seed", as: 1)
        let program = try interpreter.compile("let doubled = seed * 2\nfn twice() { doubled }\ntwice()", file: "t")
        XCTAssertEqual(try interpreter.run(program), .int(2))
        interpreter.define("seed", as: 5)
        XCTAssertEqual(try interpreter.run(program), .int(10))
        XCTAssertEqual(interpreter.global("doubled"), .int(10))
    }

    /// A name nothing defines is an error of the run, not of the compile, and stops only that run.
    func testAnUndefinedNameFailsTheRunNotTheCompile() throws {
        let interpreter = Interpreter()
        let program = try interpreter.compile("later + 1", file: "t")
        XCTAssertThrowsError(try interpreter.run(program)) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .name)
        }
        interpreter.define("later", as: 41)
        XCTAssertEqual(try interpreter.run(program), .int(42))
    }

    func testASyntaxErrorIsThrownByCompile() {
        XCTAssertThrowsError(try Interpreter().compile("let = 1", file: "bad.rove")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .syntax)
            XCTAssertEqual((error as? Diagnostic)?.location?.file.name, "bad.rove")
        }
    }

    /// A program means nothing to another interpreter: running it there is a clear error.
    func testAProgramRunsOnlyOnTheInterpreterThatCompiledIt() throws {
        let owner = Interpreter()
        let program = try owner.compile("1 + 1", file: "gate.rove")
        let other = Interpreter()
        XCTAssertFalse(program.belongs(to: other))
        XCTAssertThrowsError(try other.run(program)) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.kind, .value)
            XCTAssertEqual(diagnostic?.message,
                           "'gate.rove' was compiled by another interpreter; compile it with the interpreter that runs it")
        }
        XCTAssertEqual(try owner.run(program), .int(2))
    }

    /// A program outlives its interpreter without keeping it alive, and a new interpreter (even
    /// one at the same address) does not take it for its own.
    func testAProgramWhoseInterpreterIsGoneRunsNowhere() throws {
        var owner: Interpreter? = Interpreter()
        weak var watched: Interpreter?
        watched = owner
        let program = try owner!.compile("1", file: "old.rove")
        owner = nil
        XCTAssertNil(watched)
        XCTAssertThrowsError(try Interpreter().run(program)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message,
                           "'old.rove' was compiled by another interpreter; compile it with the interpreter that runs it")
        }
    }

    /// Running a program keeps `run`'s rules: a pending interrupt stops it, and a limit's stop
    /// ends it as a `limit` error.
    func testAProgramRunKeepsTheInterruptAndLimitRules() throws {
        let interpreter = Interpreter()
        let program = try interpreter.compile("while true { }", file: "t")
        interpreter.interrupt()
        XCTAssertThrowsError(try interpreter.run(program)) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .interrupted)
        }
        interpreter.interruptHandle.stop(reachingLimit: "step limit reached")
        XCTAssertThrowsError(try interpreter.run(program)) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .limit)
            XCTAssertEqual((error as? Diagnostic)?.message, "step limit reached")
        }
    }
}
