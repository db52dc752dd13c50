// The Octopus tests' harness: a service on a fake clock, and requests that decode their answers.

import XCTest
@testable import RoveSimulator

/// A clock the tests move by hand.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds: Double

    init(_ start: Double = 1_800_000_000) { seconds = start }

    var now: Double {
        lock.lock(); defer { lock.unlock() }
        return seconds
    }

    func advance(_ delta: Double) {
        lock.lock(); seconds += delta; lock.unlock()
    }
}

/// One Octopus service and helpers that send authenticated requests to it.
struct OctopusHarness: ServiceHarness {
    let clock: FakeClock
    let service: OctopusService
    let key = SimSettings.demoOctopusAPIKey

    init(seed: UInt64 = 1, extraTasks: Int = 0, taskSeconds: Double = 10) {
        let clock = FakeClock()
        self.clock = clock
        service = OctopusService(settings: SimSettings(seed: seed, extraTasks: extraTasks, taskSeconds: taskSeconds),
                                 now: { clock.now })
    }

    /// Splits `target` into path and query the way the server layer does, then asks the service.
    /// The harness's request with its defaults, for `ServiceHarness.json`.
    func answer(_ method: String, _ target: String, body: String?) -> SimResponse {
        send(method, target, body: body)
    }

    func send(_ method: String, _ target: String, body: String? = nil, authenticated: Bool = true,
              headers: [(name: String, value: String)] = [], omitsNextPageLink: Bool = false) -> SimResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        var query: [(name: String, value: String)] = []
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let halves = pair.split(separator: "=", maxSplits: 1).map(String.init)
                let value = halves.count > 1 ? (halves[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? halves[1]) : ""
                query.append((name: halves[0], value: value))
            }
        }
        var allHeaders = headers
        if authenticated { allHeaders.append((name: "x-octopus-apikey", value: key)) }
        return service.respond(to: SimRequest(method: method, path: parts[0], query: query, headers: allHeaders,
                                              body: Array((body ?? "").utf8), omitsNextPageLink: omitsNextPageLink))
    }

    func id(of name: String, in collection: String, space: String = "Spaces-1") -> String {
        get("/api/\(space)/\(collection)/all").arrayValue?.first { $0["Name"]?.stringValue == name }?["Id"]?.stringValue ?? "missing"
    }
}

final class OctopusHarnessTests: XCTestCase {
    func testTheHarnessReachesTheService() {
        let harness = OctopusHarness()
        XCTAssertEqual(harness.get("/api")["Application"], "Octopus Deploy")
    }
}
