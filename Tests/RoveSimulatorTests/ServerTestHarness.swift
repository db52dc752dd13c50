// An in-process simulator around a tiny echoing service, and the HTTP calls the server tests make.

import Dispatch
import Foundation
import RoveHTTP
@testable import RoveSimulator
import Synchronization
import XCTest

/// Answers every request with a JSON description of what it received, so tests can see the
/// request conversion from the outside. Counts its calls to tell faults that answer in its place
/// from those that let it answer.
final class EchoService: SimService, Sendable {
    let name = "echo"
    private let calls = Mutex(0)
    /// Extra headers every answer carries, to check they reach the client.
    let extraHeaders: [(name: String, value: String)]

    init(extraHeaders: [(name: String, value: String)] = []) {
        self.extraHeaders = extraHeaders
    }

    var callCount: Int { calls.withLock { $0 } }

    func respond(to request: SimRequest) -> SimResponse {
        calls.withLock { $0 += 1 }
        let echo: [String: Any] = [
            "method": request.method,
            "path": request.path,
            "query": request.query.map { [$0.name, $0.value] },
            "headers": request.headers.map { [$0.name, $0.value] },
            "body": String(decoding: request.body, as: UTF8.self),
            "bodyCount": request.body.count,
            "omitsNextPageLink": request.omitsNextPageLink,
        ]
        let body = (try? JSONSerialization.data(withJSONObject: echo)).map { Array($0) } ?? []
        return SimResponse(status: 200, headers: [(name: "Content-Type", value: "application/json")] + extraHeaders,
                           body: body)
    }

    func faultResponse(status: Int) -> SimResponse {
        SimResponse(status: status, headers: [(name: "Content-Type", value: "application/json")],
                    body: Array(#"{"ErrorMessage":"injected \#(status)"}"#.utf8))
    }
}

/// A `SimServer` running in this process on a free loopback port until `stop()` or deinit.
final class InProcessSimulator {
    let server: SimServer
    let url: String
    private let finished = DispatchSemaphore(value: 0)
    private var stopped = false

    init(service: any SimService = EchoService(), configuration: SimServerConfiguration = SimServerConfiguration()) throws {
        let server = SimServer(services: [(service, port: 0)], configuration: configuration)
        self.server = server
        let ready = DispatchSemaphore(value: 0)
        let bound = Mutex<String?>(nil)
        let failure = Mutex<String?>(nil)
        Task.detached { [finished] in
            do {
                try await server.run { listeners in
                    bound.withLock { $0 = listeners.first?.url }
                    ready.signal()
                }
            } catch {
                failure.withLock { $0 = "\(error)" }
                ready.signal()
            }
            finished.signal()
        }
        guard ready.wait(timeout: .now() + 60) == .success, let url = bound.withLock({ $0 }) else {
            throw NotStarted(description: "the in-process simulator did not start: "
                             + (failure.withLock { $0 } ?? "no listener within 60 s"))
        }
        self.url = url
    }

    struct NotStarted: Error, CustomStringConvertible {
        let description: String
    }

    deinit { stop() }

    func stop() {
        guard !stopped else { return }
        stopped = true
        let server = self.server
        Task.detached { await server.stop() }
        _ = finished.wait(timeout: .now() + 30)
    }
}

/// One client per test; every call goes over real HTTP on loopback.
struct SimClient {
    let transport: CurlTransport

    init() throws {
        transport = try CurlTransport(options: CurlTransport.Options(totalTimeout: 60))
    }

    func send(_ method: String = "GET", _ url: String, headers: [(name: String, value: String)] = [],
              body: [UInt8]? = nil) -> Result<HTTPResponse, TransportError> {
        transport.send(HTTPRequest(method: method, url: url, headers: headers, body: body))
    }

    /// The response to a request that must get one; fails the test otherwise.
    func response(_ method: String = "GET", _ url: String, headers: [(name: String, value: String)] = [],
                  body: [UInt8]? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> HTTPResponse {
        switch send(method, url, headers: headers, body: body) {
        case .success(let response): return response
        case .failure(let error):
            XCTFail("\(method) \(url) got no response: \(error.message)", file: file, line: line)
            throw error
        }
    }

    /// The JSON object or array in a response body.
    func json(_ method: String = "GET", _ url: String, headers: [(name: String, value: String)] = [],
              body: [UInt8]? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let response = try response(method, url, headers: headers, body: body, file: file, line: line)
        return try JSONSerialization.jsonObject(with: Data(response.body))
    }

    /// `GET /_sim/requests`, one dictionary per logged request.
    func requestLog(_ baseURL: String) throws -> [[String: Any]] {
        try XCTUnwrap(json("GET", baseURL + "/_sim/requests") as? [[String: Any]])
    }
}
