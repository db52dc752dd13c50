// rove-httpbench: a loopback JSON server (`serve`) and the HTTPClient side of the HTTP benchmark (`fetch`).

import Foundation
import RoveHTTP
import RoveTestServers

/// The document every /item/N returns: about 20 KB of Octopus-like JSON, built once so the
/// server's cost per request is only writing it.
func makeBody() -> [UInt8] {
    var items: [String] = []
    var size = 2
    var index = 0
    while size < 20_000 {
        let item = "{\"Id\":\"Projects-\(index)\",\"Name\":\"service-\(index)\",\"Slug\":\"service-\(index)\","
            + "\"IsDisabled\":false,\"LifecycleId\":\"Lifecycles-1\",\"Links\":{\"Self\":\"/api/projects/Projects-\(index)\"}}"
        items.append(item)
        size += item.utf8.count + 1
        index += 1
    }
    return Array(("[" + items.joined(separator: ",") + "]").utf8)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("rove-httpbench: " + message + "\n").utf8))
    exit(2)
}

/// `--name value` pairs after the mode.
func options(_ arguments: ArraySlice<String>) -> [String: String] {
    var result: [String: String] = [:]
    var rest = arguments
    while let name = rest.popFirst() {
        guard name.hasPrefix("--"), let value = rest.popFirst() else { fail("expected --name value, got \(name)") }
        result[String(name.dropFirst(2))] = value
    }
    return result
}

/// Serves until stdin closes (the driving script holds it open) or a signal ends the process.
func serve() throws -> Never {
    let body = makeBody()
    let server = try LoopbackServer(fallback: { request in
        request.path.hasPrefix("/item/")
            ? .respond(ServerReply(headers: [("Content-Type", "application/json")], body: body))
            : .respond(ServerReply(status: 404, text: "not found"))
    })
    print("PORT=\(server.port)")
    print("BYTES=\(body.count)")
    fflush(stdout)
    while FileHandle.standardInput.availableData.count > 0 {}
    server.stop()
    exit(0)
}

/// Sends `count` GETs of `url`/N through HTTPClient and CurlTransport, checking every body, and
/// prints `elapsed=<s> rps=<requests per second>`. All requests go to one `send`, with the
/// client's per-host limit at `concurrency`, as a script's parallel paging hands them over: the
/// client keeps that many in flight, starting the next the moment one finishes.
///
/// `--layer transport` skips the client and keeps the same window on CurlTransport directly,
/// dropping each body once checked as curl and python do; `--keep 1` holds them all as the client
/// must. Between the three, the client's own cost and the cost of holding the bodies show apart.
func fetch(_ options: [String: String]) throws -> Never {
    guard let base = options["url"] else { fail("fetch needs --url") }
    let count = Int(options["count"] ?? "1000") ?? 1000
    let concurrency = max(1, Int(options["concurrency"] ?? "1") ?? 1)
    let expected = makeBody().count
    // The transport's connection cap must not be the bottleneck; the client's per-host limit
    // (the governor) is what bounds the window, as it would for a script's parallel paging.
    let transport = try CurlTransport(options: CurlTransport.Options(maxConnectionsPerHost: max(8, concurrency)))
    let client = HTTPClient(transport: transport, perHostLimit: concurrency)
    let requests = (0..<count).map { HTTPRequest(url: "\(base)/\($0)") }
    // One warm-up request opens the connection and loads libcurl, which every peer gets for free
    // too (curl and python are already running with their libraries loaded when they start timing).
    _ = try client.send(HTTPRequest(url: "\(base)/0"))

    let start = Date()
    switch options["layer"] ?? "client" {
    case "client":
        for response in try client.send(requests) { check(response, expected) }
    case "transport":
        var next = 0, inFlight = 0
        let keep = options["keep"] == "1"
        var kept: [HTTPResponse] = []
        while next < count || inFlight > 0 {
            while next < count, inFlight < concurrency {
                transport.start(requests[next], id: next)
                next += 1
                inFlight += 1
            }
            for completion in transport.completions(waitingAtMost: 1) {
                let response = try completion.result.get()
                check(response, expected)
                if keep { kept.append(response) }
                inFlight -= 1
            }
        }
        withExtendedLifetime(kept) {}
    case let layer:
        fail("unknown layer \(layer); expected client or transport")
    }
    let elapsed = Date().timeIntervalSince(start)
    print(String(format: "elapsed=%.4f rps=%.1f", elapsed, Double(count) / elapsed))
    exit(0)
}

func check(_ response: HTTPResponse, _ expected: Int) {
    if response.status != 200 || response.body.count != expected {
        fail("status \(response.status), a body of \(response.body.count) bytes, expected \(expected)")
    }
}

let arguments = CommandLine.arguments.dropFirst()
do {
    switch arguments.first {
    case "serve": try serve()
    case "fetch": try fetch(options(arguments.dropFirst()))
    default: fail("usage: rove-httpbench serve | fetch --url URL --count N --concurrency N [--layer client|transport]")
    }
} catch {
    fail("\(error)")
}
