// What every transport does: start requests, hand back whichever finish, and be stoppable from any thread.

/// One finished request: the `id` it was started with and what came of it.
public struct HTTPCompletion: Sendable {
    public let id: Int
    public let result: Result<HTTPResponse, TransportError>

    public init(id: Int, result: Result<HTTPResponse, TransportError>) {
        self.id = id
        self.result = result
    }
}

/// Starts requests and reports them as they finish, so a caller can keep a window of requests
/// in flight: it starts another the moment one completes, instead of waiting for a whole batch
/// and so for its slowest member.
///
/// Transports are synchronous: the interpreter runs on one thread and waits for its requests;
/// `start`, `completions` and `abandon` belong to that thread, `cancel` to any. A transport never
/// retries; the client above it decides that. The libcurl transport is the real one; tests and
/// future record/replay substitute others.
public protocol HTTPTransport: AnyObject {
    /// Begins sending `request`. Its result comes back from `completions` tagged with `id`; a
    /// request that cannot even start (a malformed one) comes back there too, as a failure.
    func start(_ request: HTTPRequest, id: Int)

    /// Waits until at least one started request has finished, or `seconds` have passed, and
    /// returns every request that finished, in no particular order. Returns at once, empty, when
    /// nothing is started.
    func completions(waitingAtMost seconds: Double) -> [HTTPCompletion]

    /// Stops every started request that has not been reported; none of them will be. A request
    /// stopped mid-transfer may already have reached the server.
    func abandon()

    /// Aborts every transfer in flight; they finish with `TransportError.Kind.cancelled`.
    /// Safe to call from any thread.
    func cancel()
}

extension HTTPTransport {
    /// Sends `requests` concurrently (bounded per host by the transport) and returns one result
    /// per request, in order.
    public func send(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        for (index, request) in requests.enumerated() { start(request, id: index) }
        var results = [Result<HTTPResponse, TransportError>?](repeating: nil, count: requests.count)
        var remaining = requests.count
        while remaining > 0 {
            for completion in completions(waitingAtMost: 1)
            where results.indices.contains(completion.id) && results[completion.id] == nil {
                results[completion.id] = completion.result
                remaining -= 1
            }
        }
        return results.map { $0! }
    }

    /// Sends one request.
    public func send(_ request: HTTPRequest) -> Result<HTTPResponse, TransportError> {
        send([request])[0]
    }
}
