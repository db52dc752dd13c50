// The /_sim/ surface: the request log and the fault plan, read and changed while serving.

import Foundation
import RoveHTTP
@testable import RoveSimulator
import XCTest

final class ServerAdminTests: XCTestCase {
    private var simulator: InProcessSimulator!
    private var client: SimClient!

    override func setUpWithError() throws {
        simulator = try InProcessSimulator()
        client = try SimClient()
    }

    override func tearDown() {
        simulator.stop()
        simulator = nil
    }

    private var url: String { simulator.url }

    func testRequestLogListsEveryAnsweredRequestInOrder() throws {
        _ = try client.response("GET", url + "/api/Spaces-1/projects?partialName=Web+App&take=2")
        _ = try client.response("POST", url + "/api/Spaces-1/releases", body: Array("{}".utf8))
        _ = try client.response("GET", url + "/api/tasks/ServerTasks-1%2Fx")
        let log = try client.requestLog(url)
        XCTAssertEqual(log.map { $0["method"] as? String }, ["GET", "POST", "GET"])
        XCTAssertEqual(log.map { $0["path"] as? String },
                       ["/api/Spaces-1/projects", "/api/Spaces-1/releases", "/api/tasks/ServerTasks-1%2Fx"])
        XCTAssertEqual(log.map { $0["query"] as? String }, ["partialName=Web+App&take=2", "", ""])
        XCTAssertEqual(log.map { $0["status"] as? Int }, [200, 200, 200])
        XCTAssertEqual(log.filter { $0["method"] as? String == "POST" }.count, 1)
    }

    func testRequestLogKeysComeInAFixedOrder() throws {
        _ = try client.response("GET", url + "/api?a=1")
        let text = String(decoding: try client.response("GET", url + "/_sim/requests").body, as: UTF8.self)
        XCTAssertEqual(text, #"[{"method":"GET","path":"/api","query":"a=1","status":200}]"#)
    }

    func testDeletingTheLogEmptiesIt() throws {
        _ = try client.response("GET", url + "/api")
        XCTAssertEqual(try client.response("DELETE", url + "/_sim/requests").status, 204)
        XCTAssertEqual(try client.requestLog(url).count, 0)
        _ = try client.response("GET", url + "/api/after")
        XCTAssertEqual(try client.requestLog(url).map { $0["path"] as? String }, ["/api/after"])
    }

    func testAdminRequestsAreNotLogged() throws {
        _ = try client.response("GET", url + "/_sim/faults")
        _ = try client.response("GET", url + "/_sim/requests")
        XCTAssertEqual(try client.requestLog(url).count, 0)
    }

    func testFaultPlanIsReadAndReplacedWhileServing() throws {
        let initial = try XCTUnwrap(client.json("GET", url + "/_sim/faults") as? [String: Any])
        XCTAssertEqual(initial["faults"] as? String, "")
        XCTAssertTrue(initial["retryAfter"] is NSNull)

        let replaced = try XCTUnwrap(client.json("POST", url + "/_sim/faults",
                                                 body: Array(#"{"faults": "503:1,nonext:0.5", "retryAfter": 1}"#.utf8))
                                     as? [String: Any])
        XCTAssertEqual(replaced["faults"] as? String, "503:1,nonext:0.5")
        XCTAssertEqual(replaced["retryAfter"] as? Int, 1)
        let shown = try XCTUnwrap(client.json("GET", url + "/_sim/faults") as? [String: Any])
        XCTAssertEqual(shown["faults"] as? String, "503:1,nonext:0.5")

        let faulted = try client.response("GET", url + "/api")
        XCTAssertEqual(faulted.status, 503)
        XCTAssertEqual(faulted.header("retry-after"), "1")

        XCTAssertEqual(try client.response("POST", url + "/_sim/faults", body: Array(#"{"faults": ""}"#.utf8)).status, 200)
        XCTAssertEqual(try client.response("GET", url + "/api").status, 200)
    }

    func testBadFaultPlansAreRefusedWith400() throws {
        for body in [#"{"faults": "503:2"}"#, #"{"faults": "teapot:1"}"#, #"{"faults": 5}"#, "not json",
                     #"{"faults": "503:1", "retryAfter": "soon"}"#, #"{"faults": "503:1", "retryAfter": -1}"#] {
            let response = try client.response("POST", url + "/_sim/faults", body: Array(body.utf8))
            XCTAssertEqual(response.status, 400, body)
            let error = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            XCTAssertNotNil(error?["error"] as? String, body)
        }
        let shown = try XCTUnwrap(client.json("GET", url + "/_sim/faults") as? [String: Any])
        XCTAssertEqual(shown["faults"] as? String, "", "a refused plan leaves the old one in place")
    }

    func testUnknownAdminPathsAre404AndWrongMethods405() throws {
        XCTAssertEqual(try client.response("GET", url + "/_sim/nothing").status, 404)
        let wrong = try client.response("PATCH", url + "/_sim/requests")
        XCTAssertEqual(wrong.status, 405)
        XCTAssertEqual(wrong.header("allow"), "GET, DELETE")
    }
}
