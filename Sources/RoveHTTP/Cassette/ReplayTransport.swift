// A transport that never touches the network: it answers from a cassette, or says what it lacks.

/// Answers each request with the recorded exchange of the same method, URL and body (masked as
/// they were when recorded) and the same occurrence index among identical requests, so
/// parallel requests are answered the same whatever order they are started or finish in.
///
/// A request the cassette does not hold fails with `TransportError.Kind.invalid`, a message
/// naming it and the nearest recorded request, and is kept in `misses`. A recorded body larger
/// than the request's `maxResponseBytes` fails as `tooLarge`, as the real transport would.
public final class ReplayTransport: HTTPTransport {
    private let cassette: Cassette
    private let redactor: Redactor
    private var recorded: [Cassette.Key: [Int: Cassette.Exchange]] = [:]
    private var occurrences: [Cassette.Key: Int] = [:]
    private var ready: [HTTPCompletion] = []
    /// Every request the cassette could not answer, in order: `METHOD url: ` and the failure's message.
    public private(set) var misses: [String] = []

    public init(cassette: Cassette, redactor: Redactor) {
        self.cassette = cassette
        self.redactor = redactor
        for exchange in cassette.exchanges {
            recorded[exchange.key, default: [:]][exchange.occurrence] = exchange
        }
    }

    public func start(_ request: HTTPRequest, id: Int) {
        let key = RecordingTransport.masked(request, redactor: redactor)
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        guard let exchange = recorded[key]?[occurrence] else {
            let message = missMessage(key, occurrence: occurrence)
            misses.append("\(key.method) \(key.url): \(message)")
            ready.append(HTTPCompletion(id: id, result: .failure(TransportError(.invalid, message))))
            return
        }
        switch exchange.outcome {
        case .response(let status, let headers, let body):
            let cap = request.maxResponseBytes ?? CurlTransport.Options.defaultMaxResponseBytes
            if body.count > cap {
                ready.append(HTTPCompletion(id: id, result: .failure(TransportError(
                    .tooLarge, "the recorded response body is \(body.count) bytes, over the \(cap)-byte limit"))))
                return
            }
            let response = HTTPResponse(status: status, headers: headers.map { ($0.name, $0.value) }, body: body)
            ready.append(HTTPCompletion(id: id, result: .success(response)))
        case .failure(let kind, let message):
            ready.append(HTTPCompletion(id: id, result: .failure(TransportError(TransportError.Kind(named: kind) ?? .invalid, message))))
        }
    }

    public func completions(waitingAtMost seconds: Double) -> [HTTPCompletion] {
        defer { ready.removeAll() }
        return ready
    }

    public func abandon() {
        ready.removeAll()
    }

    /// Nothing is ever in flight: every answer is ready the moment its request starts.
    public func cancel() {}

    private func missMessage(_ key: Cassette.Key, occurrence: Int) -> String {
        // The client's error already names the method and URL; the body and repeat are added.
        var message = "not in the recording"
        if let body = key.body { message += " (body " + Self.shortened(body) + ")" }
        if occurrence > 0 { message += " (request \(occurrence + 1) of these; the recording has \(occurrence))" }
        if let nearest = nearest(to: key) {
            message += "; nearest recorded: \(Self.describe(nearest))"
        } else {
            message += "; the recording holds no requests"
        }
        return message
    }

    /// The recorded request most like `key`: same method first, then the longest shared URL
    /// beginning, then the longest shared body beginning.
    private func nearest(to key: Cassette.Key) -> Cassette.Key? {
        func shared(_ left: String?, _ right: String?) -> Int {
            zip((left ?? "").utf8, (right ?? "").utf8).prefix { $0 == $1 }.count
        }
        return cassette.exchanges.map(\.key).max { left, right in
            let leftScore = (left.method == key.method ? 1 : 0, shared(left.url, key.url), shared(left.body, key.body))
            let rightScore = (right.method == key.method ? 1 : 0, shared(right.url, key.url), shared(right.body, key.body))
            return leftScore < rightScore
        }
    }

    private static func describe(_ key: Cassette.Key) -> String {
        var text = "\(key.method) \(key.url)"
        if let body = key.body { text += " (body " + shortened(body) + ")" }
        return text
    }

    private static func shortened(_ body: String) -> String {
        body.count > 200 ? String(body.prefix(200)) + "…" : body
    }
}
