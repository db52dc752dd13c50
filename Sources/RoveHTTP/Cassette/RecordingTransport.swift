// A transport that passes everything through to another and keeps a masked copy of each exchange.

/// Wraps a real transport and records every exchange into `cassette`, credentials and
/// registered secrets masked by `redactor` before anything is kept: URLs, request bodies,
/// response headers (only `Cassette.keptHeaders`) and response bodies. Request headers are not
/// kept at all; they are where the credentials travel.
///
/// Like every transport it belongs to the thread that sends; `cancel` may come from any.
public final class RecordingTransport: HTTPTransport {
    private let inner: HTTPTransport
    private let redactor: Redactor
    /// The settings the host connects with, for a replay to connect the same way (never a credential).
    public var connections: [String: [String: String]] = [:]
    /// Requests started and not yet reported, by id: their start order and masked form.
    private var pending: [Int: (sequence: Int, exchange: Cassette.Exchange)] = [:]
    /// Finished exchanges with their start order, so the file lists requests as they were made.
    private var finished: [(sequence: Int, exchange: Cassette.Exchange)] = []
    private var started = 0
    private var occurrences: [Cassette.Key: Int] = [:]

    public init(wrapping inner: HTTPTransport, redactor: Redactor) {
        self.inner = inner
        self.redactor = redactor
    }

    public func start(_ request: HTTPRequest, id: Int) {
        let masked = Self.masked(request, redactor: redactor)
        let occurrence = occurrences[masked, default: 0]
        occurrences[masked] = occurrence + 1
        pending[id] = (started, Cassette.Exchange(method: masked.method, url: masked.url, requestBody: masked.body,
                                                   occurrence: occurrence, outcome: .failure(kind: "invalid", message: "")))
        started += 1
        inner.start(request, id: id)
    }

    public func completions(waitingAtMost seconds: Double) -> [HTTPCompletion] {
        let done = inner.completions(waitingAtMost: seconds)
        for completion in done {
            guard var entry = pending.removeValue(forKey: completion.id) else { continue }
            switch completion.result {
            case .success(let response):
                let headers = response.headers
                    .filter { Cassette.keptHeaders.contains($0.name.lowercased()) }
                    .map { Cassette.Header(name: $0.name.lowercased(), value: redactor.redact($0.value)) }
                entry.exchange.outcome = .response(status: response.status, headers: headers,
                                                   body: Self.masked(body: response.body, redactor: redactor))
            case .failure(let error):
                entry.exchange.outcome = .failure(kind: error.kind.name, message: redactor.redact(error.message))
            }
            finished.append(entry)
        }
        return done
    }

    /// What was recorded so far, in the order the requests were started. Masked once more with
    /// every secret known now: a secret a script made after a response arrived is masked in
    /// that response too.
    public var cassette: Cassette {
        let exchanges = finished.sorted { $0.sequence < $1.sequence }.map { entry in
            var exchange = entry.exchange
            exchange.url = redactor.redact(url: exchange.url)
            exchange.requestBody = exchange.requestBody.map { redactor.redact($0) }
            switch exchange.outcome {
            case .response(let status, let headers, let body):
                exchange.outcome = .response(status: status,
                                             headers: headers.map { .init(name: $0.name, value: redactor.redact($0.value)) },
                                             body: Self.masked(body: body, redactor: redactor))
            case .failure(let kind, let message):
                exchange.outcome = .failure(kind: kind, message: redactor.redact(message))
            }
            return exchange
        }
        return Cassette(connections: connections, exchanges: exchanges)
    }

    public func abandon() {
        pending.removeAll()
        inner.abandon()
    }

    public func cancel() {
        inner.cancel()
    }

    /// What a request is matched by, masked: the same on recording and on replay.
    static func masked(_ request: HTTPRequest, redactor: Redactor) -> Cassette.Key {
        Cassette.Key(method: request.method.uppercased(), url: redactor.redact(url: request.url),
                     body: request.body.map { redactor.redact(String(decoding: $0, as: UTF8.self)) })
    }

    /// A response body with secrets masked; a body that is not text is kept as it came (a
    /// secret the redactor knows is text, and masking bytes inside binary would corrupt it).
    static func masked(body: [UInt8], redactor: Redactor) -> [UInt8] {
        guard let text = String(validating: body, as: UTF8.self) else { return body }
        return Array(redactor.redact(text).utf8)
    }
}
