// What both services' test harnesses share: a request in, its JSON answer out, with the status checked.

@testable import RoveSimulator
import XCTest

/// A harness that sends a request to one service through `respond(to:)`.
protocol ServiceHarness {
    func answer(_ method: String, _ target: String, body: String?) -> SimResponse
}

extension ServiceHarness {
    /// The JSON answer of a request, failing the test on another status or a non-JSON body.
    func json(_ method: String, _ target: String, body: String? = nil, status: Int = 200,
              file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
        let response = answer(method, target, body: body)
        XCTAssertEqual(response.status, status, "\(method) \(target): \(String(decoding: response.body, as: UTF8.self).prefix(400))",
                       file: file, line: line)
        do {
            return try JSONValue.parse(response.body)
        } catch {
            XCTFail("\(method) \(target) gave no JSON: \(error)", file: file, line: line)
            return .null
        }
    }

    func get(_ target: String, status: Int = 200, file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
        json("GET", target, status: status, file: file, line: line)
    }
}
