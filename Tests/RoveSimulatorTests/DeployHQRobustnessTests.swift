// Odd paths, queries and bodies get an answer, never a crash.

import XCTest
@testable import RoveSimulator

final class DeployHQRobustnessTests: XCTestCase {
    func testOddInputsAreAnswered() {
        let harness = DeployHQHarness()
        let targets = ["/", "//", "/projects/%ZZ", "/projects/web/deployments?page=9223372036854775807&per_page=-5",
                       "/projects/web/deployments?page=-1&per_page=99999999999999999999",
                       "/projects/web/deployments/x/steps/x/logs?before=abc", "/projects/web/repository/commit_info",
                       "/projects/docs/repository/branches", "/projects/docs/deployments", "/\u{1F600}/status_badge.svg"]
        for target in targets {
            for method in ["GET", "POST", "PUT", "PATCH", "DELETE"] {
                let response = harness.send(method, target, body: "[1,2")
                XCTAssertTrue((200..<600).contains(response.status), "\(method) \(target)")
            }
        }
        for body in ["", "null", "[]", "\"x\"", #"{"deployment": 5}"#, #"{"deployment": {"parent_identifier": 5}}"#,
                     #"{"server": {"name": ["a"], "protocol_type": {}}}"#] {
            for path in ["/projects/web/deployments", "/projects/web/servers", "/projects", "/projects/web/environment_variables"] {
                let response = harness.send("POST", path, body: body)
                XCTAssertTrue([200, 201, 400, 422].contains(response.status), "\(path) \(body): \(response.status)")
            }
        }
    }
}
