// The libcurl transport against the loopback server: reuse, order, encodings, errors, cancellation.

import Foundation
import RoveHTTP
import RoveTestServers
import Synchronization
import XCTest

final class TransportTests: XCTestCase {
    private var server: LoopbackServer!

    override func setUpWithError() throws {
        server = try LoopbackServer(routes: [
            "/ok": { _ in .respond(ServerReply(text: "ok")) },
        ])
    }

    override func tearDown() {
        server.stop()
        server = nil
    }

    // MARK: Options

    func testOptionsDefaultToVerifyingTLSAndDocumentedLimits() {
        let options = CurlTransport.Options()
        XCTAssertTrue(options.verifyTLS)
        XCTAssertEqual(options.connectTimeout, 10)
        XCTAssertEqual(options.totalTimeout, 120)
        XCTAssertEqual(options.maxConnectionsPerHost, 8)
        XCTAssertEqual(options.userAgent, "rove/0.1.0")
        XCTAssertEqual(options.acceptEncoding, "")
    }

    // MARK: Connections

    func testSequentialRequestsReuseOneConnection() throws {
        let transport = try CurlTransport()
        for _ in 0..<20 {
            XCTAssertEqual(try transport.send(get("/ok")).get().status, 200)
        }
        XCTAssertEqual(server.acceptedConnections, 1)
    }

    func testConcurrentBatchOpensAtMostEightConnectionsAndReusesThem() throws {
        server.route("/slow") { _ in .delay(seconds: 0.2, then: ServerReply(text: "slow")) }
        let transport = try CurlTransport()
        let batch = Array(repeating: get("/slow"), count: 8)
        XCTAssertTrue(transport.send(batch).allSatisfy { (try? $0.get().status) == 200 })
        let afterFirst = server.acceptedConnections
        XCTAssertLessThanOrEqual(afterFirst, 8)
        XCTAssertTrue(transport.send(batch).allSatisfy { (try? $0.get().status) == 200 })
        XCTAssertEqual(server.acceptedConnections, afterFirst, "the second batch should reuse the pool")
    }

    func testPerHostLimitQueuesTheRest() throws {
        server.route("/slow") { _ in .delay(seconds: 0.1, then: ServerReply(text: "slow")) }
        let transport = try CurlTransport(options: .init(maxConnectionsPerHost: 2))
        let results = transport.send(Array(repeating: get("/slow"), count: 6))
        XCTAssertTrue(results.allSatisfy { (try? $0.get().status) == 200 })
        XCTAssertLessThanOrEqual(server.acceptedConnections, 2)
    }

    func testBatchResultsComeBackInRequestOrder() throws {
        // Later requests answer sooner, so completion order is the reverse of request order.
        server.route("/n") { request in
            let n = Int(request.target.split(separator: "=").last ?? "") ?? 0
            return .delay(seconds: Double(6 - n) * 0.05, then: ServerReply(text: String(n)))
        }
        let transport = try CurlTransport()
        let results = transport.send((0..<6).map { get("/n?i=\($0)") })
        XCTAssertEqual(try results.map { String(decoding: try $0.get().body, as: UTF8.self) },
                       ["0", "1", "2", "3", "4", "5"])
    }

    func testStreamingReportsEachRequestByIdAndAbandonLeavesThePoolUsable() throws {
        server.route("/slow") { _ in .delay(seconds: 10, then: ServerReply(text: "late")) }
        let transport = try CurlTransport()
        XCTAssertTrue(transport.completions(waitingAtMost: .infinity).isEmpty, "nothing started, nothing to wait for")
        transport.start(get("/ok"), id: 7)
        transport.start(HTTPRequest(url: "ftp://127.0.0.1/"), id: 8)
        transport.start(get("/ok"), id: 9)
        var results: [Int: Int] = [:]
        while results.count < 3 {
            for completion in transport.completions(waitingAtMost: .infinity) {
                results[completion.id] = (try? completion.result.get().status) ?? -1
            }
        }
        XCTAssertEqual(results, [7: 200, 8: -1, 9: 200])

        transport.start(get("/slow"), id: 1)
        XCTAssertTrue(transport.completions(waitingAtMost: 0.05).isEmpty)
        transport.abandon()
        XCTAssertTrue(transport.completions(waitingAtMost: 0.05).isEmpty, "an abandoned request is never reported")
        XCTAssertEqual(try transport.send(get("/ok")).get().status, 200)
    }

    // MARK: Messages

