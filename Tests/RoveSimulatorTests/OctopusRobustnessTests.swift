// No input crashes the service, and many threads can ask at once.

import XCTest
import Dispatch
@testable import RoveSimulator

final class OctopusRobustnessTests: XCTestCase {
    func testSeededGarbageAlwaysGetsAnHTTPAnswer() {
        let harness = OctopusHarness()
        var random = SeededGenerator(seed: 42)
        let segments = ["api", "Spaces-1", "spaces", "Default", "projects", "releases", "tasks", "all", "ServerTasks-3",
                        "Projects-1", "variables", "interruptions", "submit", "%2F", "%", "%zz", "", "..", "create", "v1",
                        "deployments", "untenanted", "feeds", "packages", "versions", "feeds-builtin", "Spaces-999999999999999999999"]
        let bodies = ["", "{", "null", "[]", "{\"Name\":1}", "{\"ProjectId\":[1],\"Version\":{}}", "\"x\"",
                      "{\"spaceIdOrName\":1,\"projectName\":null}", "{\"Variables\":[1,2],\"Version\":\"a\"}",
                      "{\"Result\":\"Proceed\"}", "{\"Name\":\"Health\",\"Arguments\":{\"EnvironmentId\":5}}"]
        let queries = ["", "?skip=-5", "?take=99999999999999999999", "?skip=9223372036854775807&take=2147483647",
                       "?ids=,,,", "?states=&name=", "?take=abc"]
        for _ in 0..<3_000 {
            let path = "/" + (0..<random.int(1...6)).map { _ in random.pick(segments) }.joined(separator: "/")
            let method = random.pick(["GET", "POST", "PUT", "DELETE", "PATCH"])
            let response = harness.send(method, path + random.pick(queries), body: random.pick(bodies))
            XCTAssertTrue((200..<600).contains(response.status), "\(method) \(path)")
        }
    }

    func testConcurrentRequestsAreSafe() {
        let harness = OctopusHarness()
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            if index % 4 == 0 {
                _ = harness.send("POST", "/api/Spaces-1/tenants", body: #"{"Name":"Tenant \#(index)"}"#)
            } else {
                XCTAssertEqual(harness.send("GET", "/api/tasks?skip=\(index)").status, 200)
            }
        }
        XCTAssertEqual(harness.get("/api/Spaces-1/tenants?partialName=Tenant%20")["TotalResults"], 50)
    }
}
