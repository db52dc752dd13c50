// The policy above a transport: retries, per-host governors, cancellation, redaction, trace, typed errors.

import Synchronization

/// Sends requests through an `HTTPTransport` the way a careful client should: retrying what is
/// safe to retry, backing off when a host pushes back, stopping promptly when interrupted,
/// tracing what it does, and failing with an `HTTPError` that never shows a credential.
///
/// What is retried (RFC 9110 §9.2.2; see docs/http-client.md "Client"):
/// - Idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) on a connection failure, a timeout,
///   or a 429, 502, 503 or 504 response.
/// - POST and PATCH only on a 429 or 503 response carrying `Retry-After`: the server said it
///   refused the request. Anything else — a 500, a 502, a broken connection, a timeout — may
///   have reached the server and done its work, and libcurl cannot tell reliably whether the
///   request left the machine, so sending it again could deploy twice. Those fail at once.
///
/// Waits follow `Retry-After` when the response has one, and `policy` otherwise.
///
/// `@unchecked Sendable` because the CLI's interrupt watcher calls `cancel()` from another
/// thread: the state requests share is behind locks and atomics, and the configuration
/// properties are set before requests start.
public final class HTTPClient: @unchecked Sendable {
    public let transport: HTTPTransport
    public let policy: RetryPolicy
    /// Masks credentials in trace lines and errors; providers register their keys with it.
    public let redactor: Redactor
    /// Requests in flight per host at most, before any pushback.
    public let perHostLimit: Int
    /// Whether to write a line per request, response and retry to `log`.
    public var trace = false
    /// Where trace lines go; the CLI sends them to stderr.
    public var log: (String) -> Void = { _ in }
    /// Polled between attempts and during waits; the providers pass their interpreter's `shouldStop`.
    public var shouldStop: () -> Bool = { false }
    /// The time limit of requests that carry none (`HTTPRequest.timeLimit`); nil for none. Set
    /// around work someone waits on with nothing else to do, such as the REPL's Tab completion.
    public var timeLimit: Double?
    /// The most redirects one request follows (on its own origin; see `RedirectRule`).
    public var maxRedirects = 10
    /// The requests this client may send, retries and redirect hops included; the one past it
    /// fails as `limit` instead of being sent (`rove --max-requests`).
    public var requestBudget: RequestBudget?

    private let now: () -> Double
    /// The injected sleep, or nil for the real one that `cancel()` cuts short.
    private let sleeper: ((Double) -> Void)?
    /// Bumped by `cancel()`; a `send` is cancelled when the count moved since it began, so a
    /// cancel stops the sends in progress and not the next one the REPL makes.
    private let cancellations = Atomic<Int>(0)
    private let governors = Mutex<[String: Governor]>([:])

    /// - Parameters:
    ///   - now: seconds since the Unix epoch (it dates `Retry-After`); nil for the real clock,
    ///     tests inject a fake one.
    ///   - sleep: waits a number of seconds; nil for a real sleep that `cancel()` and
    ///     `shouldStop` cut short, tests inject one that only records the wait.
    public init(transport: HTTPTransport, policy: RetryPolicy = RetryPolicy(), perHostLimit: Int = 8,
                redactor: Redactor = Redactor(), now: (() -> Double)? = nil,
                sleep: ((Double) -> Void)? = nil) {
        self.transport = transport
        self.policy = policy
        self.perHostLimit = max(1, perHostLimit)
        self.redactor = redactor
        self.now = now ?? SystemClock.now
        self.sleeper = sleep
    }

    /// Stops the requests in progress and any wait before a retry; their `send` throws an
    /// `interrupted` error. Safe to call from any thread.
    public func cancel() {
        cancellations.add(1, ordering: .relaxed)
        transport.cancel()
    }

    /// The governor of the host `url` is on, made on first use.
    public func governor(for url: String) -> Governor {
        governor(forKey: Governor.key(Origin(url: url), url: url))
    }

    private func governor(forKey origin: String) -> Governor {
        governors.withLock { table in
            if let governor = table[origin] { return governor }
            let governor = Governor(maximum: perHostLimit)
            table[origin] = governor
            return governor
        }
    }

