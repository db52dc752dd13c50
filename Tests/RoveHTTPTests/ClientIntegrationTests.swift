// HTTPClient over the real CurlTransport against the loopback server: behaviour end to end, never timing.

import Foundation
@testable import RoveHTTP
import RoveTestServers
import Synchronization
import XCTest

final class ClientIntegrationTests: XCTestCase {
    private var server: LoopbackServer!
    private let canary = "API-CANARY1234567890"

    override func setUpWithError() throws {
        server = try LoopbackServer()
    }

    override func tearDown() {
        server.stop()
        server = nil
    }

    /// A client over a real transport whose waits only advance a fake clock, so retries cost
    /// no wall time and the waits asked for can be read back exactly.
    private func makeClient(_ clock: FakeClock, options: CurlTransport.Options = CurlTransport.Options(),
                            maxAttempts: Int = 5, perHostLimit: Int = 8) throws -> HTTPClient {
        let policy = RetryPolicy(maxAttempts: maxAttempts, baseDelay: 0.01, maxDelay: 0.05, jitter: { $0 })
        return HTTPClient(transport: try CurlTransport(options: options), policy: policy, perHostLimit: perHostLimit,
                          now: clock.now, sleep: clock.sleep)
    }

    private func count(_ path: String) -> Int { server.requests.filter { $0.path == path }.count }

    // MARK: Connections

