import XCTest
@testable import RoveSimulator

final class SimMessageTests: XCTestCase {
    func testQueryValuesMatchNamesCaseInsensitively() {
        let request = SimRequest(method: "GET", path: "/api/tasks", query: [(name: "States", value: "Queued")])
        XCTAssertEqual(request.queryValue("states"), "Queued")
        XCTAssertNil(request.queryValue("skip"))
    }
}
