// HTTP/2 negotiated for real: the libcurl transport against nghttpd over TLS, verification on.

import Foundation
import RoveHTTP
import RoveTestServers
import XCTest

final class HTTP2Tests: XCTestCase {
    private var server: HTTP2Server!
    private let json = "{\"ok\": true, \"items\": [1, 2, 3]}\n"

    override func setUpWithError() throws {
        server = try HTTP2Server(files: ["item.json": json])
    }

    override func tearDown() {
        server?.stop()
        server?.removeFiles()
        server = nil
    }

    /// Verification stays on: the test CA is trusted, not the check switched off.
    private var trustingTestCA: CurlTransport.Options {
        CurlTransport.Options(certificateAuthorities: HTTP2Server.certificateAuthorities)
    }

    private var item: HTTPRequest { HTTPRequest(url: server.baseURL + "/item.json") }

    // MARK: Negotiation

    func testSequentialGetsUseHTTP2OverOneVerifiedConnection() throws {
        let transport = try CurlTransport(options: trustingTestCA)
        XCTAssertTrue(transport.options.verifyTLS)
        for _ in 0..<5 {
            let response = try transport.send(item).get()
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), json)
            XCTAssertEqual(response.version, .http2)
        }
        server.stop()
        XCTAssertEqual(server.receivedRequests, 5)
        XCTAssertEqual(server.connectionsWithRequests, 1)
    }

    func testConcurrentGetsShareOneHTTP2Connection() throws {
        let transport = try CurlTransport(options: trustingTestCA)
        let results = transport.send(Array(repeating: item, count: 6))
        for result in results {
            let response = try result.get()
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), json)
            XCTAssertEqual(response.version, .http2)
        }
        server.stop()
        XCTAssertEqual(server.receivedRequests, 6)
        // The batch waited for the first connection to agree on h2, then shared it as streams.
        XCTAssertEqual(server.connectionsWithRequests, 1)
    }

    func testHostNameLocalhostIsVerifiedToo() throws {
        let request = HTTPRequest(url: "https://localhost:\(server.port)/item.json")
        let response = try CurlTransport(options: trustingTestCA).send(request).get()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.version, .http2)
    }

    func testClientGetsOverHTTP2AndTracesTheVersion() throws {
        let client = HTTPClient(transport: try CurlTransport(options: trustingTestCA))
        var lines: [String] = []
        client.trace = true
        client.log = { lines.append($0) }
        for _ in 0..<3 {
            let response = try client.send(item)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), json)
            XCTAssertEqual(response.version, .http2)
        }
        let answers = lines.filter { $0.hasPrefix("← ") }
        XCTAssertEqual(answers.count, 3)
        XCTAssertTrue(answers.allSatisfy { $0.hasPrefix("← 200 GET \(server.baseURL)/item.json") && $0.hasSuffix(" B HTTP/2") },
                      "\(answers)")
        server.stop()
        XCTAssertEqual(server.connectionsWithRequests, 1)
    }

    // MARK: Verification

    func testWithoutTheTestCATheCertificateIsRejected() throws {
        let result = try CurlTransport().send(item)
        guard case .failure(let error) = result else { return XCTFail("an unknown CA was trusted: \(result)") }
        XCTAssertEqual(error.kind, .tls, error.message)
        server.stop()
        XCTAssertEqual(server.receivedRequests, 0)
    }

    func testUnreadableCAFileIsATLSError() throws {
        let options = CurlTransport.Options(certificateAuthorities: "/nonexistent/rove-ca.pem")
        let result = try CurlTransport(options: options).send(item)
        guard case .failure(let error) = result else { return XCTFail("no CA file, yet verified: \(result)") }
        XCTAssertEqual(error.kind, .tls, error.message)
    }

    func testTurningVerificationOffIsExplicitAndStillNegotiatesHTTP2() throws {
        let response = try CurlTransport(options: .init(verifyTLS: false)).send(item).get()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.version, .http2)
    }

    // MARK: Plain HTTP

    func testPlainHTTPStaysOnHTTP1_1() throws {
        let plain = try LoopbackServer(routes: ["/ok": { _ in .respond(ServerReply(text: "ok")) }])
        defer { plain.stop() }
        let response = try CurlTransport(options: trustingTestCA).send(HTTPRequest(url: plain.baseURL + "/ok")).get()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.version, .http1_1)
    }
}
