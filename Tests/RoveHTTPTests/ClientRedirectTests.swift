// Which redirects the client follows, and that credentials never leave their origin.

import RoveHTTP
import XCTest

final class ClientRedirectTests: XCTestCase {
    let home = "https://octo.test/api/projects"
    let elsewhere = "https://other.test/api/projects"
    let key = [(name: "X-Octopus-ApiKey", value: "API-CANARY0123456789")]

    private func request(_ method: String = "GET", _ url: String, body: String? = nil) -> HTTPRequest {
        HTTPRequest(method: method, url: url, headers: key, body: body.map { Array($0.utf8) },
                    origin: Origin(url: home))
    }

    private func redirect(_ status: Int, to location: String) -> ScriptedTransport.Outcome {
        reply(status, [("location", location)])
    }

    private func failure(_ body: () throws -> Any) -> HTTPError? {
        do {
            _ = try body()
            return nil
        } catch let error as HTTPError {
            return error
        } catch {
            return nil
        }
    }

    func testSameOriginRedirectsOfReadsAreFollowedWithTheirMethod() throws {
        for status in [301, 302, 303, 307, 308] {
            for method in ["GET", "HEAD"] {
                let transport = ScriptedTransport(), clock = FakeClock()
                transport.script(method, home, redirect(status, to: "/api/projects/"))
                transport.script(method, home + "/", reply(200, body: "[]"))
                let response = try makeClient(transport, clock).send(request(method, home))
                XCTAssertEqual(response.status, 200, "\(method) \(status)")
                XCTAssertEqual(transport.requests.map(\.method), [method, method])
                XCTAssertEqual(transport.requests.last?.url, home + "/")
                XCTAssertEqual(transport.requests.last?.headers.first?.value, "API-CANARY0123456789")
            }
        }
    }

