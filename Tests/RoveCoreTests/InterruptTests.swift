// Interrupts through the Sendable handle: never lost, delivered once, from any thread.

import Foundation
import RoveCore
import XCTest

final class InterruptTests: XCTestCase {
    private func kind(of body: () throws -> Any?) -> String? {
        do {
            _ = try body()
            return nil
        } catch let diagnostic as Diagnostic {
            return diagnostic.kind.name
        } catch {
            return "\(error)"
        }
    }

    /// Asked for before `run`, an interrupt stops that run at its first loop iteration.
    func testAnInterruptBeforeRunIsNotLost() {
        let interpreter = Interpreter()
        interpreter.interruptHandle.interrupt()
        XCTAssertTrue(interpreter.isInterrupted)
        XCTAssertEqual(kind { try interpreter.run("var n = 0\nfor i in 0..<100000000 { n += i }\nn", file: "t") }, "interrupted")
        // Delivered once: the next run goes through.
        XCTAssertFalse(interpreter.isInterrupted)
        XCTAssertEqual(try interpreter.run("1 + 1", file: "t"), .int(2))
    }

    func testAWithdrawnInterruptStopsNothing() throws {
        let interpreter = Interpreter()
        interpreter.interrupt()
        interpreter.interruptHandle.withdraw()
        XCTAssertEqual(try interpreter.run("var n = 0\nfor i in 0..<1000 { n += 1 }\nn", file: "t"), .int(1000))
    }

    /// A limit's stop ends the run as that limit, once; the next run is not stopped.
    func testALimitStopEndsTheRunAsALimit() throws {
        let interpreter = Interpreter()
        interpreter.interruptHandle.stop(reachingLimit: "time limit of 1 s reached")
        do {
            _ = try interpreter.run("while true { try { 1 } catch e { } }", file: "t")
            XCTFail("the run was not stopped")
        } catch let diagnostic as Diagnostic {
            XCTAssertEqual(diagnostic.kind, .limit)
            XCTAssertEqual(diagnostic.message, "time limit of 1 s reached")
            XCTAssertNotNil(diagnostic.location)
        }
        XCTAssertEqual(try interpreter.run("2 + 2", file: "t"), .int(4))
    }

    /// The handle crosses threads on its own (it is Sendable); an endless loop ends.
    func testTheHandleStopsAnEndlessLoopFromAnotherThread() {
        let interpreter = Interpreter()
        let handle = interpreter.interruptHandle
        let started = DispatchSemaphore(value: 0)
        interpreter.define("started", as: .function(Function(name: "started") { _ in
            started.signal()
            return .null
        }))
        Thread {
            started.wait()
            handle.interrupt()
        }.start()
        XCTAssertEqual(kind { try interpreter.run("started()\nwhile true { }", file: "t") }, "interrupted")
    }

    /// An interrupt is not swallowed by `catch`: the loop around it stops at its next check.
    func testACaughtInterruptStillStopsTheLoopAroundIt() {
        let interpreter = Interpreter()
        interpreter.define("stopSoon", as: .function(Function(name: "stopSoon") { args in
            args.interpreter.interrupt()
            return .null
        }))
        let source = "var n = 0\nwhile n < 1000000 { try { stopSoon() } catch e { }\n n += 1 }\nn"
        XCTAssertEqual(kind { try interpreter.run(source, file: "t") }, "interrupted")
    }

    /// Builtins that iterate pass the checkpoint themselves: with an interrupt pending and no
    /// loop or script call in between, each stops on its own instead of finishing (or, for an
    /// endless range, never finishing).
    func testBuiltinsThatIterateNoticeAnInterrupt() {
        let cases = [
            "(0..<9223372036854775807).map { $0 }",   // collecting an endless host iterator
            "json(xs)",
            "xs.sort()",
        ]
        for source in cases {
            let interpreter = Interpreter()
            interpreter.define("stop", as: .function(Function(name: "stop") { args in
                args.interpreter.interrupt()
                return .null
            }))
            XCTAssertNoThrow(try interpreter.run("let xs = (0..<20000).map { 20000 - $0 }", file: "t"))
            XCTAssertEqual(kind { try interpreter.run("stop(); " + source, file: "t") }, "interrupted", source)
        }
    }
}
