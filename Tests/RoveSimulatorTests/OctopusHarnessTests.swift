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
struct OctopusHarness {
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

    /// The JSON answer of a request, failing the test on a non-JSON body.
    func json(_ method: String, _ target: String, body: String? = nil, status: Int = 200,
              file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
        let response = send(method, target, body: body)
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

    /// The id of the first document named exactly `name` in a bare `/all` array.
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
