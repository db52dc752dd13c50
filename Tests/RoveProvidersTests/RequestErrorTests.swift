// The client's errors as scripts see them: kinds, messages, fields, and what vendor error bodies say.

import RoveCore
import RoveHTTP
import RoveProviders
import XCTest

/// Answers each request with the outcome given for its `METHOD url`, at once; anything else
/// fails as an invalid request.
final class AnsweringTransport: HTTPTransport {
    typealias Outcome = Result<HTTPResponse, TransportError>
    private let answers: [String: Outcome]
    private var started: [(id: Int, request: HTTPRequest)] = []

    init(_ answers: [String: Outcome]) { self.answers = answers }

    func start(_ request: HTTPRequest, id: Int) { started.append((id, request)) }

    func completions(waitingAtMost seconds: Double) -> [HTTPCompletion] {
        defer { started.removeAll() }
        return started.map { id, request in
            let key = "\(request.method) \(request.url)"
            return HTTPCompletion(id: id, result: answers[key] ?? .failure(TransportError(.invalid, "nothing for \(key)")))
        }
    }

    func abandon() { started.removeAll() }
    func cancel() {}
}

final class RequestErrorTests: XCTestCase {
    static let interpreter = Interpreter()

    /// The diagnostic a script catches when `request` meets `outcome`, sent once.
    func diagnostic(_ request: HTTPRequest, _ outcome: AnsweringTransport.Outcome,
                    configure: (HTTPClient) -> Void = { _ in }) -> Diagnostic? {
        let transport = AnsweringTransport(["\(request.method) \(request.url)": outcome])
        let client = HTTPClient(transport: transport, policy: RetryPolicy(maxAttempts: 1))
        configure(client)
        do {
            _ = try client.send(request)
            return nil
        } catch {
            return Diagnostic(error, redactor: client.redactor, interpreter: Self.interpreter)
        }
    }

    func diagnostic(_ url: String, _ status: Int, body: String = "", method: String = "GET") -> Diagnostic? {
        diagnostic(HTTPRequest(method: method, url: url), .success(HTTPResponse(status: status, body: Array(body.utf8))))
    }

    // MARK: Vendor error bodies

    func testOctopusErrorDocuments() throws {
        let url = "https://octo.test/api/Spaces-1/projects"
        let body = #"{"ErrorMessage": "There was a problem with your request.", "Errors": ["Name must be unique", "Lifecycle is required"]}"#
        let diagnostic = try XCTUnwrap(diagnostic(url, 400, body: body, method: "POST"))
        XCTAssertEqual(diagnostic.kind, .http)
        XCTAssertEqual(diagnostic.message, "HTTP 400 Bad Request: POST \(url): There was a problem with your request. — Name must be unique; Lifecycle is required")
        XCTAssertEqual(Array(diagnostic.fields.keys), ["status", "method", "url", "body", "errors"])
        XCTAssertEqual(diagnostic.fields["status"], .int(400))
        XCTAssertEqual(diagnostic.fields["method"], .string("POST"))
        XCTAssertEqual(diagnostic.fields["url"], .string(url))
        guard case .object(let fields)? = diagnostic.fields["body"] else { return XCTFail("body is not an object") }
        XCTAssertEqual(fields["ErrorMessage"], .string("There was a problem with your request."))
        XCTAssertEqual(fields["Errors"], .list([.string("Name must be unique"), .string("Lifecycle is required")]))
        XCTAssertEqual(diagnostic.fields["errors"], .object(["base": .list([.string("Name must be unique"), .string("Lifecycle is required")])]))
        XCTAssertNil(diagnostic.location, "the interpreter locates it at the script's call")
    }

    func testDeployHQErrorDocuments() throws {
        let url = "https://acme.deployhq.com/projects/web"
        let body = #"{"error": "Project not found", "error_code": "not_found", "hint": "Check the permalink"}"#
        let diagnostic = try XCTUnwrap(diagnostic(url, 404, body: body))
        XCTAssertEqual(diagnostic.message, "HTTP 404 Not Found: GET \(url): Project not found (not_found); hint: Check the permalink")
        XCTAssertEqual(diagnostic.fields["error_code"], .string("not_found"))
        XCTAssertEqual(diagnostic.fields["hint"], .string("Check the permalink"))
        guard case .object(let fields)? = diagnostic.fields["body"] else { return XCTFail("body is not an object") }
        XCTAssertEqual(fields["error_code"], .string("not_found"))
    }

