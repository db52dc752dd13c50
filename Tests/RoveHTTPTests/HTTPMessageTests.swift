// Requests and responses: which methods may be retried, and header lookup.

import RoveHTTP
import XCTest

final class HTTPMessageTests: XCTestCase {
    func testIdempotentMethods() {
        let cases: [(String, Bool)] = [("GET", true), ("head", true), ("PUT", true), ("DELETE", true),
                                       ("OPTIONS", true), ("POST", false), ("PATCH", false)]
        for (method, expected) in cases {
            XCTAssertEqual(HTTPRequest(method: method, url: "http://127.0.0.1/").isIdempotent, expected, method)
        }
    }

    func testHeaderLookupIgnoresCase() {
        let response = HTTPResponse(status: 200, headers: [("retry-after", "5"), ("content-type", "application/json")])
        XCTAssertEqual(response.header("Retry-After"), "5")
        XCTAssertNil(response.header("Location"))
    }
}
