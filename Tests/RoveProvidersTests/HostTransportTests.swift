// A host gives the providers its own transport through the public API alone (no @testable).

import RoveCore
import RoveHTTP
import RoveProviders
import RoveTestSupport
import XCTest

/// A host's transport: it sees every request the providers send, then hands it to libcurl.
private final class WatchingTransport: HTTPTransport {
    private let inner: CurlTransport
    private(set) var sent: [String] = []

    init() throws { inner = try CurlTransport() }

    func start(_ request: HTTPRequest, id: Int) {
        sent.append("\(request.method) \(request.url)")
        inner.start(request, id: id)
    }

    func completions(waitingAtMost seconds: Double) -> [HTTPCompletion] { inner.completions(waitingAtMost: seconds) }
    func abandon() { inner.abandon() }
    func cancel() { inner.cancel() }
}

final class HostTransportTests: XCTestCase {
    /// A host's interpreter with `octopus` connected to `simulator` through a transport that
    /// records every request, using the public API alone.
    private func host(of simulator: SimulatorProcess) throws -> (Interpreter, WatchingTransport, Providers) {
        let interpreter = Interpreter()
        let transport = try WatchingTransport()
        let providers = Providers(interpreter: interpreter, options: .init(transport: transport))
        try providers.connectOctopus(url: simulator.octopusURL, apiKey: simulator.octopusAPIKey, accessToken: nil, space: nil)
        return (interpreter, transport, providers)
    }

    func testOctopusGoesThroughTheHostsTransport() throws {
        let simulator = try SimulatorProcess(arguments: [])
        defer { _ = simulator.stop() }
        let (interpreter, transport, _) = try host(of: simulator)

        XCTAssertEqual(try interpreter.run(#"octopus.Projects.find(name: "Web").Name"#, file: "t"), .string("Web"))
        XCTAssertFalse(transport.sent.isEmpty)
        XCTAssertTrue(transport.sent.allSatisfy { $0.hasPrefix("GET " + simulator.octopusURL) }, "\(transport.sent)")
        // A connection a script makes itself shares the host's transport too, once the host's
        // policy lets scripts reach that origin.
        interpreter.policy.network = .only([simulator.octopusURL])
        let before = transport.sent.count
        let source = "let other = connect(octopus: \"\(simulator.octopusURL)\", apiKey: \"\(simulator.octopusAPIKey)\")\nother.Projects.count > 0"
        XCTAssertEqual(try interpreter.run(source, file: "t"), .bool(true))
        XCTAssertGreaterThan(transport.sent.count, before)
    }

    /// `Limits.requests` is a budget per run, like time and steps: each run may send its own.
    func testTheRequestLimitCountsPerRun() throws {
        let simulator = try SimulatorProcess(arguments: [])
        defer { _ = simulator.stop() }
        let (interpreter, transport, _) = try host(of: simulator)
        interpreter.limits = Limits(requests: 2)

        XCTAssertEqual(try interpreter.run("octopus.Projects.count > 0", file: "t"), .bool(true))
        XCTAssertEqual(try interpreter.run("octopus.Projects.count > 0", file: "t"), .bool(true))
        let before = transport.sent.count
        XCTAssertThrowsError(try interpreter.run("octopus.Projects.count\noctopus.Environments.count\noctopus.Releases.count", file: "t")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .limit)
            XCTAssertTrue((error as? Diagnostic)?.message.contains("request limit reached: 2 requests were allowed") ?? false, "\(error)")
        }
        // The request past the budget was never sent.
        XCTAssertEqual(transport.sent.count - before, 2)
        // A run's own limits beat the interpreter's.
        XCTAssertNoThrow(try interpreter.run(SourceFile(name: "t", text: "octopus.Environments.count\noctopus.Releases.count\noctopus.Teams.count"),
                                             limits: Limits(requests: 10)))
    }
}