    func testFieldKeyedValidationErrors() throws {
        let url = "https://acme.deployhq.com/projects"
        let body = #"{"name": ["can't be blank"], "permalink": ["is taken", "is too short"]}"#
        let diagnostic = try XCTUnwrap(diagnostic(url, 422, body: body, method: "POST"))
        XCTAssertEqual(diagnostic.message,
                       "HTTP 422 Unprocessable Content: POST \(url): name can't be blank; permalink is taken; permalink is too short")
        XCTAssertEqual(diagnostic.fields["errors"], .object(["name": .list([.string("can't be blank")]),
                                                             "permalink": .list([.string("is taken"), .string("is too short")])]))
    }

    func testTextBodiesAreKeptAsStrings() throws {
        let url = "https://octo.test/api"
        let plain = try XCTUnwrap(diagnostic(url, 500, body: "database unavailable\n"))
        XCTAssertEqual(plain.message, "HTTP 500 Internal Server Error: GET \(url): database unavailable")
        XCTAssertEqual(plain.fields["body"], .string("database unavailable\n"))
        let html = try XCTUnwrap(diagnostic(url, 502, body: "<html><body>Bad Gateway</body></html>"))
        XCTAssertEqual(html.message, "HTTP 502 Bad Gateway: GET \(url)")
        XCTAssertEqual(html.fields["body"], .string("<html><body>Bad Gateway</body></html>"))
        let empty = try XCTUnwrap(diagnostic(url, 401))
        XCTAssertEqual(empty.message, "HTTP 401 Unauthorized: GET \(url)")
        XCTAssertEqual(empty.kind, .http)
        XCTAssertEqual(empty.fields["body"], .null)
    }

    func testUnknownStatusesHaveNoReasonPhrase() throws {
        let diagnostic = try XCTUnwrap(diagnostic("https://octo.test/x", 499))
        XCTAssertEqual(diagnostic.message, "HTTP 499: GET https://octo.test/x")
    }

    // MARK: Every kind of failure

    func testFailuresWithoutAnAnswerKeepTheirKindsAndFields() throws {
        let url = "https://octo.test/api"
        let cases: [(TransportError.Kind, ErrorKind, String)] = [
            (.connection, .network, "network error: GET \(url): it broke"),
            (.tls, .network, "tls error: GET \(url): it broke"),
            (.tooLarge, .network, "response too large: GET \(url): it broke"),
            (.timeout, .timeout, "timed out: GET \(url): it broke"),
            (.invalid, .value, "invalid request: GET \(url): it broke"),
            (.cancelled, .interrupted, "interrupted: GET \(url): it broke"),
        ]
        for (transportKind, kind, message) in cases {
            let diagnostic = try XCTUnwrap(diagnostic(HTTPRequest(url: url), .failure(TransportError(transportKind, "it broke"))))
            XCTAssertEqual(diagnostic.kind, kind, "\(transportKind)")
            XCTAssertEqual(diagnostic.message, message)
            XCTAssertEqual(diagnostic.fields, ["method": .string("GET"), "url": .string(url)])
        }
    }