    func testGzipBodyArrivesDecoded() throws {
        let text = String(repeating: "deployment ", count: 10_000)
        server.route("/gz") { _ in .respond(ServerReply(text: text, gzipIfAccepted: true)) }
        let response = try CurlTransport().send(get("/gz")).get()
        XCTAssertEqual(response.header("content-encoding"), "gzip")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), text)
        XCTAssertTrue(server.requests[0].header("accept-encoding")?.contains("gzip") ?? false)
    }

    func testRequestBodyAndHeadersArrive() throws {
        server.route("/echo") { _ in .respond(ServerReply(status: 201, headers: [("X-Reply", "Yes")], text: "made")) }
        let body = Array(#"{"name":"web"}"#.utf8)
        let request = HTTPRequest(method: "POST", url: server.baseURL + "/echo",
                                  headers: [("Content-Type", "application/json"), ("X-Rove-Test", "yes")],
                                  body: body)
        let transport = try CurlTransport()
        let response = try transport.send(request).get()
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.header("x-reply"), "Yes")
        XCTAssertTrue(response.headers.allSatisfy { $0.name == $0.name.lowercased() })

        let received = server.requests[0]
        XCTAssertEqual(received.method, "POST")
        XCTAssertEqual(received.body, body)
        XCTAssertEqual(received.header("content-type"), "application/json")
        XCTAssertEqual(received.header("x-rove-test"), "yes")
        XCTAssertEqual(received.header("user-agent"), "rove/0.1.0")
        XCTAssertNil(received.header("expect"))

        let put = HTTPRequest(method: "PUT", url: server.baseURL + "/echo", body: Array("v2".utf8))
        XCTAssertEqual(try transport.send(put).get().status, 201)
        XCTAssertEqual(server.requests[1].method, "PUT")
        XCTAssertEqual(server.requests[1].body, Array("v2".utf8))
    }

    /// Handles are pooled and a plain GET skips the reset, so nothing of one request (its
    /// method, body, headers) may leak into the next on the same handle.
    func testAPooledHandleCarriesNothingOverFromItsLastRequest() throws {
        server.route("/echo") { request in .respond(ServerReply(text: request.method)) }
        let url = server.baseURL + "/echo"
        let transport = try CurlTransport()
        let sequence = [
            HTTPRequest(url: url, headers: [("X-First", "1")]),
            HTTPRequest(url: url),
            HTTPRequest(method: "POST", url: url, body: Array("posted".utf8)),
            HTTPRequest(url: url),
            HTTPRequest(method: "HEAD", url: url),
            HTTPRequest(url: url),
        ]
        for request in sequence { XCTAssertEqual(try transport.send(request).get().status, 200) }
        let received = server.requests
        XCTAssertEqual(received.map(\.method), ["GET", "GET", "POST", "GET", "HEAD", "GET"])
        XCTAssertEqual(received.map(\.body), [[], [], Array("posted".utf8), [], [], []])
        XCTAssertEqual(received.map { $0.header("x-first") }, ["1", nil, nil, nil, nil, nil])
        XCTAssertEqual(received.map { $0.header("user-agent") }, Array(repeating: "rove/0.1.0", count: 6))
    }

    func testHeadAndDeleteNeedNoBodies() throws {
        server.route("/thing") { request in
            .respond(ServerReply(status: request.method == "DELETE" ? 204 : 200, text: "a body HEAD must not wait for"))
        }
        let transport = try CurlTransport()
        let head = try transport.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/thing")).get()
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, [])
        let delete = try transport.send(HTTPRequest(method: "DELETE", url: server.baseURL + "/thing")).get()
        XCTAssertEqual(delete.status, 204)
        XCTAssertEqual(server.requests.map(\.method), ["HEAD", "DELETE"])
        XCTAssertEqual(server.acceptedConnections, 1)
    }

    func testNotFoundIsAResponseNotAnError() throws {
        XCTAssertEqual(try CurlTransport().send(get("/missing")).get().status, 404)
    }

    /// Redirects are the client's to follow, hop by hop, after its origin check.
    func testTheTransportNeverFollowsARedirect() throws {
        server.route("/old") { _ in
            .respond(ServerReply(status: 302, headers: [("Location", "/new"), ("X-From", "old")]))
        }
        server.route("/new") { _ in .respond(ServerReply(headers: [("X-From", "new")], text: "moved")) }
        let response = try CurlTransport().send(get("/old")).get()
        XCTAssertEqual(response.status, 302)
        XCTAssertEqual(response.header("location"), "/new")
        XCTAssertEqual(server.requests.map(\.path), ["/old"])
    }

    // MARK: Caps on what a server sends

    func testOptionsDefaultToDocumentedCaps() {
        XCTAssertEqual(CurlTransport.Options().maxResponseBytes, 256 << 20)
        XCTAssertEqual(CurlTransport.Options().maxHeaderBytes, 256 << 10)
    }

    /// A declared 8 GB body fails on its header: not a byte of it is read.
    func testABodyDeclaredLargerThanTheCapFailsAtOnce() throws {
        server.route("/huge") { _ in .endless(ServerReply(), chunk: Array(repeating: 0x61, count: 64 << 10),
                                               declaredLength: 8 << 30) }
        let transport = try CurlTransport(options: .init(maxResponseBytes: 1 << 20))
        let error = try XCTUnwrap(failure(of: transport.send(get("/huge"))))
        XCTAssertEqual(error.kind, .tooLarge)
        XCTAssertEqual(error.message, "the response declares 8 GiB, more than the cap of 1 MiB")
        // The transport stays usable after the aborted transfer.
        XCTAssertEqual(try transport.send(get("/ok")).get().status, 200)
    }

    /// A chunked body with no end stops at the cap.
    func testAnEndlessBodyStopsAtTheCap() throws {
        server.route("/endless") { _ in .endless(ServerReply(), chunk: Array(repeating: 0x61, count: 16 << 10),
                                                  declaredLength: nil) }
        let transport = try CurlTransport(options: .init(maxResponseBytes: 1 << 20))
        let error = try XCTUnwrap(failure(of: transport.send(get("/endless"))))
        XCTAssertEqual(error.kind, .tooLarge)
        XCTAssertEqual(error.message, "the response body is larger than the cap of 1 MiB")
    }

    /// A request's own cap beats the transport's, both ways.
    func testARequestsCapBeatsTheTransports() throws {
        server.route("/body") { _ in .respond(ServerReply(body: Array(repeating: 0x61, count: 4096))) }
        let transport = try CurlTransport(options: .init(maxResponseBytes: 1024))
        var roomy = get("/body")
        roomy.maxResponseBytes = 8192
        XCTAssertEqual(try transport.send(roomy).get().body.count, 4096)
        XCTAssertEqual(failure(of: transport.send(get("/body")))?.kind, .tooLarge)
        let tight = try CurlTransport()
        var small = get("/body")
        small.maxResponseBytes = 100
        XCTAssertEqual(failure(of: tight.send(small))?.kind, .tooLarge)
    }

    /// A HEAD answer declares the length of a body it does not send.
    func testAHeadDeclaringAHugeLengthIsFine() throws {
        server.route("/big") { _ in .respond(ServerReply(headers: [("Content-Length", String(8 << 30))])) }
        let transport = try CurlTransport(options: .init(maxResponseBytes: 1 << 20))
        XCTAssertEqual(try transport.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/big")).get().status, 200)
    }

    func testHeadersPastTheirCapFail() throws {
        let many = (0..<400).map { (name: "X-Padding-\($0)", value: String(repeating: "p", count: 1000)) }
        server.route("/headers") { _ in .respond(ServerReply(headers: many, text: "ok")) }
        let transport = try CurlTransport(options: .init(maxHeaderBytes: 64 << 10))
        let error = try XCTUnwrap(failure(of: transport.send(get("/headers"))))
        XCTAssertEqual(error.kind, .tooLarge)
        XCTAssertEqual(error.message, "the response headers are larger than the cap of 64 KiB")
    }

    // MARK: Errors

    func testConnectionRefusedIsAConnectionError() throws {
        let url = server.baseURL + "/ok"
        server.stop()
        let error = try XCTUnwrap(failure(of: try CurlTransport().send(HTTPRequest(url: url))))
        XCTAssertEqual(error.kind, .connection)
        XCTAssertEqual(error.message, error.message.lowercased())
    }

    func testSlowServerTimesOut() throws {
        server.route("/stall") { _ in .delay(seconds: 10, then: ServerReply(text: "late")) }
        let transport = try CurlTransport(options: .init(totalTimeout: 0.3))
        XCTAssertEqual(failure(of: transport.send(get("/stall")))?.kind, .timeout)
    }

    /// A request's time limit ends it early, and leaves the pooled handle's own timeouts alone.
    func testATimeLimitedRequestTimesOutAndTheNextOneWaitsAsUsual() throws {
        server.route("/late") { _ in .delay(seconds: 0.8, then: ServerReply(text: "late")) }
        let transport = try CurlTransport()
        var hurried = get("/late")
        hurried.timeLimit = 0.2
        XCTAssertEqual(failure(of: transport.send(hurried))?.kind, .timeout)
        XCTAssertEqual(try transport.send(get("/late")).get().status, 200)
    }

    func testStalledBodyTripsTheLowSpeedLimit() throws {
        // One byte every half second is far below 100 bytes/s; the total timeout is not reached.
        server.route("/stall") { _ in
            .slowBody(ServerReply(body: Array(repeating: 0x2E, count: 100)), chunkSize: 1, interval: 0.5)
        }
        let options = CurlTransport.Options(totalTimeout: 20, lowSpeedLimit: 100, lowSpeedTime: 1)
        XCTAssertEqual(failure(of: try CurlTransport(options: options).send(get("/stall")))?.kind, .timeout)
    }

    func testDroppedConnectionIsAConnectionError() throws {
        server.route("/drop") { _ in .drop }
        XCTAssertEqual(failure(of: try CurlTransport().send(get("/drop")))?.kind, .connection)
    }

    func testMalformedRequestsAreInvalidAndDoNotEchoHeaders() throws {
        let transport = try CurlTransport()
        let injected = HTTPRequest(url: server.baseURL + "/ok", headers: [("Authorization", "secret\r\nX-Evil: 1")])
        let error = try XCTUnwrap(failure(of: transport.send(injected)))
        XCTAssertEqual(error.kind, .invalid)
        XCTAssertFalse(error.message.contains("secret"))
        XCTAssertEqual(failure(of: transport.send(HTTPRequest(url: "ftp://127.0.0.1/")))?.kind, .invalid)
        XCTAssertEqual(failure(of: transport.send(HTTPRequest(url: "not a url")))?.kind, .invalid)
        XCTAssertTrue(server.requests.isEmpty)
    }

    // MARK: Cancellation

    func testCancelFromAnotherThreadEndsASlowTransfer() throws {
        // A thousand bytes, one every 50 ms: nearly a minute unless cancelled.
        server.route("/trickle") { _ in
            .slowBody(ServerReply(body: Array(repeating: 0x2E, count: 1000)), chunkSize: 1, interval: 0.05)
        }
        // The total timeout only bounds the test if cancellation were broken.
        let transport = try CurlTransport(options: .init(totalTimeout: 20))
        let cancelledAt = Mutex<ContinuousClock.Instant?>(nil)
        let server = self.server!
        Thread {
            let deadline = ContinuousClock.now + .seconds(5)
            while server.requests.isEmpty, ContinuousClock.now < deadline { usleep(5_000) }
            usleep(100_000)  // let some of the body arrive first
            cancelledAt.withLock { $0 = .now }
            transport.cancel()
        }.start()

        let result = transport.send(get("/trickle"))
        let returnedAt = ContinuousClock.now
        XCTAssertEqual(failure(of: result)?.kind, .cancelled)
        if let start = cancelledAt.withLock({ $0 }) {
            print("transport: cancellation latency \(String(format: "%.2f", seconds(returnedAt - start) * 1000)) ms")
        }
        // The transport works again afterwards.
        XCTAssertEqual(try transport.send(get("/ok")).get().status, 200)
    }

    func testCancelBetweenBatchesDoesNotStopTheNext() throws {
        let transport = try CurlTransport()
        transport.cancel()
        XCTAssertEqual(try transport.send(get("/ok")).get().status, 200)
    }

    // MARK: Volume

    func testFiftyMegabyteBodyArrivesIntact() throws {
        let payload = Self.pattern(byteCount: 50 << 20)
        server.route("/big") { _ in .respond(ServerReply(body: payload)) }
        let transport = try CurlTransport()
        let start = ContinuousClock.now
        let response = try transport.send(get("/big")).get()
        let elapsed = ContinuousClock.now - start
        XCTAssertEqual(response.body.count, payload.count)
        XCTAssertEqual(Self.checksum(response.body), Self.checksum(payload))
        print("transport: 50 MB in \(String(format: "%.1f", seconds(elapsed) * 1000)) ms"
              + " (\(Int(50 / max(seconds(elapsed), 0.000_001))) MB/s, debug build, loopback)")
    }

    // MARK: Helpers

    private func get(_ path: String) -> HTTPRequest {
        HTTPRequest(url: server.baseURL + path)
    }

    private func failure(of result: Result<HTTPResponse, TransportError>) -> TransportError? {
        guard case .failure(let error) = result else { return nil }
        return error
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Bytes that differ with position, so a reordered or repeated chunk changes the checksum.
    private static func pattern(byteCount: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialised in
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            let words = UnsafeMutableRawBufferPointer(buffer)
            for offset in stride(from: 0, to: byteCount - 7, by: 8) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                words.storeBytes(of: state, toByteOffset: offset, as: UInt64.self)
            }
            for offset in (byteCount / 8 * 8)..<byteCount { words[offset] = UInt8(truncatingIfNeeded: offset) }
            initialised = byteCount
        }
    }

    /// A position-sensitive 64-bit checksum, fast enough in a debug build for 50 MB.
    private static func checksum(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01B3
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x100_0000_01B3
                offset += 1
            }
            return hash
        }
    }
}
