// Cancelling: during a backoff wait, during a transfer, and through the interpreter's flag.

import Foundation
import RoveHTTP
import XCTest

final class ClientCancellationTests: XCTestCase {
    let url = "https://octo.test/api/tasks"

    func testCancelDuringBackoffThrowsInterrupted() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(503, [("retry-after", "2")]), reply(200))
        let client = makeClient(transport, clock)
        clock.onSleep = { _ in client.cancel() }
        XCTAssertThrowsError(try client.send(HTTPRequest(url: url))) { error in
            XCTAssertEqual((error as! HTTPError).kind, .interrupted)
        }
        XCTAssertEqual(transport.count("GET", url), 1)
        XCTAssertEqual(transport.cancelCount, 1)
    }

    func testACancelledTransferIsInterruptedAndNotRetried() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, failure(.cancelled, "aborted"), reply(200))
        XCTAssertThrowsError(try makeClient(transport, clock).send(HTTPRequest(url: url))) { error in
            XCTAssertEqual((error as! HTTPError).kind, .interrupted)
        }
        XCTAssertEqual(transport.count("GET", url), 1)
    }

    func testShouldStopIsPolledBetweenAttempts() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, failure(.connection), reply(200))
        let client = makeClient(transport, clock)
        var interrupted = false
        client.shouldStop = { interrupted }
        clock.onSleep = { _ in interrupted = true }
        XCTAssertThrowsError(try client.send(HTTPRequest(url: url))) { error in
            XCTAssertEqual((error as! HTTPError).kind, .interrupted)
        }
        XCTAssertEqual(transport.count("GET", url), 1)
    }

    func testACancelStopsOnlyTheSendsInProgress() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(200))
        let client = makeClient(transport, clock)
        client.cancel()   // Ctrl-C at the prompt: the next line's request must still go out
        XCTAssertEqual(try client.send(HTTPRequest(url: url)).status, 200)
    }

    func testTheRealSleepWakesOnCancel() {
        let transport = ScriptedTransport()
        transport.script("GET", url, reply(503, [("retry-after", "30")]), reply(200))
        let client = HTTPClient(transport: transport)
        let done = expectation(description: "send returned")
        let started = Date()
        let url = self.url
        nonisolated(unsafe) var kind: HTTPError.Kind?   // written before `done` is fulfilled, read after
        Thread.detachNewThread {
            do { _ = try client.send(HTTPRequest(url: url)) } catch { kind = (error as? HTTPError)?.kind }
            done.fulfill()
        }
        Thread.sleep(forTimeInterval: 0.1)
        client.cancel()
        wait(for: [done], timeout: 5)
        XCTAssertEqual(kind, .interrupted)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }
}
