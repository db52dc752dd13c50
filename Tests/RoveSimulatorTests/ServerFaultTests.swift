// Each injected fault over real HTTP, as a client of a flaky server meets it.

import Foundation
import RoveHTTP
@testable import RoveSimulator
import XCTest

final class ServerFaultTests: XCTestCase {
    private var client: SimClient!

    override func setUpWithError() throws {
        client = try SimClient()
    }

    private func simulator(_ spec: String, retryAfter: Int? = nil, service: EchoService = EchoService(),
                           seed: UInt64 = 1, latency: Int = 0) throws -> InProcessSimulator {
        let plan = try FaultPlan(parsing: spec, retryAfterSeconds: retryAfter)
        return try InProcessSimulator(service: service, configuration: SimServerConfiguration(
            latencyMilliseconds: latency, faults: plan, seed: seed))
    }

    func testUnavailableAnswersInTheServicesFormatWithRetryAfter() throws {
        let service = EchoService()
        let sim = try simulator("503:1", retryAfter: 7, service: service)
        let response = try client.response("GET", sim.url + "/api/projects")
        XCTAssertEqual(response.status, 503)
        XCTAssertEqual(response.header("retry-after"), "7")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"ErrorMessage":"injected 503"}"#)
        XCTAssertEqual(service.callCount, 0, "a status fault answers in the service's place")
    }

    func testTooManyRequestsCarriesRetryAfter() throws {
        let sim = try simulator("429:1", retryAfter: 0)
        let response = try client.response("GET", sim.url + "/api")
        XCTAssertEqual(response.status, 429)
        XCTAssertEqual(response.header("retry-after"), "0")
    }

    func testServerErrorNeverCarriesRetryAfter() throws {
        let sim = try simulator("500:1", retryAfter: 3)
        let response = try client.response("GET", sim.url + "/api")
        XCTAssertEqual(response.status, 500)
        XCTAssertNil(response.header("retry-after"))
    }

    func testWithoutRetryAfterNoneIsSent() throws {
        let sim = try simulator("503:1")
        let response = try client.response("GET", sim.url + "/api")
        XCTAssertEqual(response.status, 503)
        XCTAssertNil(response.header("retry-after"))
    }

    func testResetDropsTheConnectionWithoutAnAnswer() throws {
        let service = EchoService()
        let sim = try simulator("reset:1", service: service)
        guard case .failure(let error) = client.send("POST", sim.url + "/api/deployments", body: Array("{}".utf8)) else {
            return XCTFail("a reset connection gave a response")
        }
        XCTAssertEqual(error.kind, .connection, error.message)
        XCTAssertEqual(service.callCount, 0)
        let log = try client.requestLog(sim.url)
        XCTAssertEqual(log.count, 1)
        XCTAssertEqual(log.first?["status"] as? Int, 0)
        XCTAssertEqual(log.first?["fault"] as? String, "reset")
    }

    func testTruncateAnnouncesTheWholeBodyButSendsPart() throws {
        let service = EchoService()
        let sim = try simulator("truncate:1", service: service)
        guard case .failure(let error) = client.send("GET", sim.url + "/api/projects") else {
            return XCTFail("a truncated body arrived whole")
        }
        XCTAssertEqual(error.kind, .connection, error.message)
        XCTAssertEqual(service.callCount, 1, "the service answers; only its body is cut")
        XCTAssertEqual(try client.requestLog(sim.url).first?["fault"] as? String, "truncate")
    }

    func testTruncateCutsLargeBodiesToo() throws {
        let sim = try simulator("truncate:1")
        let body = Array(repeating: UInt8(ascii: "x"), count: 500_000)
        guard case .failure(let error) = client.send("PUT", sim.url + "/api/blob", body: body) else {
            return XCTFail("a truncated body arrived whole")
        }
        XCTAssertEqual(error.kind, .connection, error.message)
    }

    func testInvalidAnswers200WithAnHTMLPageLabelledJSON() throws {
        let sim = try simulator("invalid:1")
        let response = try client.response("GET", sim.url + "/api/projects")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("content-type"), "application/json")
        XCTAssertThrowsError(try JSONSerialization.jsonObject(with: Data(response.body)))
        XCTAssertTrue(String(decoding: response.body, as: UTF8.self).contains("<html>"))
    }

    func testNonextAsksTheServiceToLeaveOutTheNextLink() throws {
        let sim = try simulator("nonext:1")
        let echoed = try XCTUnwrap(client.json("GET", sim.url + "/api/tasks") as? [String: Any])
        XCTAssertEqual(echoed["omitsNextPageLink"] as? Bool, true)
        XCTAssertEqual(try client.requestLog(sim.url).first?["fault"] as? String, "nonext")

        let plain = try simulator("")
        let plainEcho = try XCTUnwrap(client.json("GET", plain.url + "/api/tasks") as? [String: Any])
        XCTAssertEqual(plainEcho["omitsNextPageLink"] as? Bool, false)
        XCTAssertNil(try client.requestLog(plain.url).first?["fault"])
    }

    func testTheSameSeedDrawsTheSameFaults() throws {
        func statuses(seed: UInt64) throws -> [Int] {
            let sim = try simulator("503:0.5,500:0.2", seed: seed)
            return try (0..<24).map { _ in try client.response("GET", sim.url + "/api").status }
        }
        let first = try statuses(seed: 42)
        XCTAssertEqual(try statuses(seed: 42), first)
        XCTAssertTrue(first.contains(200) && first.contains(503), "rates below 1 should mix answers: \(first)")
        XCTAssertNotEqual(try statuses(seed: 43), first)
    }

    func testLatencyDelaysButStillAnswers() throws {
        let sim = try simulator("", latency: 30)
        XCTAssertEqual(try client.response("GET", sim.url + "/api").status, 200)
        XCTAssertEqual(try client.requestLog(sim.url).count, 1)
    }

    func testTheAdminSurfaceNeverMeetsFaults() throws {
        let sim = try simulator("reset:1,503:1,truncate:1", latency: 10)
        for _ in 0..<3 { XCTAssertEqual(try client.response("GET", sim.url + "/_sim/requests").status, 200) }
        XCTAssertEqual(try client.response("GET", sim.url + "/_sim/faults").status, 200)
    }
}
