// The cassette: what a recording keeps and masks, how a replay matches, and hostile cassette files.

@testable import RoveHTTP
import XCTest

final class CassetteTests: XCTestCase {
    private let key = "API-CANARYKEY0000000001"
    private let secret = "canary-secret-value-42"

    /// A recorded exchange keeps method, URL, body, status, the headers that matter and the
    /// body, and none of the credentials: not the key header, not a registered secret in the
    /// request or echoed in the response, not an `apikey=` query, not Set-Cookie or Date.
    func testARecordingMasksCredentialsAndLeavesVolatileHeadersOut() throws {
        let redactor = Redactor()
        redactor.register(secret: key)
        redactor.register(secret: secret)
        let inner = ScriptedTransport()
        let url = "http://127.0.0.1:1/api/variables?apikey=\(key)"
        inner.script("PUT", url, .success(HTTPResponse(status: 200, headers: [
            ("content-type", "application/json"), ("date", "Fri, 04 Dec 2026 06:00:00 GMT"),
            ("set-cookie", "session=abc123"), ("x-request-id", "r-77"), ("location", "/api/x"),
        ], body: Array("{\"Value\":\"\(secret)\",\"Key\":\"\(key)\"}".utf8))))
        let recorder = RecordingTransport(wrapping: inner, redactor: redactor)
        _ = recorder.send(HTTPRequest(method: "PUT", url: url, headers: [("X-Octopus-ApiKey", key)],
                                      body: Array("{\"Value\":\"\(secret)\"}".utf8)))
        let text = String(decoding: recorder.cassette.encoded(), as: UTF8.self)
        for leak in [key, secret, "abc123", "r-77", "2026", "session"] {
            XCTAssertFalse(text.contains(leak), "\(leak) in \(text)")
        }
        let exchange = try XCTUnwrap(recorder.cassette.exchanges.first)
        XCTAssertEqual(exchange.method, "PUT")
        XCTAssertEqual(exchange.url, "http://127.0.0.1:1/api/variables?apikey=•••")
        XCTAssertEqual(exchange.requestBody, "{\"Value\":\"•••\"}")
        XCTAssertEqual(exchange.outcome, .response(status: 200, headers: [
            .init(name: "content-type", value: "application/json"), .init(name: "location", value: "/api/x"),
        ], body: Array("{\"Value\":\"•••\",\"Key\":\"•••\"}".utf8)))
    }

    /// A secret made after a response arrived is masked in it too when the cassette is taken.
    func testASecretLearnedLaterIsMaskedInEarlierExchanges() {
        let redactor = Redactor()
        let inner = ScriptedTransport()
        inner.script("GET", "http://h/api/token", .success(HTTPResponse(status: 200, body: Array("{\"Token\":\"\(secret)\"}".utf8))))
        let recorder = RecordingTransport(wrapping: inner, redactor: redactor)
        _ = recorder.send(HTTPRequest(url: "http://h/api/token"))
        redactor.register(secret: secret)
        let text = String(decoding: recorder.cassette.encoded(), as: UTF8.self)
        XCTAssertFalse(text.contains(secret), text)
        XCTAssertTrue(text.contains("{\\\"Token\\\":\\\"•••\\\"}"), text)
    }

    /// Encoding and decoding give the same cassette back: text with quotes, control characters
    /// and non-ASCII, a body that is not UTF-8, a failure, repeats.
    func testACassetteReadsBackAsWritten() throws {
        let cassette = Cassette(connections: ["octopus": ["url": "https://o.example/octo", "space": "Ops"]], exchanges: [
            .init(method: "POST", url: "https://o.example/api/a", requestBody: "{\"q\":\"\\\"\\n\\t\u{1}é😀\"}",
                  occurrence: 0, outcome: .response(status: 201, headers: [.init(name: "content-type", value: "text/plain")],
                                                     body: Array("line\n\"two\"\u{2028}".utf8))),
            .init(method: "GET", url: "https://o.example/api/b", requestBody: nil, occurrence: 3,
                  outcome: .response(status: 200, headers: [], body: [0xFF, 0x00, 0xC3])),
            .init(method: "GET", url: "https://o.example/api/c", requestBody: nil, occurrence: 0,
                  outcome: .failure(kind: "timeout", message: "operation timed out")),
        ])
        XCTAssertEqual(try Cassette(decoding: cassette.encoded()), cassette)
    }