    /// Every code, every method: a redirect to another origin is refused and nothing goes there.
    func testRedirectsToAnotherOriginAreRefusedForEveryMethod() {
        for status in [301, 302, 303, 307, 308] {
            for method in ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] {
                let transport = ScriptedTransport(), clock = FakeClock()
                transport.script(method, home, redirect(status, to: elsewhere))
                let error = failure { try makeClient(transport, clock).send(self.request(method, self.home, body: "{}")) }
                XCTAssertEqual(error?.kind, .origin, "\(method) \(status)")
                XCTAssertEqual(transport.requests.count, 1, "\(method) \(status)")
                XCTAssertTrue(transport.requests.allSatisfy { $0.url == home }, "\(method) \(status)")
                XCTAssertTrue(error?.message.contains("https://other.test:443") ?? false, error?.message ?? "")
                XCTAssertTrue(error?.message.contains("https://octo.test:443") ?? false, error?.message ?? "")
                XCTAssertEqual(error?.location, elsewhere)
                XCTAssertEqual(error?.target, Origin(url: elsewhere))
                XCTAssertEqual(error?.response?.status, status)
            }
        }
    }

    func testADowngradeToPlainHTTPIsRefusedOnTheSameHost() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", home, redirect(301, to: "http://octo.test/api/projects"))
        let error = failure { try makeClient(transport, clock).send(self.request("GET", self.home)) }
        XCTAssertEqual(error?.kind, .origin)
        XCTAssertTrue(error?.message.contains("from https to plain http") ?? false, error?.message ?? "")
        XCTAssertEqual(transport.requests.count, 1)
    }

    /// A 307 or 308 repeats the write where it points, body and all; that is what they mean.
    func testWritesFollow307And308OnTheSameOriginWithTheirBody() throws {
        for status in [307, 308] {
            let transport = ScriptedTransport(), clock = FakeClock()
            transport.script("POST", home, redirect(status, to: "/api/Spaces-1/projects"))
            transport.script("POST", "https://octo.test/api/Spaces-1/projects", reply(201, body: "{}"))
            let response = try makeClient(transport, clock).send(request("POST", home, body: #"{"Name":"x"}"#))
            XCTAssertEqual(response.status, 201)
            XCTAssertEqual(transport.requests.map(\.method), ["POST", "POST"])
            XCTAssertEqual(transport.requests.last.flatMap(\.body), Array(#"{"Name":"x"}"#.utf8))
        }
    }

    /// A 301, 302 or 303 to a write is reported as it is: never turned into a GET, never re-sent.
    func testWritesAnswered301302Or303AreReportedNotResent() {
        for status in [301, 302, 303] {
            for method in ["POST", "PUT", "PATCH", "DELETE"] {
                let transport = ScriptedTransport(), clock = FakeClock()
                transport.script(method, home, redirect(status, to: "/api/projects/Projects-9"))
                let error = failure { try makeClient(transport, clock).send(self.request(method, self.home, body: "{}")) }
                XCTAssertEqual(error?.kind, .redirect, "\(method) \(status)")
                XCTAssertEqual(error?.response?.status, status)
                XCTAssertTrue(error?.message.contains("may have taken effect") ?? false, error?.message ?? "")
                XCTAssertEqual(transport.requests.count, 1, "\(method) \(status)")
            }
        }
    }

    func testARedirectLoopEndsAfterTheLimit() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", home, redirect(302, to: home))
        let client = makeClient(transport, clock)
        client.maxRedirects = 3
        let error = failure { try client.send(self.request("GET", self.home)) }
        XCTAssertEqual(error?.kind, .redirect)
        XCTAssertTrue(error?.message.contains("more than 3 redirects") ?? false, error?.message ?? "")
        XCTAssertEqual(transport.requests.count, 4)
    }

    /// A redirect without a usable Location is not followed: a `redirect` error, or without any
    /// Location a final answer like any other.
    func testUnusableLocationsAreNotFollowed() {
        for location in ["ftp://octo.test/x", "javascript:alert(1)"] {
            let transport = ScriptedTransport(), clock = FakeClock()
            transport.script("GET", home, redirect(302, to: location))
            let error = failure { try makeClient(transport, clock).send(self.request("GET", self.home)) }
            XCTAssertEqual(error?.kind, .redirect, location)
            XCTAssertEqual(transport.requests.count, 1)
        }
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", home, reply(302))
        let unlocated = failure { try makeClient(transport, clock).send(self.request("GET", self.home)) }
        XCTAssertEqual(unlocated?.kind, .status)
        XCTAssertEqual(unlocated?.response?.status, 302)
    }

    /// An absolute link to another origin is refused before anything of the batch is sent.
    func testARequestOffItsOriginIsNeverSent() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", home, reply(200))
        let error = failure { try makeClient(transport, clock).send([self.request("GET", self.home), self.request("GET", self.elsewhere)]) }
        XCTAssertEqual(error?.kind, .origin)
        XCTAssertTrue(error?.message.contains("refused to send GET https://other.test/api/projects") ?? false, error?.message ?? "")
        XCTAssertEqual(transport.requests.count, 0)
    }

    /// A request bound to no origin is bound to its own URL's: its redirects stay there too.
    func testAnUnboundRequestKeepsToItsOwnOrigin() {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", home, redirect(302, to: elsewhere))
        let error = failure { try makeClient(transport, clock).send(HTTPRequest(url: self.home)) }
        XCTAssertEqual(error?.kind, .origin)
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testTheTraceShowsEveryHopAndTheFinalURL() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", home, redirect(301, to: "/api/projects/?apikey=API-CANARY0123456789"))
        transport.script("GET", "https://octo.test/api/projects/?apikey=API-CANARY0123456789", reply(200))
        let client = makeClient(transport, clock)
        var lines: [String] = []
        client.trace = true
        client.log = { lines.append($0) }
        _ = try client.send(request("GET", home))
        XCTAssertEqual(lines.count, 5, "\(lines)")
        XCTAssertTrue(lines[1].hasPrefix("← 301 GET https://octo.test/api/projects "), lines[1])
        XCTAssertEqual(lines[2], "↪ 301 to https://octo.test/api/projects/?apikey=••• (origin https://octo.test:443)")
        XCTAssertEqual(lines[3], "→ GET https://octo.test/api/projects/?apikey=•••")
        XCTAssertTrue(lines[4].hasPrefix("← 200 GET https://octo.test/api/projects/?apikey=•••"), lines[4])
        XCTAssertFalse(lines.joined().contains("CANARY"))
    }
}

/// A request budget: the request past it is a `limit`, never sent.
final class ClientRequestLimitTests: XCTestCase {
    func testTheRequestPastTheLimitIsNotSent() {
        let url = "https://octo.test/api/projects"
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script("GET", url, reply(503, [("retry-after", "1")]), reply(200))
        let client = makeClient(transport, clock)
        client.requestBudget = RequestBudget(limit: 3)
        // A retry counts: 503 then 200 is two requests.
        XCTAssertEqual(try client.send(HTTPRequest(url: url)).status, 200)
        XCTAssertThrowsError(try client.send([HTTPRequest(url: url), HTTPRequest(url: url)])) { error in
            XCTAssertEqual((error as? HTTPError)?.kind, .limit)
            XCTAssertEqual((error as? HTTPError)?.message,
                           "request limit reached: 3 requests were allowed, and GET \(url) would be one more")
        }
        XCTAssertEqual(transport.requests.count, 3)
    }
}
