// What the client retries, how long it waits, and when it gives up.

import RoveHTTP
import XCTest

final class ClientRetryTests: XCTestCase {
    let url = "https://octo.test/api/projects"

    func testRetriesA503AfterItsRetryAfterSeconds() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(503, [("retry-after", "2")]), reply(200, body: "[]"))
        let response = try makeClient(transport, clock).send(HTTPRequest(url: url))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(clock.sleeps, [2])
        XCTAssertEqual(transport.count("GET", url), 2)
    }

    /// A request's own time limit bounds its retries: a wait past it is not taken.
    func testATimeLimitCutsRetriesThatWouldOutlastIt() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(503, [("retry-after", "2")]), reply(200))
        XCTAssertThrowsError(try makeClient(transport, clock).send(HTTPRequest(url: url, timeLimit: 1)))
        XCTAssertEqual(clock.sleeps, [])
        XCTAssertEqual(transport.count("GET", url), 1)
    }

    /// The client's own limit applies to requests that carry none, and only while it is set.
    func testTheClientsTimeLimitAppliesWhileSet() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(503, [("retry-after", "2")]), reply(503, [("retry-after", "2")]), reply(200))
        let client = makeClient(transport, clock)
        client.timeLimit = 1
        XCTAssertThrowsError(try client.send(HTTPRequest(url: url)))
        XCTAssertEqual(transport.requests.last?.timeLimit, 1)
        client.timeLimit = nil
        XCTAssertEqual(try client.send(HTTPRequest(url: url)).status, 200)
        // The host's pause that the first 503's Retry-After set, then the retry's own wait.
        XCTAssertEqual(clock.sleeps, [2, 2])
        XCTAssertEqual(transport.requests.last?.timeLimit, nil)
    }

    func testRetryAfterAsAnHTTPDate() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        // The fake clock reads Sun, 06 Nov 1994 08:49:37 GMT: this date is 5 seconds later.
        transport.script("GET", url, reply(429, [("retry-after", "Sun, 06 Nov 1994 08:49:42 GMT")]), reply(200))
        _ = try makeClient(transport, clock).send(HTTPRequest(url: url))
        XCTAssertEqual(clock.sleeps, [5])
    }

    func testBackoffDoublesUpToTheMaximumDelay() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, failure(.connection), failure(.timeout), failure(.connection),
                         reply(502), reply(504), reply(200))
        let client = makeClient(transport, clock, maxAttempts: 6, baseDelay: 1, maxDelay: 4)
        XCTAssertEqual(try client.send(HTTPRequest(url: url)).status, 200)
        XCTAssertEqual(clock.sleeps, [1, 2, 4, 4, 4])
    }

    func testFullJitterStaysWithinTheCeiling() {
        let policy = RetryPolicy(baseDelay: 0.2, maxDelay: 10)
        XCTAssertEqual(policy.ceiling(afterFailure: 1), 0.2)
        XCTAssertEqual(policy.ceiling(afterFailure: 3), 0.8)
        XCTAssertEqual(policy.ceiling(afterFailure: 40), 10)
        for failures in 1...10 {
            let delay = policy.delay(afterFailure: failures)
            XCTAssertTrue((0...policy.ceiling(afterFailure: failures)).contains(delay), "\(delay)")
        }
    }

    func testGivingUpAfterMaxAttemptsReportsTheLastStatus() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(503))
        XCTAssertThrowsError(try makeClient(transport, clock, maxAttempts: 3).send(HTTPRequest(url: url))) { error in
            let failure = error as! HTTPError
            XCTAssertEqual(failure.kind, .status)
            XCTAssertEqual(failure.response?.status, 503)
            XCTAssertEqual(failure.attempts, 3)
            XCTAssertEqual(failure.message, "HTTP 503 Service Unavailable: GET \(self.url)")
        }
        XCTAssertEqual(transport.count("GET", url), 3)
        // Waits are measured against a clock near 8e8 s, so compare to the microsecond.
        XCTAssertEqual(clock.sleeps.count, 2)
        for (slept, expected) in zip(clock.sleeps, [0.2, 0.4]) { XCTAssertEqual(slept, expected, accuracy: 1e-6) }
    }

    func testTheTotalTimeCapRefusesALongRetryAfter() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(503, [("retry-after", "120")]), reply(200))
        XCTAssertThrowsError(try makeClient(transport, clock).send(HTTPRequest(url: url))) { error in
            XCTAssertEqual((error as! HTTPError).response?.status, 503)
        }
        XCTAssertEqual(transport.count("GET", url), 1)
        XCTAssertEqual(clock.sleeps, [])
    }

    func testTheTotalTimeCapEndsALongRunOfFailures() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(503, [("retry-after", "25")]))
        XCTAssertThrowsError(try makeClient(transport, clock, maxAttempts: 10).send(HTTPRequest(url: url)))
        XCTAssertEqual(clock.sleeps, [25, 25])   // a third wait would pass 60 s
    }

    func testPostIsNeverResentWhenItMayHaveReachedTheServer() {
        let outcomes: [(ScriptedTransport.Outcome, HTTPError.Kind)] = [
            (reply(500), .status), (reply(502), .status), (reply(504), .status),
            (reply(503), .status), (reply(429), .status),                    // no Retry-After
            (failure(.connection, "connection reset"), .connection), (failure(.timeout), .timeout),
        ]
        for (outcome, kind) in outcomes {
            let transport = ScriptedTransport(), clock = FakeClock()
            transport.script("POST", url, outcome, reply(201))
            let request = HTTPRequest(method: "POST", url: url, body: Array("{}".utf8))
            XCTAssertThrowsError(try makeClient(transport, clock).send(request)) { error in
                XCTAssertEqual((error as! HTTPError).kind, kind)
            }
            XCTAssertEqual(transport.count("POST", url), 1, "\(outcome)")
            XCTAssertEqual(clock.sleeps, [])
        }
    }

    func testPatchIsNotResentOnAConnectionFailure() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("PATCH", url, failure(.connection), reply(200))
        XCTAssertThrowsError(try makeClient(transport, clock).send(HTTPRequest(method: "PATCH", url: url)))
        XCTAssertEqual(transport.count("PATCH", url), 1)
    }

    func testPostIsResentWhenTheServerRefusedItWithRetryAfter() throws {
        for status in [429, 503] {
            let transport = ScriptedTransport(), clock = FakeClock()
            transport.script("POST", url, reply(status, [("retry-after", "1")]), reply(201))
            let response = try makeClient(transport, clock).send(HTTPRequest(method: "POST", url: url))
            XCTAssertEqual(response.status, 201)
            XCTAssertEqual(transport.count("POST", url), 2)
            XCTAssertEqual(clock.sleeps, [1])
        }
    }

    func testStatusesThatCannotPassFailAtOnce() {
        for status in [400, 401, 403, 404, 409, 422, 500] {
            let transport = ScriptedTransport(), clock = FakeClock()
            transport.script("GET", url, reply(status), reply(200))
            XCTAssertThrowsError(try makeClient(transport, clock).send(HTTPRequest(url: url))) { error in
                XCTAssertEqual((error as! HTTPError).response?.status, status)
            }
            XCTAssertEqual(transport.count("GET", url), 1, "\(status)")
        }
    }

    func testTransportFailuresAfterRetriesAreTyped() {
        let cases: [(TransportError.Kind, HTTPError.Kind, Int)] = [
            (.connection, .connection, 5), (.timeout, .timeout, 5), (.tls, .tls, 1), (.invalid, .invalid, 1),
            (.tooLarge, .tooLarge, 1),
        ]
        for (kind, errorKind, attempts) in cases {
            let transport = ScriptedTransport(), clock = FakeClock()
            transport.script("GET", url, failure(kind, "it broke"))
            XCTAssertThrowsError(try makeClient(transport, clock).send(HTTPRequest(url: url))) { error in
                let failure = error as! HTTPError
                XCTAssertEqual(failure.kind, errorKind)
                XCTAssertTrue(failure.message.contains("GET \(self.url): it broke"), failure.message)
                XCTAssertEqual(failure.method, "GET")
                XCTAssertEqual(failure.url, self.url)
                XCTAssertEqual(failure.attempts, attempts)
            }
            XCTAssertEqual(transport.count("GET", url), attempts)
        }
    }

    func testABatchReturnsResponsesInOrderAndRetriesEachOnItsOwn() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url + "?skip=0", reply(200, body: "a"))
        transport.script("GET", url + "?skip=30", reply(503, [("retry-after", "1")]), reply(200, body: "b"))
        transport.script("GET", url + "?skip=60", reply(200, body: "c"))
        let requests = [0, 30, 60].map { HTTPRequest(url: url + "?skip=\($0)") }
        let bodies = try makeClient(transport, clock).send(requests).map { String(decoding: $0.body, as: UTF8.self) }
        XCTAssertEqual(bodies, ["a", "b", "c"])
        XCTAssertEqual(transport.batchSizes, [3, 1])
    }

    /// While others are in flight, a retry waits out its delay without holding them up, then
    /// takes the next free slot ahead of requests never sent.
    func testARetryRejoinsTheWindowOnceDueAheadOfFreshRequests() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.answersPerWait = 1
        transport.onSend = { _ in clock.time += 0.1 }
        let requests = (0..<5).map { HTTPRequest(url: url + "?skip=\($0)") }
        transport.script("GET", requests[0].url, reply(502), reply(200, body: "0"))
        for n in 1..<5 { transport.script("GET", requests[n].url, reply(200, body: String(n))) }
        let responses = try makeClient(transport, clock, perHostLimit: 2).send(requests)
        XCTAssertEqual(responses.map { String(decoding: $0.body, as: UTF8.self) }, ["0", "1", "2", "3", "4"])
        // The 502 comes back at 0.1 s and may go again at 0.3 s (the 0.2 s backoff): by then
        // requests 2 and 3 have taken the freed slots, and it goes before request 4.
        XCTAssertEqual(transport.requests.map(\.url), [0, 1, 2, 3, 0, 4].map { requests[$0].url })
        XCTAssertEqual(clock.sleeps, [])
    }

    func testTraceWritesARedactedLinePerRequestResponseAndRetry() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        let keyed = url + "?apikey=API-KEY-1"
        transport.script("GET", keyed, reply(503), reply(200, body: "[1]"))
        transport.onSend = { _ in clock.time += 0.012 }
        let client = makeClient(transport, clock, baseDelay: 1.5)
        var lines: [String] = []
        client.trace = true
        client.log = { lines.append($0) }
        _ = try client.send(HTTPRequest(url: keyed))
        XCTAssertEqual(lines, [
            "→ GET \(url)?apikey=•••",
            "← 503 GET \(url)?apikey=••• 12 ms 0 B",
            "↻ retry 2/5 after 1.5 s (503)",
            "→ GET \(url)?apikey=•••",
            "← 200 GET \(url)?apikey=••• 12 ms 3 B",
        ])
    }
}
