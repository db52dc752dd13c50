// Per-host concurrency: a window within the limit, halving on pushback, recovery on success.

import Foundation
import Synchronization
@testable import RoveHTTP
import XCTest

final class ClientGovernorTests: XCTestCase {
    func pages(_ host: String, _ count: Int) -> [HTTPRequest] {
        (0..<count).map { HTTPRequest(url: "https://\(host)/api/items?skip=\($0)") }
    }

    func script(_ transport: ScriptedTransport, _ requests: [HTTPRequest], _ outcomes: ScriptedTransport.Outcome...) {
        for request in requests {
            for outcome in outcomes { transport.script("GET", request.url, outcome) }
        }
    }

    func testABatchKeepsNoMoreInFlightThanTheLimit() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        let requests = pages("octo.test", 5)
        script(transport, requests, reply(200))
        XCTAssertEqual(try makeClient(transport, clock, perHostLimit: 2).send(requests).count, 5)
        XCTAssertEqual(transport.batchSizes, [2, 2, 1])
    }

    func testAFinishedRequestsSlotIsFilledAtOnce() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.answersPerWait = 1
        let requests = pages("octo.test", 5)
        script(transport, requests, reply(200))
        XCTAssertEqual(try makeClient(transport, clock, perHostLimit: 2).send(requests).count, 5)
        // Two in flight until the queue runs dry: no request waits for another's partner.
        XCTAssertEqual(transport.batchSizes, [2, 2, 2, 2, 1])
    }

    func testAFailureAbandonsTheRequestsInFlightAndFreesTheirSlots() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.answersPerWait = 1
        let requests = pages("octo.test", 6)
        transport.script("GET", requests[0].url, reply(404))
        script(transport, Array(requests.dropFirst()), reply(200))
        let client = makeClient(transport, clock, perHostLimit: 3)
        XCTAssertThrowsError(try client.send(requests)) { error in
            XCTAssertEqual((error as! HTTPError).kind, .status)
        }
        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertEqual(transport.abandonCount, 1)
        XCTAssertEqual(client.governor(for: requests[0].url).reserve(3, now: clock.time).count, 3)
    }

    func testEachHostHasItsOwnLimit() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        let requests = pages("a.test", 3) + pages("b.test", 3)
        script(transport, requests, reply(200))
        _ = try makeClient(transport, clock, perHostLimit: 2).send(requests)
        XCTAssertEqual(transport.batchSizes, [4, 2])
    }

    func testA429HalvesTheLimitOncePerRoundAndSuccessesRestoreIt() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        let requests = pages("octo.test", 8)
        script(transport, requests, reply(429, [("retry-after", "1")]), reply(200))
        let client = makeClient(transport, clock, perHostLimit: 8)
        _ = try client.send(requests)
        // Eight 429s to requests in flight together halve the limit once; the retries go four at a time, and each
        // success adds one back.
        XCTAssertEqual(transport.batchSizes, [8, 4, 4])
        XCTAssertEqual(clock.sleeps, [1])
        XCTAssertEqual(client.governor(for: requests[0].url).limit, 8)
    }

    func testPushbackAndRecoveryStepByStep() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        let url = "https://octo.test/api/x"
        transport.script("GET", url, reply(503), reply(503), reply(200))
        let client = makeClient(transport, clock, perHostLimit: 8)
        let governor = client.governor(for: url)
        _ = try client.send(HTTPRequest(url: url))
        XCTAssertEqual(governor.limit, 3)          // 8 → 4 → 2, then one success
        for _ in 0..<10 { _ = try client.send(HTTPRequest(url: url)) }
        XCTAssertEqual(governor.limit, 8)          // never above the maximum
    }

    func testRetryAfterHoldsEveryRequestToThatHost() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        let first = "https://octo.test/api/a", second = "https://octo.test/api/b", other = "https://other.test/api/c"
        transport.script("GET", first, reply(429, [("retry-after", "3")]), reply(200))
        transport.script("GET", second, reply(200))
        transport.script("GET", other, reply(200))
        var sentAt: [String: Double] = [:]
        transport.onSend = { batch in for request in batch { sentAt[request.url] = clock.time } }
        let client = makeClient(transport, clock, perHostLimit: 1)
        _ = try client.send([first, second, other].map { HTTPRequest(url: $0) })
        let start = FakeClock().time
        XCTAssertEqual(sentAt[other], start)        // another host is not held
        XCTAssertEqual(sentAt[second], start + 3)   // the same host waits out the Retry-After
        XCTAssertEqual(clock.sleeps, [3])
    }

    func testConcurrentReservationsNeverExceedTheLimit() {
        let governor = Governor(maximum: 3)
        let peak = Mutex(0), inFlight = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let reservation = governor.reserve(2, now: 0)
            let now = inFlight.withLock { $0 += reservation.count; return $0 }
            peak.withLock { $0 = max($0, now) }
            if index % 7 == 0 { governor.recordThrottle(in: reservation, until: nil) } else { governor.recordSuccess() }
            inFlight.withLock { $0 -= reservation.count }
            governor.release(reservation)
        }
        XCTAssertLessThanOrEqual(peak.withLock { $0 }, 3)
        XCTAssertTrue((1...3).contains(governor.limit))
        XCTAssertEqual(governor.reserve(5, now: 0).count, governor.limit)   // every slot came back
    }

    func testGovernorsAreKeyedBySchemeHostAndPort() {
        let client = makeClient(ScriptedTransport(), FakeClock())
        let governor = client.governor(for: "https://Octo.test/api")
        XCTAssertTrue(client.governor(for: "https://octo.test:443/other?x=1") === governor)
        XCTAssertTrue(client.governor(for: "https://user:pw@octo.test/") === governor)
        XCTAssertFalse(client.governor(for: "http://octo.test/api") === governor)
        XCTAssertFalse(client.governor(for: "https://octo.test:8443/api") === governor)
        XCTAssertTrue(client.governor(for: "http://[::1]:8080/a") === client.governor(for: "http://[::1]:8080/b"))
    }
}