    func testSequentialGetsReuseOneConnection() throws {
        server.route("/item") { _ in .respond(ServerReply(text: "{\"ok\": true}")) }
        let client = try makeClient(FakeClock())
        for _ in 0..<20 {
            let response = try client.send(HTTPRequest(url: server.baseURL + "/item"))
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "{\"ok\": true}")
        }
        XCTAssertEqual(count("/item"), 20)
        XCTAssertEqual(server.acceptedConnections, 1)
    }

    // MARK: Retries

    func testRetryAfterIsHonouredThenSucceeds() throws {
        let hits = Mutex(0)
        server.route("/busy") { _ in
            let n = hits.withLock { $0 += 1; return $0 }
            return n <= 2 ? .respond(ServerReply(status: 503, headers: [("Retry-After", "1")], text: "busy"))
                          : .respond(ServerReply(text: "done"))
        }
        let clock = FakeClock()
        let client = try makeClient(clock)
        let response = try client.send(HTTPRequest(url: server.baseURL + "/busy"))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "done")
        XCTAssertEqual(count("/busy"), 3)
        // Two waits, each the server's second and not the policy's 0.01–0.05 s backoff.
        XCTAssertEqual(clock.sleeps.count, 2, "\(clock.sleeps)")
        for wait in clock.sleeps { XCTAssertEqual(wait, 1, accuracy: 1e-9) }
    }

    func testPostAnswered500IsNotResent() throws {
        server.route("/deploy") { _ in .respond(ServerReply(status: 500, text: "{\"ErrorMessage\": \"boom\"}")) }
        let client = try makeClient(FakeClock())
        XCTAssertThrowsError(try client.send(HTTPRequest(method: "POST", url: server.baseURL + "/deploy", body: Array("{}".utf8)))) { error in
            let failure = error as! HTTPError
            XCTAssertEqual(failure.kind, .status)
            XCTAssertEqual(failure.response?.status, 500)
            XCTAssertEqual(failure.message, "HTTP 500 Internal Server Error: POST \(self.server.baseURL)/deploy")
            XCTAssertEqual(failure.response.map { String(decoding: $0.body, as: UTF8.self) }, "{\"ErrorMessage\": \"boom\"}")
        }
        XCTAssertEqual(count("/deploy"), 1)
    }

    func testPostOnADroppedConnectionIsNotResent() throws {
        server.route("/deploy") { _ in .drop }
        let client = try makeClient(FakeClock())
        XCTAssertThrowsError(try client.send(HTTPRequest(method: "POST", url: server.baseURL + "/deploy", body: Array("{}".utf8)))) { error in
            XCTAssertEqual((error as! HTTPError).kind, .connection)
        }
        XCTAssertEqual(count("/deploy"), 1)
    }

    // MARK: Pushback

    func testGovernorBacksOffUnder429AndRecovers() throws {
        let url = server.baseURL + "/page"
        let clock = FakeClock()
        // A limit of 4 and a 429 for each of the first 4 requests refuses all of the first round,
        // so which requests were refused does not depend on arrival order.
        let client = try makeClient(clock, perHostLimit: 4)
        let governor = client.governor(for: url)
        XCTAssertEqual(governor.limit, 4)
        // The route records the host's limit as each request arrives. Requests stream, so the
        // first 429's halving may land before the last of the first four arrives; the fifth
        // request, though, waits out the Retry-After and so goes under the halved limit.
        let seen = Mutex<(count: Int, limits: [Int])>((0, []))
        server.route("/page") { _ in
            let n = seen.withLock { state in
                state.count += 1
                state.limits.append(governor.limit)
                return state.count
            }
            return n <= 4 ? .respond(ServerReply(status: 429, headers: [("Retry-After", "1")], text: "slow down"))
                          : .respond(ServerReply(text: "ok"))
        }
        let requests = (0..<16).map { HTTPRequest(url: "\(url)?n=\($0)") }
        let responses = try client.send(requests)
        XCTAssertEqual(responses.map(\.status), Array(repeating: 200, count: 16))
        // Every request succeeded exactly once; only the four refused ones were sent twice.
        let targets = server.requests.map(\.target)
        XCTAssertEqual(targets.count, 20)
        var perTarget: [String: Int] = [:]
        for target in targets { perTarget[target, default: 0] += 1 }
        XCTAssertEqual(perTarget.count, 16)
        XCTAssertEqual(perTarget.filter { $0.value == 2 }.keys.sorted(), (0..<4).map { "/page?n=\($0)" })
        XCTAssertEqual(perTarget.values.filter { $0 > 2 }.count, 0)
        let limits = seen.withLock { $0.limits }
        XCTAssertEqual(Set(targets.prefix(4)), Set((0..<4).map { "/page?n=\($0)" }),
                       "the first four go at the full limit, before any answer")
        XCTAssertEqual(limits.first, 4)
        XCTAssertEqual(limits.dropFirst(4).first, 2, "the limit halved after the 429s: \(limits)")
        XCTAssertEqual(governor.limit, 4, "and recovered once the host coped: \(limits)")
        XCTAssertEqual(clock.sleeps.first ?? 0, 1, accuracy: 1e-9, "the pause follows Retry-After")
    }

    // MARK: Redaction

    func testCanaryKeyAppearsInNothingTheClientWrites() throws {
        let canary = self.canary
        server.route("/api/projects") { request in
            let key = request.header("x-octopus-apikey") ?? "none"
            return .respond(ServerReply(status: 401, headers: [("Content-Type", "application/json")],
                                        text: "{\"ErrorMessage\": \"Invalid API key \(key)\", \"Echo\": \"\(request.target)\"}"))
        }
        let client = try makeClient(FakeClock())
        var lines: [String] = []
        client.trace = true
        client.log = { lines.append($0) }
        var texts: [String] = []
        let request = HTTPRequest(url: server.baseURL + "/api/projects?take=5&apikey=\(canary)",
                                  headers: [("X-Octopus-ApiKey", canary)])
        XCTAssertThrowsError(try client.send(request)) { error in
            let failure = error as! HTTPError
            XCTAssertEqual(failure.kind, .status)
            texts += [failure.message, failure.description, failure.url ?? ""]
            // The body is as the server sent it, echo and all: its reader redacts what it shows.
            XCTAssertTrue(String(decoding: failure.response?.body ?? [], as: UTF8.self).contains("Invalid API key"))
        }
        // The server really did receive the key, so the client had it to leak.
        XCTAssertEqual(server.requests.first?.header("x-octopus-apikey"), canary)
        XCTAssertGreaterThanOrEqual(lines.count, 2)
        texts += lines
        for text in texts {
            XCTAssertFalse(text.contains(canary), text)
            XCTAssertFalse(text.contains("CANARY"), text)
        }
    }

    // MARK: Stopping

    func testCancelFromAnotherThreadInterruptsASlowResponse() throws {
        server.route("/slow") { _ in .delay(seconds: 10, then: ServerReply(text: "late")) }
        // The real sleep here: cancel() must cut through the transport, not a fake wait.
        let client = HTTPClient(transport: try CurlTransport())
        let cancelledAt = Mutex<Double>(0)
        let canceller = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            cancelledAt.withLock { $0 = Date().timeIntervalSince1970 }
            client.cancel()
        }
        canceller.start()
        XCTAssertThrowsError(try client.send(HTTPRequest(url: server.baseURL + "/slow"))) { error in
            let latency = Date().timeIntervalSince1970 - cancelledAt.withLock { $0 }
            XCTAssertEqual((error as! HTTPError).kind, .interrupted)
            print("cancel latency: \(String(format: "%.1f", latency * 1000)) ms")
        }
        XCTAssertEqual(count("/slow"), 1)
    }

    /// Cancelling a batch mid-stream removes what is in flight and frees the host's slots:
    /// the same client then sends again at its full limit.
    func testCancellingABatchLeavesTheClientUsable() throws {
        server.route("/slow") { _ in .delay(seconds: 10, then: ServerReply(text: "late")) }
        server.route("/item") { _ in .respond(ServerReply(text: "ok")) }
        let client = HTTPClient(transport: try CurlTransport(), perHostLimit: 4)
        let canceller = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            client.cancel()
        }
        canceller.start()
        let slow = (0..<12).map { HTTPRequest(url: server.baseURL + "/slow?n=\($0)") }
        XCTAssertThrowsError(try client.send(slow)) { error in
            XCTAssertEqual((error as! HTTPError).kind, .interrupted)
        }
        XCTAssertEqual(count("/slow"), 4, "only the first window went out")
        let items = (0..<8).map { HTTPRequest(url: server.baseURL + "/item?n=\($0)") }
        XCTAssertEqual(try client.send(items).map(\.status), Array(repeating: 200, count: 8))
        let governor = client.governor(for: server.baseURL)
        XCTAssertEqual(governor.reserve(4, now: Date().timeIntervalSince1970).count, 4, "every slot came back")
    }

    func testTimeoutIsTypedAfterRetries() throws {
        server.route("/never") { _ in .delay(seconds: 30, then: ServerReply(text: "too late")) }
        let options = CurlTransport.Options(connectTimeout: 2, totalTimeout: 0.3)
        let client = try makeClient(FakeClock(), options: options, maxAttempts: 2)
        XCTAssertThrowsError(try client.send(HTTPRequest(url: server.baseURL + "/never"))) { error in
            let failure = error as! HTTPError
            XCTAssertEqual(failure.kind, .timeout)
            XCTAssertEqual(failure.attempts, 2)
            XCTAssertTrue(failure.message.contains("after 2 attempts"), failure.message)
        }
        XCTAssertEqual(count("/never"), 2)
    }

    // MARK: Encodings

    func testGzipBodyArrivesDecoded() throws {
        let text = String(repeating: "{\"Id\": \"Projects-1\", \"Name\": \"web\"}\n", count: 200)
        server.route("/gz") { _ in .respond(ServerReply(text: text, gzipIfAccepted: true)) }
        let client = try makeClient(FakeClock())
        let response = try client.send(HTTPRequest(url: server.baseURL + "/gz"))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), text)
        XCTAssertEqual(server.requests.first?.header("accept-encoding")?.contains("gzip"), true)
    }
}
