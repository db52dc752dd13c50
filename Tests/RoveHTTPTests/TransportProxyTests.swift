// The proxy variables libcurl reads from the environment: honoured, and bypassed by no_proxy.

import Foundation
import RoveHTTP
import RoveTestServers
import XCTest

/// A loopback server stands in for the proxy: libcurl sends it the request in absolute form
/// (`GET http://deploy.example.invalid/api HTTP/1.1`), so nothing ever resolves the name.
final class TransportProxyTests: XCTestCase {
    private var proxy: LoopbackServer!
    private var origin: LoopbackServer!

    override func setUpWithError() throws {
        proxy = try LoopbackServer(fallback: { _ in .respond(ServerReply(text: "from the proxy")) })
        origin = try LoopbackServer(fallback: { _ in .respond(ServerReply(text: "from the origin")) })
    }

    override func tearDown() {
        for name in ["http_proxy", "no_proxy"] { unsetenv(name) }
        proxy.stop()
        origin.stop()
    }

    func testHTTPProxyFromTheEnvironmentCarriesTheRequest() throws {
        setenv("http_proxy", proxy.baseURL, 1)
        let response = try CurlTransport().send(HTTPRequest(url: "http://deploy.example.invalid/api/projects")).get()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "from the proxy")
        XCTAssertEqual(proxy.requests.map(\.target), ["http://deploy.example.invalid/api/projects"])
    }

    func testNoProxyNamesHostsReachedDirectly() throws {
        setenv("http_proxy", proxy.baseURL, 1)
        setenv("no_proxy", "127.0.0.1", 1)
        let response = try CurlTransport().send(HTTPRequest(url: origin.baseURL + "/api")).get()
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "from the origin")
        XCTAssertEqual(proxy.requests.count, 0)
    }
}
