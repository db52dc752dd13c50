// `run(...) async`: a run on a thread of its own that ends when its Task is cancelled.

import Dispatch
import RoveCore
import RoveHost
import Synchronization
import XCTest

final class AsyncRunTests: XCTestCase {
    /// The blocking `run`: in an async context the name means the async one.
    private func runHere(_ source: String, on interpreter: Interpreter) throws -> Value? {
        try interpreter.run(source, file: "here.rove")
    }

    private func kind(of result: Result<Value?, any Error>) -> String? {
        switch result {
        case .success: return nil
        case .failure(let error): return (error as? Diagnostic)?.kind.name ?? "\(error)"
        }
    }

    /// A script that never ends stops when its task is cancelled, with the `interrupted`
    /// diagnostic located in the loop; the interpreter is usable afterwards, both ways.
    func testCancellingTheTaskStopsAnEndlessScript() async throws {
        let interpreter = Interpreter()
        let started = expectation(description: "the script started")
        interpreter.register("started", arity: 0, doc: "tells the test the script runs") { _ in
            started.fulfill()
            return .null
        }
        let program = try interpreter.compile("started()\nvar n = 0\nwhile true { n += 1 }", file: "endless.rove")
        let task = Task { try await interpreter.run(program) }
        await fulfillment(of: [started], timeout: 60)
        task.cancel()
        let result = await task.result
        XCTAssertEqual(kind(of: result), "interrupted")
        if case .failure(let error as Diagnostic) = result {
            XCTAssertEqual(error.location?.file.name, "endless.rove")
            XCTAssertEqual(error.location?.line, 3)
        }
        XCTAssertFalse(interpreter.isInterrupted)
        XCTAssertEqual(try runHere("n > 0", on: interpreter), .bool(true))
        let again = try await interpreter.run("n = 0\nn + 2", file: "after.rove")
        XCTAssertEqual(again, .int(2))
    }

    /// A task cancelled before its run starts runs nothing and leaves no interrupt behind.
    func testATaskCancelledBeforeTheRunStartsRunsNothing() async throws {
        let interpreter = Interpreter()
        let calls = Mutex(0)
        interpreter.register("touch", arity: 0, doc: "counts calls") { _ in
            calls.withLock { $0 += 1 }
            return .null
        }
        let program = try interpreter.compile("touch()\n1", file: "t")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await interpreter.run(program)
        }
        let result = await task.result
        XCTAssertEqual(kind(of: result), "interrupted")
        XCTAssertEqual(calls.withLock { $0 }, 0)
        XCTAssertFalse(interpreter.isInterrupted)
        XCTAssertEqual(try runHere("touch()\n1", on: interpreter), .int(1))
    }

    /// A cancellation that arrives after the script's last loop or call is for a run that
    /// then ends normally: it returns its value and leaves nothing pending for the next run.
    func testACancellationAfterTheLastCheckIsNotLeftPending() async throws {
        let interpreter = Interpreter()
        let taskStored = DispatchSemaphore(value: 0)
        let running = Mutex<Task<Value?, any Error>?>(nil)
        interpreter.register("cancelMyTask", arity: 0, doc: "cancels the task running this script") { _ in
            taskStored.wait()
            running.withLock { $0?.cancel() }
            return .null
        }
        let program = try interpreter.compile("cancelMyTask()\n20 + 22", file: "t")
        let task = Task { try await interpreter.run(program) }
        running.withLock { $0 = task }
        taskStored.signal()
        let result = await task.result
        XCTAssertEqual(try result.get(), .int(42))
        XCTAssertFalse(interpreter.isInterrupted)
        XCTAssertEqual(try runHere("var n = 0\nfor i in 0..<10 { n += i }\nn", on: interpreter), .int(45))
    }

    /// The async run keeps `run`'s rules: a limit's stop ends it as a `limit` error.
    func testALimitStopEndsAnAsyncRunAsALimit() async throws {
        let interpreter = Interpreter()
        interpreter.interruptHandle.stop(reachingLimit: "time limit of 1 s reached")
        do {
            try await interpreter.run("while true { }", file: "t")
            XCTFail("the run was not stopped")
        } catch let diagnostic as Diagnostic {
            XCTAssertEqual(diagnostic.kind, .limit)
            XCTAssertEqual(diagnostic.message, "time limit of 1 s reached")
        }
    }

    /// Limits given for one async run apply to it alone.
    func testLimitsGivenForTheRunApplyToIt() async throws {
        let interpreter = Interpreter()
        let program = try interpreter.compile("var n = 0\nfor i in 0..<1000 { n += 1 }\nn", file: "t")
        do {
            try await interpreter.run(program, limits: Limits(steps: 100))
            XCTFail("the run was not limited")
        } catch let diagnostic as Diagnostic {
            XCTAssertEqual(diagnostic.kind, .limit)
        }
        let unlimited = try await interpreter.run(program)
        XCTAssertEqual(unlimited, .int(1000))
    }

    /// The run has the interpreter's large stack, not the caller's: recursion far deeper than
    /// a task's thread could hold finishes.
    func testTheRunHasALargeStack() async throws {
        let interpreter = Interpreter()
        interpreter.limits.callDepth = 200_000
        let depth = try await interpreter.run("fn down(n) {\n if n == 0 { return 0 }\n return 1 + down(n - 1)\n}\ndown(100000)", file: "t")
        XCTAssertEqual(depth, .int(100_000))
    }

    /// Errors of the script come back as they would from `run`.
    func testAScriptErrorIsThrownAsItsDiagnostic() async {
        let interpreter = Interpreter()
        do {
            try await interpreter.run("len(1, 2)", file: "t")
            XCTFail("no error")
        } catch let diagnostic as Diagnostic {
            XCTAssertEqual(diagnostic.kind, .argument)
            XCTAssertEqual(diagnostic.message, "too many arguments to 'len' (expected at most 1 argument, got 2)")
        } catch {
            XCTFail("\(error)")
        }
    }
}
