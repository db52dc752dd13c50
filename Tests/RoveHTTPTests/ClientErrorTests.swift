// Final error responses become http diagnostics quoting what the body says.

import RoveCore
import RoveHTTP
import XCTest

final class ClientErrorTests: XCTestCase {
    func diagnostic(_ url: String, _ outcome: ScriptedTransport.Outcome, method: String = "GET") -> Diagnostic? {
        let transport = ScriptedTransport(), clock = FakeClock()
        transport.script(method, url, outcome)
        do {
            _ = try makeClient(transport, clock, maxAttempts: 1).send(HTTPRequest(method: method, url: url))
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    func testOctopusErrorDocuments() throws {
        let url = "https://octo.test/api/Spaces-1/projects"
        let body = #"{"ErrorMessage": "There was a problem with your request.", "Errors": ["Name must be unique", "Lifecycle is required"]}"#
        let diagnostic = try XCTUnwrap(diagnostic(url, reply(400, body: body), method: "POST"))
        XCTAssertEqual(diagnostic.kind, .http)
        XCTAssertEqual(diagnostic.message, "HTTP 400 Bad Request: POST \(url): There was a problem with your request. — Name must be unique; Lifecycle is required")
        XCTAssertEqual(diagnostic.fields["status"], .int(400))
        XCTAssertEqual(diagnostic.fields["method"], .string("POST"))
        XCTAssertEqual(diagnostic.fields["url"], .string(url))
        guard case .object(let fields)? = diagnostic.fields["body"] else { return XCTFail("body is not an object") }
        XCTAssertEqual(fields["ErrorMessage"], .string("There was a problem with your request."))
        XCTAssertEqual(fields["Errors"], .list([.string("Name must be unique"), .string("Lifecycle is required")]))
    }

    func testDeployHQErrorDocuments() throws {
        let url = "https://acme.deployhq.com/projects/web"
        let body = #"{"error": "Project not found", "error_code": "not_found", "hint": "Check the permalink"}"#
        let diagnostic = try XCTUnwrap(diagnostic(url, reply(404, body: body)))
        XCTAssertEqual(diagnostic.message, "HTTP 404 Not Found: GET \(url): Project not found (not_found); hint: Check the permalink")
        guard case .object(let fields)? = diagnostic.fields["body"] else { return XCTFail("body is not an object") }
        XCTAssertEqual(fields["error_code"], .string("not_found"))
    }

    func testFieldKeyedValidationErrors() throws {
        let url = "https://acme.deployhq.com/projects"
        let body = #"{"name": ["can't be blank"], "permalink": ["is taken", "is too short"]}"#
        let diagnostic = try XCTUnwrap(diagnostic(url, reply(422, body: body), method: "POST"))
        XCTAssertEqual(diagnostic.message,
                       "HTTP 422 Unprocessable Content: POST \(url): name can't be blank; permalink is taken; permalink is too short")
    }

    func testTextBodiesAreKeptAsStrings() throws {
        let url = "https://octo.test/api"
        let plain = try XCTUnwrap(diagnostic(url, reply(500, body: "database unavailable\n")))
        XCTAssertEqual(plain.message, "HTTP 500 Internal Server Error: GET \(url): database unavailable")
        XCTAssertEqual(plain.fields["body"], .string("database unavailable\n"))
        let html = try XCTUnwrap(diagnostic(url, reply(502, body: "<html><body>Bad Gateway</body></html>")))
        XCTAssertEqual(html.message, "HTTP 502 Bad Gateway: GET \(url)")
        XCTAssertEqual(html.fields["body"], .string("<html><body>Bad Gateway</body></html>"))
        let empty = try XCTUnwrap(diagnostic(url, reply(401)))
        XCTAssertEqual(empty.message, "HTTP 401 Unauthorized: GET \(url)")
        XCTAssertEqual(empty.kind, .http)
        XCTAssertEqual(empty.fields["body"], .null)
    }

    func testUnknownStatusesHaveNoReasonPhrase() throws {
        let diagnostic = try XCTUnwrap(diagnostic("https://octo.test/x", reply(499)))
        XCTAssertEqual(diagnostic.message, "HTTP 499: GET https://octo.test/x")
    }
}