    func testARedirectNotFollowedIsAnHTTPErrorWithItsLocation() throws {
        let url = "https://octo.test/api/projects"
        let answer = HTTPResponse(status: 302, headers: [(name: "location", value: "/api/projects/Projects-9")],
                                  body: Array(#"{"ErrorMessage": "moved"}"#.utf8))
        let diagnostic = try XCTUnwrap(diagnostic(HTTPRequest(method: "POST", url: url), .success(answer)))
        XCTAssertEqual(diagnostic.kind, .http)
        XCTAssertEqual(diagnostic.message, "HTTP 302 Found: POST \(url) redirects to https://octo.test/api/projects/Projects-9: "
                       + "a redirected POST is not re-sent, and it may have taken effect")
        XCTAssertEqual(Array(diagnostic.fields.keys), ["status", "method", "url", "body", "location"])
        XCTAssertEqual(diagnostic.fields["status"], .int(302))
        XCTAssertEqual(diagnostic.fields["location"], .string("https://octo.test/api/projects/Projects-9"))
    }

    func testARedirectToAnotherOriginIsAnOriginError() throws {
        let url = "https://octo.test/api/projects"
        let answer = HTTPResponse(status: 307, headers: [(name: "location", value: "https://other.test/x")])
        let diagnostic = try XCTUnwrap(diagnostic(HTTPRequest(method: "POST", url: url), .success(answer)))
        XCTAssertEqual(diagnostic.kind, .origin)
        XCTAssertEqual(diagnostic.message, "refused a redirect to https://other.test:443, another origin than https://octo.test:443: "
                       + "POST \(url) answered HTTP 307 Temporary Redirect with https://other.test/x; "
                       + "credentials go only to the origin they were configured for")
        XCTAssertEqual(diagnostic.fields, ["method": .string("POST"), "url": .string(url), "origin": .string("https://octo.test:443"),
                                           "target": .string("https://other.test:443"), "location": .string("https://other.test/x")])
    }

    /// (A write refused by a read-only policy never reaches the client: PolicyProviderTests.)
    func testARequestPastTheBudgetIsALimit() throws {
        let url = "https://octo.test/api/projects"
        let limit = try XCTUnwrap(diagnostic(HTTPRequest(url: url), .success(HTTPResponse(status: 200))) { $0.requestBudget = RequestBudget(limit: 0) })
        XCTAssertEqual(limit.kind, .limit)
        XCTAssertEqual(limit.message, "request limit reached: 0 requests were allowed, and GET \(url) would be one more")
        XCTAssertEqual(limit.fields, [:])
    }

    // MARK: Credentials

    /// A server echoing the key in its error body: the body is read, and the key masked in
    /// the message and in every field, keys included.
    func testTheCanaryKeyAppearsInNoMessageOrField() throws {
        let canary = "API-CANARY1234567890"
        let canaryBase64 = "ZGVwbG95OkFQSS1DQU5BUlkxMjM0NTY3ODkw"   // base64("deploy:API-CANARY1234567890")
        let keyed = "https://octo.test/api/projects?take=5&apikey=\(canary)"
        let basic = "https://deploy.test/projects/web"
        let echo = """
            {"ErrorMessage": "Invalid API key \(canary)", "Errors": ["credentials \(canaryBase64) rejected",
             "user deploy:\(canary)"], "Links": {"Self": "/api/projects?apikey=\(canary)"}, "\(canary)": 1}
            """
        let cases: [(HTTPRequest, AnsweringTransport.Outcome)] = [
            (HTTPRequest(url: keyed, headers: [("X-Octopus-ApiKey", canary)]),
             .success(HTTPResponse(status: 401, body: Array(echo.utf8)))),
            (HTTPRequest(url: basic, headers: [("Authorization", "Basic \(canaryBase64)")]),
             .success(HTTPResponse(status: 403, body: Array("denied for deploy:\(canary) (\(canaryBase64))".utf8)))),
            (HTTPRequest(method: "POST", url: basic, headers: [("Authorization", "Basic \(canaryBase64)")]),
             .failure(TransportError(.connection, "could not reach \(keyed)"))),
        ]
        var texts: [String] = []
        for (request, outcome) in cases {
            let diagnostic = try XCTUnwrap(diagnostic(request, outcome))
            texts += [diagnostic.message, diagnostic.description]
            for (_, value) in diagnostic.fields { texts.append(Self.dump(value)) }
        }
        for text in texts {
            XCTAssertFalse(text.contains(canary), text)
            XCTAssertFalse(text.contains(canaryBase64), text)
            XCTAssertFalse(text.contains("CANARY"), text)
        }
        XCTAssertTrue(texts.contains { $0.contains("Invalid API key •••") })
    }

    /// The client and the language mask a credential the same way.
    func testTheClientsMaskIsTheLanguagesSecretMask() {
        XCTAssertEqual(Redactor.mask, Secret.mask)
    }

    /// Every string in `value`, keys included, as one text to search.
    static func dump(_ value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .list(let items): return items.map(dump).joined(separator: " ")
        case .object(let fields): return fields.map { "\($0.key) \(dump($0.value))" }.joined(separator: " ")
        case .null, .bool, .int, .float, .function, .host: return "\(value)"
        }
    }
}
