// One service port's request handling: admin surface, latency, faults, the service, the log.

import Dispatch
import Hummingbird

/// Turns each HTTP request into a `SimRequest`, lets the fault plan and the service answer it,
/// and records what happened.
struct SimResponder: HTTPResponder {
    typealias Context = SimRequestContext

    let service: any SimService
    let faults: FaultInjector
    let log: RequestLog
    /// Added before every answer except the admin surface's; zero adds none.
    let latency: Duration
    let maxBodyBytes: Int

    var admin: AdminEndpoints { AdminEndpoints(log: log, faults: faults) }

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? "/"
        let body = try await collectBody(of: request)
        var simRequest = SimRequest(head: request.head, body: body ?? [])
        if AdminEndpoints.handles(path: simRequest.path) {
            return admin.respond(to: simRequest).hummingbirdResponse
        }
        var entry = LoggedRequest(method: simRequest.method, path: simRequest.path,
                                  query: SimRequest.rawQuery(of: target), status: 0, fault: nil)
        if let body, !body.isEmpty, let keys = (try? JSONValue.parse(body))?.objectPairs?.map(\.0) { entry.bodyKeys = keys }
        if latency > .zero {
            // Cancelled only when shutdown gives up waiting; answering at once is right then.
            try? await Task.sleep(for: latency)
        }
        guard body != nil else {
            entry.status = 413
            log.append(entry)
            var response = Self.tooLarge(service).hummingbirdResponse
            response.headers[.connection] = "close"
            return response
        }
        let draw = faults.draw()
        switch draw.answer {
        case .serviceUnavailable?:
            return answer(with: statusFault(503, draw), logging: entry, fault: .serviceUnavailable)
        case .tooManyRequests?:
            return answer(with: statusFault(429, draw), logging: entry, fault: .tooManyRequests)
        case .internalServerError?:
            return answer(with: statusFault(500, draw), logging: entry, fault: .internalServerError)
        case .invalid?:
            return answer(with: Self.invalidBody, logging: entry, fault: .invalid)
        case .reset?:
            entry.fault = .reset
            log.append(entry)
            try await ConnectionFaults.reset(context.channel)
        case .truncate?, .nonext?, nil:
            // These let the service answer.
            break
        }
        simRequest.omitsNextPageLink = draw.omitsNextPageLink
        let response = await respondOffTheEventLoop(to: simRequest)
        entry.status = response.status
        entry.fault = draw.truncatesBody ? .truncate : draw.omitsNextPageLink ? .nonext : nil
        log.append(entry)
        return draw.truncatesBody ? ConnectionFaults.truncating(response) : response.hummingbirdResponse
    }

    private func answer(with response: SimResponse, logging entry: LoggedRequest, fault: FaultKind) -> Response {
        var entry = entry
        entry.status = response.status
        entry.fault = fault
        log.append(entry)
        return response.hummingbirdResponse
    }

    /// The service's own error answer, with `Retry-After` on 429 and 503 when the plan has one.
    private func statusFault(_ status: Int, _ draw: FaultDraw) -> SimResponse {
        var response = service.faultResponse(status: status)
        if status == 429 || status == 503, let seconds = draw.retryAfterSeconds {
            response.headers.removeAll { $0.name.lowercased() == "retry-after" }
            response.headers.append((name: "Retry-After", value: String(seconds)))
        }
        return response
    }

    /// Services answer synchronously and may take a while (a 100k-task page); a Dispatch thread
    /// waits for them so neither NIO's event loops nor Swift's few cooperative threads block.
    private func respondOffTheEventLoop(to request: SimRequest) async -> SimResponse {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [service] in
                continuation.resume(returning: service.respond(to: request))
            }
        }
    }

    /// The whole body, or nil when it is larger than `maxBodyBytes`. A declared length over the
    /// limit is refused before reading a byte.
    private func collectBody(of request: Request) async throws -> [UInt8]? {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maxBodyBytes {
            return nil
        }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= maxBodyBytes else { return nil }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// 413 in the service's error format: nothing in its routes could have answered this body.
    private static func tooLarge(_ service: any SimService) -> SimResponse {
        service.faultResponse(status: 413)
    }

    /// What a misconfigured proxy in front of the API answers: an HTML page labelled JSON.
    static let invalidBody = SimResponse(
        status: 200, headers: [(name: "Content-Type", value: "application/json")],
        body: Array("""
            <!DOCTYPE html>
            <html><head><title>502 Bad Gateway</title></head>
            <body><h1>Bad Gateway</h1><p>The proxy received an invalid response from an upstream server.</p></body>
            </html>

            """.utf8))
}
