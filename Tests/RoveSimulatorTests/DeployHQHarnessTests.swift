// The DeployHQ tests' harness: a service on a fake clock, and Basic-authenticated requests.

import Foundation
import XCTest
@testable import RoveSimulator

/// One DeployHQ service and helpers that send authenticated requests to it.
struct DeployHQHarness: ServiceHarness {
    let clock: FakeClock
    let service: DeployHQService
    let settings: SimSettings

    init(seed: UInt64 = 1, taskSeconds: Double = 10, extraDeployments: Int = 0) {
        let clock = FakeClock()
        self.clock = clock
        settings = SimSettings(seed: seed, extraDeployments: extraDeployments, taskSeconds: taskSeconds)
        service = DeployHQService(settings: settings, now: { clock.now })
    }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// Splits `target` into path and query the way the server layer does, then asks the service.
    /// The harness's request with its defaults, for `ServiceHarness.json`.
    func answer(_ method: String, _ target: String, body: String?) -> SimResponse {
        send(method, target, body: body)
    }

    func send(_ method: String, _ target: String, body: String? = nil, authorization: String? = nil,
              authenticated: Bool = true) -> SimResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        var query: [(name: String, value: String)] = []
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let halves = pair.split(separator: "=", maxSplits: 1).map(String.init)
                query.append((name: halves[0], value: halves.count > 1 ? (halves[1].removingPercentEncoding ?? halves[1]) : ""))
            }
        }
        var headers: [(name: String, value: String)] = [(name: "accept", value: "application/json")]
        if let authorization {
            headers.append((name: "authorization", value: authorization))
        } else if authenticated {
            headers.append((name: "authorization", value: Self.basic(settings.deployhqEmail, settings.deployhqAPIKey)))
        }
        return service.respond(to: SimRequest(method: method, path: parts[0], query: query, headers: headers,
                                              body: Array((body ?? "").utf8)))
    }

    func identifier(of name: String, in collection: String = "servers", project: String = "web") -> String {
        get("/projects/\(project)/\(collection)").arrayValue?.first { $0["name"]?.stringValue == name }?["identifier"]?.stringValue
            ?? "missing"
    }
}

final class DeployHQHarnessTests: XCTestCase {
    func testTheHarnessReachesTheService() {
        let harness = DeployHQHarness()
        XCTAssertEqual(harness.service.name, "deployhq")
        XCTAssertEqual(harness.settings.deployhqAPIKey.count, 40)
        XCTAssertEqual(harness.get("/projects").arrayValue?.count, 5)
    }
}