    /// Sends one request; see `send(_:)` for a batch.
    public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        try send([request])[0]
    }

    /// Sends `requests` (as for parallel paging) and returns their 2xx responses in order.
    ///
    /// Requests stream through the transport: each host keeps as many in flight as its governor
    /// allows, and the moment one finishes the next waiting request (or a retry whose wait is
    /// over) takes its slot, so one slow response holds up only itself. Each request is retried
    /// on its own schedule.
    ///
    /// - Throws: for the first request that fails for good, its `HTTPError`: a non-2xx answer
    ///   or a redirect not followed, no answer, a request refused (another origin, a write in a
    ///   read-only client, the budget spent); `interrupted` after `cancel()` or when
    ///   `shouldStop` says so. Requests still in flight then are abandoned.
    public func send(_ requests: [HTTPRequest]) throws(HTTPError) -> [HTTPResponse] {
        let generation = cancellations.load(ordering: .relaxed)
        let start = now()
        var requests = requests
        if let timeLimit {
            for index in requests.indices where requests[index].timeLimit == nil { requests[index].timeLimit = timeLimit }
        }
        // Parsed once per request: the governor's key and the origin check both need it.
        let targets = requests.map { Origin(url: $0.url) }
        let hosts = zip(requests, targets).map { governor(forKey: Governor.key($1, url: $0.url)) }
        for request in requests { redactor.learn(from: request.headers) }
        let failures = HTTPFailure(redactor: redactor)
        let redirects = RedirectRule(maxHops: maxRedirects, failures: failures)
        // Before anything is sent: a batch never goes out half-way because one link is foreign.
        for (request, target) in zip(requests, targets) {
            if let refusal = redirects.refusal(toSend: request, target: target) { throw refusal }
        }
        var hops = [Int](repeating: 0, count: requests.count)
        var queue = SendQueue(hosts)
        var attempts = [Int](repeating: 0, count: requests.count)
        var responses = [HTTPResponse?](repeating: nil, count: requests.count)
        var inFlight: [Int: InFlight] = [:]
        var unanswered = requests.count
        // However this ends, no transfer may run on and no governor slot stay taken: the
        // governors outlive the call.
        defer {
            if !inFlight.isEmpty {
                transport.abandon()
                for (index, sent) in inFlight { hosts[index].release(sent.reservation) }
            }
        }

        while unanswered > 0 {
            if isStopped(since: generation) { throw HTTPError(.interrupted, "interrupted") }

            let time = now()
            for lane in queue.lanes.indices {
                let governor = queue.lanes[lane].governor
                while let index = queue.peek(lane: lane, at: time) {
                    // The limit is asked afresh for every slot: a 429 a moment ago lowers it now.
                    let reservation = governor.reserve(1, now: time)
                    guard reservation.count == 1 else { break }
                    queue.take(index, lane: lane)
                    if let limit = requestBudget?.spend() {
                        governor.release(reservation)
                        throw failures.limit(requests[index], maxRequests: limit)
                    }
                    if trace { log("→ \(requests[index].method.uppercased()) \(redactor.redact(url: requests[index].url))") }
                    inFlight[index] = InFlight(reservation: reservation, sentAt: time)
                    transport.start(requests[index], id: index)
                }
            }
            guard !inFlight.isEmpty else {
                // Nothing may go yet: wait for the earliest retry or host pause to end. With
                // nothing pending on either, other threads hold the slots; poll for one.
                let next = queue.nextReadyAt ?? time
                pause(next > time ? next - time : 0.01, generation: generation)
                continue
            }

            // Bounded, so a retry falling due and a stop request are noticed while transfers run.
            let completions = transport.completions(waitingAtMost: Self.waitSlice).sorted { $0.id < $1.id }
            let finishedAt = now()
            var failure: HTTPError?
            for completion in completions {
                let index = completion.id
                // A transport reporting a request it was not given is a bug, but not one to crash on.
                guard let sent = inFlight.removeValue(forKey: index) else { continue }
                hosts[index].release(sent.reservation)
                attempts[index] += 1
                let request = requests[index]
                if trace { log(responseLine(completion.result, request, elapsed: finishedAt - sent.sentAt)) }
                switch decide(completion.result, request, attempts: attempts[index], hops: hops[index], host: hosts[index],
                              reservation: sent.reservation, time: finishedAt, start: start, redirects: redirects) {
                case .done(let response):
                    responses[index] = response
                    unanswered -= 1
                case .redirect(let next, let status):
                    // A new address on the same origin (so the same governor), with a fresh
                    // retry budget: the hop was an answer, not a failure.
                    if trace { log("↪ \(status) to \(redactor.redact(url: next.url))" + (next.origin.map { " (origin \($0))" } ?? "")) }
                    requests[index] = next
                    hops[index] += 1
                    attempts[index] = 0
                    queue.retry(index, on: hosts[index], at: finishedAt)
                case .retry(let delay, let reason):
                    queue.retry(index, on: hosts[index], at: finishedAt + delay)
                    if trace {
                        log("↻ retry \(attempts[index] + 1)/\(policy.maxAttempts) after \(ClientText.seconds(delay)) (\(reason))")
                    }
                case .fail(let error):
                    if failure == nil { failure = error }
                }
            }
            if let failure { throw failure }
        }
        return responses.map { $0! }
    }

    // MARK: Deciding what happens after an attempt

    /// The longest one wait for completions lasts before the loop looks at the clock and the
    /// stop flag again.
    private static let waitSlice = 0.05

    private struct InFlight {
        let reservation: Governor.Reservation
        let sentAt: Double
    }

    private enum Outcome {
        case done(HTTPResponse)
        case redirect(HTTPRequest, status: Int)
        case retry(after: Double, reason: String)
        case fail(HTTPError)
    }

    private func decide(_ result: Result<HTTPResponse, TransportError>, _ request: HTTPRequest, attempts: Int, hops: Int,
                        host: Governor, reservation: Governor.Reservation, time: Double, start: Double,
                        redirects: RedirectRule) -> Outcome {
        let failures = redirects.failures
        switch result {
        case .success(let response):
            let status = response.status
            if (200..<300).contains(status) {
                host.recordSuccess()
                return .done(response)
            }
            switch redirects.step(after: response, to: request, hops: hops, attempts: attempts) {
            case .follow(let next):
                host.recordSuccess()
                return .redirect(next, status: status)
            case .refuse(let error):
                return .fail(error)
            case .deliver:
                break
            }
            let retryAfter = response.header("retry-after").flatMap { RetryAfter.seconds($0, now: time) }
            if status == 429 || status == 503 {
                host.recordThrottle(in: reservation, until: retryAfter.map { time + $0 })
            } else if status < 500 {
                host.recordSuccess()   // the server coped; the request was just wrong
            }
            let retryable = request.isIdempotent
                ? [429, 502, 503, 504].contains(status)
                : (status == 429 || status == 503) && retryAfter != nil
            if retryable, let delay = nextDelay(attempts: attempts, retryAfter: retryAfter, time: time, start: start,
                                                limit: request.timeLimit) {
                return .retry(after: delay, reason: String(status))
            }
            return .fail(failures.status(response, to: request, attempts: attempts))
        case .failure(let error):
            switch error.kind {
            case .connection, .timeout:
                if request.isIdempotent, let delay = nextDelay(attempts: attempts, retryAfter: nil, time: time, start: start,
                                                               limit: request.timeLimit) {
                    return .retry(after: delay, reason: error.kind == .timeout ? "timeout" : "connection")
                }
            case .cancelled, .tls, .invalid, .tooLarge:
                break
            }
            return .fail(failures.transport(error, to: request, attempts: attempts))
        }
    }

    /// The wait before the next attempt, or nil when attempts or the total time (the policy's
    /// cap, or the request's own `limit` when shorter) are used up.
    private func nextDelay(attempts: Int, retryAfter: Double?, time: Double, start: Double, limit: Double?) -> Double? {
        guard attempts < policy.maxAttempts else { return nil }
        let delay = retryAfter ?? policy.delay(afterFailure: attempts)
        guard time + delay - start <= min(policy.totalTimeCap, limit ?? .infinity) else { return nil }
        return delay
    }

    // MARK: Helpers

    private func isStopped(since generation: Int) -> Bool {
        cancellations.load(ordering: .relaxed) != generation || shouldStop()
    }

    private func pause(_ seconds: Double, generation: Int) {
        if let sleeper {
            sleeper(seconds)
        } else {
            SystemClock.sleep(seconds) { isStopped(since: generation) }
        }
    }

    /// `← 200 GET https://host/api/x 12 ms 5123 B`, or the transport failure's kind for a status.
    /// A protocol other than HTTP/1.1 is named at the end (`… 5123 B HTTP/2`): 1.1 is the usual
    /// case, and naming it on every line would only add noise.
    private func responseLine(_ result: Result<HTTPResponse, TransportError>, _ request: HTTPRequest,
                              elapsed: Double) -> String {
        let target = "\(request.method.uppercased()) \(redactor.redact(url: request.url)) \(ClientText.milliseconds(elapsed))"
        switch result {
        case .success(let response):
            let version = response.version == .http1_1 ? "" : " HTTP/\(response.version.rawValue)"
            return "← \(response.status) \(target) \(response.body.count) B\(version)"
        case .failure(let error):
            let reason = redactor.redact(error.message)
            return "← \(error.kind) \(target)" + (reason.isEmpty ? "" : ": " + reason)
        }
    }
}