    /// Identical requests are told apart by their order among themselves, never by arrival:
    /// answers come back to the right request whatever order they are started in.
    func testReplayMatchesByRequestAndOccurrenceNotArrival() {
        let pages = (0..<6).map { "http://h/api/tasks?skip=\($0 * 10)" }
        var exchanges = pages.map { url in
            Cassette.Exchange(method: "GET", url: url, requestBody: nil, occurrence: 0,
                              outcome: .response(status: 200, headers: [], body: Array(url.utf8)))
        }
        for (index, state) in ["Queued", "Executing", "Success"].enumerated() {
            exchanges.append(.init(method: "GET", url: "http://h/api/tasks/1", requestBody: nil, occurrence: index,
                                   outcome: .response(status: 200, headers: [], body: Array(state.utf8))))
        }
        for order in [Array(pages.indices), pages.indices.reversed(), [3, 0, 5, 1, 4, 2]] {
            let replay = ReplayTransport(cassette: Cassette(exchanges: exchanges.reversed()), redactor: Redactor())
            let results = replay.send(order.map { HTTPRequest(url: pages[$0]) })
            XCTAssertEqual(results.map { String(decoding: (try? $0.get().body) ?? [], as: UTF8.self) }, order.map { pages[$0] })
            let polls = (0..<3).map { _ in String(decoding: (try? replay.send(HTTPRequest(url: "http://h/api/tasks/1")).get().body) ?? [], as: UTF8.self) }
            XCTAssertEqual(polls, ["Queued", "Executing", "Success"])
            XCTAssertEqual(replay.misses, [])
        }
    }

    /// A request the recording lacks fails, naming what differs and the nearest recorded
    /// request: a changed body, a fourth poll, another URL.
    func testAMissNamesTheNearestRecordedRequest() {
        let cassette = Cassette(exchanges: [
            .init(method: "POST", url: "http://h/api/projects", requestBody: "{\"Name\":\"Web\"}", occurrence: 0,
                  outcome: .response(status: 201, headers: [], body: [])),
            .init(method: "GET", url: "http://h/api/projects/1", requestBody: nil, occurrence: 0,
                  outcome: .response(status: 200, headers: [], body: [])),
        ])
        let cases: [(HTTPRequest, String)] = [
            (HTTPRequest(method: "POST", url: "http://h/api/projects", body: Array("{\"Name\":\"Api\"}".utf8)),
             "not in the recording (body {\"Name\":\"Api\"}); nearest recorded: POST http://h/api/projects (body {\"Name\":\"Web\"})"),
            (HTTPRequest(url: "http://h/api/projects/2"),
             "not in the recording; nearest recorded: GET http://h/api/projects/1"),
            (HTTPRequest(method: "DELETE", url: "http://h/api/projects/1"),
             "not in the recording; nearest recorded: GET http://h/api/projects/1"),
        ]
        for (request, expected) in cases {
            let replay = ReplayTransport(cassette: cassette, redactor: Redactor())
            guard case .failure(let error) = replay.send(request) else { return XCTFail("answered \(request.url)") }
            XCTAssertEqual(error.kind, .invalid)
            XCTAssertEqual(error.message, expected)
            XCTAssertEqual(replay.misses, ["\(request.method) \(request.url): \(expected)"])
        }
        let replay = ReplayTransport(cassette: cassette, redactor: Redactor())
        _ = replay.send(HTTPRequest(url: "http://h/api/projects/1"))
        guard case .failure(let error) = replay.send(HTTPRequest(url: "http://h/api/projects/1")) else { return XCTFail("repeat answered") }
        XCTAssertEqual(error.message, "not in the recording (request 2 of these; the recording has 1); nearest recorded: GET http://h/api/projects/1")
        XCTAssertEqual(ReplayTransport(cassette: Cassette(), redactor: Redactor()).send(HTTPRequest(url: "http://h/")).failureMessage,
                       "not in the recording; the recording holds no requests")
    }

