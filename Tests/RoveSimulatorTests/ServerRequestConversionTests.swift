// What a service sees of an HTTP request, and what a client sees of a service's answer.

import Foundation
import RoveHTTP
@testable import RoveSimulator
import XCTest

final class ServerRequestConversionTests: XCTestCase {
    private var simulator: InProcessSimulator!
    private var client: SimClient!

    override func setUpWithError() throws {
        simulator = try InProcessSimulator(service: EchoService(extraHeaders: [
            (name: "X-Rove-Test", value: "yes"), (name: "Content-Length", value: "999"),
        ]))
        client = try SimClient()
    }

    override func tearDown() {
        simulator.stop()
        simulator = nil
    }

    private func echo(_ target: String, method: String = "GET", headers: [(name: String, value: String)] = [],
                      body: [UInt8]? = nil) throws -> [String: Any] {
        try XCTUnwrap(client.json(method, simulator.url + target, headers: headers, body: body) as? [String: Any])
    }

    func testEncodedPathSegmentsReachTheServiceStillEncoded() throws {
        let echoed = try echo("/api/Spaces-1/projects/refs%2Fheads%2Fmain/Caf%C3%A9")
        XCTAssertEqual(echoed["path"] as? String, "/api/Spaces-1/projects/refs%2Fheads%2Fmain/Caf%C3%A9")
    }

    func testQueryIsDecodedInOrderWithPlusAsSpace() throws {
        let echoed = try echo("/api/projects?partialName=Web+App&skip=10&take=%32%30&empty=&flag&mark=%E2%9C%93&pct=100%")
        let query = try XCTUnwrap(echoed["query"] as? [[String]])
        XCTAssertEqual(query, [["partialName", "Web App"], ["skip", "10"], ["take", "20"], ["empty", ""],
                               ["flag", ""], ["mark", "✓"], ["pct", "100%"]])
        XCTAssertEqual(echoed["path"] as? String, "/api/projects")
    }

    func testHeaderNamesArriveLowercasedWithHostKept() throws {
        let echoed = try echo("/api", headers: [(name: "X-Octopus-ApiKey", value: "API-KEY1"),
                                                 (name: "Accept", value: "application/json")])
        let headers = try XCTUnwrap(echoed["headers"] as? [[String]])
        XCTAssertTrue(headers.contains(["x-octopus-apikey", "API-KEY1"]), "\(headers)")
        XCTAssertTrue(headers.contains(["accept", "application/json"]), "\(headers)")
        let host = headers.first { $0.first == "host" }
        XCTAssertEqual(host?.last, String(simulator.url.dropFirst("http://".count)))
        XCTAssertTrue(headers.allSatisfy { $0[0] == $0[0].lowercased() }, "\(headers)")
    }

    func testMethodAndBodyArriveWhole() throws {
        let json = #"{"Name":"Web","Description":"ünïcode"}"#
        let echoed = try echo("/api/projects", method: "POST", headers: [(name: "Content-Type", value: "application/json")],
                              body: Array(json.utf8))
        XCTAssertEqual(echoed["method"] as? String, "POST")
        XCTAssertEqual(echoed["body"] as? String, json)
    }

    func testLargeBodyIsCollectedFromEveryChunk() throws {
        let body = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let echoed = try echo("/api/blob", method: "PUT", body: body)
        XCTAssertEqual(echoed["bodyCount"] as? Int, body.count)
    }

    func testBodyOverTheLimitGets413() throws {
        simulator.stop()
        simulator = try InProcessSimulator(configuration: SimServerConfiguration(maxBodyBytes: 1_000))
        let response = try client.response("POST", simulator.url + "/api/projects", body: Array(repeating: 65, count: 2_000))
        XCTAssertEqual(response.status, 413)
        let fitting = try client.response("POST", simulator.url + "/api/projects", body: Array(repeating: 65, count: 1_000))
        XCTAssertEqual(fitting.status, 200)
        XCTAssertEqual(try client.requestLog(simulator.url).map { $0["status"] as? Int }, [413, 200])
    }

    func testAnswerKeepsTheServicesHeadersWithTheTrueContentLength() throws {
        let response = try client.response("GET", simulator.url + "/api")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("x-rove-test"), "yes")
        XCTAssertEqual(response.header("content-type"), "application/json")
        XCTAssertEqual(response.header("content-length"), String(response.body.count))
    }
}