    /// A recorded body over the request's cap is refused as the real transport refuses it.
    func testAHugeRecordedBodyRespectsTheResponseCap() {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 4096)
        let cassette = Cassette(exchanges: [.init(method: "GET", url: "http://h/big", requestBody: nil, occurrence: 0,
                                                  outcome: .response(status: 200, headers: [], body: body))])
        let replay = ReplayTransport(cassette: cassette, redactor: Redactor())
        guard case .failure(let error) = replay.send(HTTPRequest(url: "http://h/big", maxResponseBytes: 1024)) else {
            return XCTFail("a body over the cap was answered")
        }
        XCTAssertEqual(error.kind, .tooLarge)
        XCTAssertEqual(try? ReplayTransport(cassette: cassette, redactor: Redactor())
            .send(HTTPRequest(url: "http://h/big", maxResponseBytes: 8192)).get().body, body)
    }

    /// Hostile files: every one is refused with what is wrong and where, never a crash.
    func testHostileCassettesAreRefusedWithAReason() {
        let head = "{\"format\":\"rove-cassette\",\"version\":1,"
        let good = head + "\"exchanges\":[{\"method\":\"GET\",\"url\":\"http://h/api\",\"status\":200,\"body\":\"{}\"}]}"
        let cases: [(String, String)] = [
            ("", "unexpected end (the file is cut short) at byte 0"),
            (String(good.dropLast(20)), "cut short"),
            (String(good.dropLast(1)), "unexpected end (the file is cut short)"),
            (good + "x", "text after the end of the document"),
            ("[]", "not a Rove recording"),
            ("{\"format\":\"rove-cassette\",\"version\":2,\"exchanges\":[]}", "recording version 2 is not 1"),
            (head + "\"exchanges\":{}}", "no \"exchanges\" list"),
            (head + "\"exchanges\":[{\"method\":\"GET\",\"url\":\"file:///etc/passwd\",\"status\":200}]}",
             "exchange 1: \"url\" is not an http:// or https:// URL"),
            (head + "\"connections\":{\"octopus\":{\"url\":\"ftp://h\"}},\"exchanges\":[]}",
             "connection 'octopus': 'ftp://h' is not an http:// or https:// URL"),
            (head + "\"exchanges\":[{\"method\":\"GET\",\"url\":\"http://h\",\"status\":999}]}", "exchange 1: \"status\" is not an HTTP status"),
            (head + "\"exchanges\":[{\"method\":\"GET\",\"url\":\"http://h\",\"status\":200,\"occurrence\":-1}]}", "\"occurrence\" is not a count"),
            (head + "\"exchanges\":[{\"method\":\"GET\",\"url\":\"http://h\",\"error\":{\"kind\":\"boom\",\"message\":\"\"}}]}",
             "\"error\" needs a known \"kind\""),
            (head + "\"exchanges\":[{\"method\":\"GET\",\"url\":\"http://h\",\"status\":200,\"bodyBase64\":\"@@\"}]}", "not base64"),
            (head + "\"exchanges\":" + String(repeating: "[", count: 100_000), "nesting too deep"),
            (head + "\"exchanges\":[\"\\ud800\"]}", "a lone surrogate"),
            (head + "\"exchanges\":[\"a\u{1}\"]}", "a control character in a string"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try Cassette(decoding: Array(text.utf8)), String(text.prefix(80))) { error in
                let message = (error as? CassetteError)?.message ?? ""
                XCTAssertTrue(message.contains(expected), "\(message) lacks \(expected)")
            }
        }
        XCTAssertEqual(try Cassette(decoding: Array(good.utf8)).exchanges.count, 1)
    }
}

private extension Result where Success == HTTPResponse, Failure == TransportError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
