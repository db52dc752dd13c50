// Test doubles for the client: a transport that plays scripted results, and a clock that only moves when slept.

import RoveHTTP

/// Answers each request with the next result scripted for its `METHOD url`, and records every
/// request and every round of answers, so tests can check what went out and how often.
///
/// Started requests wait until the client asks for completions; then the oldest
/// `answersPerWait` of them are answered (all of them by default, as if they finished together).
final class ScriptedTransport: HTTPTransport {
    typealias Outcome = Result<HTTPResponse, TransportError>

    private var scripts: [String: [Outcome]] = [:]
    private var started: [(id: Int, request: HTTPRequest)] = []
    /// Every request received, in order.
    private(set) var requests: [HTTPRequest] = []
    /// How many requests had been started, unanswered, at each wait for completions: the
    /// number in flight together.
    private(set) var batchSizes: [Int] = []
    private(set) var cancelCount = 0
    private(set) var abandonCount = 0
    /// How many of the waiting requests one wait answers.
    var answersPerWait = Int.max
    /// Called with the requests about to be answered (a test advances the clock or cancels here).
    var onSend: ([HTTPRequest]) -> Void = { _ in }

    /// Queues `outcomes` for `method url`; the last one repeats once the queue runs out.
    func script(_ method: String, _ url: String, _ outcomes: Outcome...) {
        scripts["\(method) \(url)", default: []] += outcomes
    }

    func start(_ request: HTTPRequest, id: Int) {
        requests.append(request)
        started.append((id, request))
    }

    func completions(waitingAtMost seconds: Double) -> [HTTPCompletion] {
        guard !started.isEmpty else { return [] }
        batchSizes.append(started.count)
        let answered = started.prefix(answersPerWait)
        started.removeFirst(answered.count)
        onSend(answered.map(\.request))
        return answered.map { HTTPCompletion(id: $0.id, result: answer($0.request)) }
    }

    func abandon() {
        abandonCount += 1
        started.removeAll()
    }

    func cancel() { cancelCount += 1 }

    /// How many times `method url` was sent.
    func count(_ method: String, _ url: String) -> Int {
        requests.filter { $0.method == method && $0.url == url }.count
    }

    private func answer(_ request: HTTPRequest) -> Outcome {
        let key = "\(request.method) \(request.url)"
        guard var queue = scripts[key], !queue.isEmpty else {
            return .failure(TransportError(.invalid, "nothing scripted for \(key)"))
        }
        let outcome = queue.count > 1 ? queue.removeFirst() : queue[0]
        scripts[key] = queue
        return outcome
    }
}

/// A clock that starts at a fixed date and moves only when a test sleeps or advances it.
final class FakeClock {
    /// Sun, 06 Nov 1994 08:49:37 GMT, the date RFC 9110 uses in its examples.
    var time: Double = 784_111_777
    /// Every wait the client asked for, in order.
    private(set) var sleeps: [Double] = []
    /// Called on each sleep, before the clock moves (a test cancels the client here).
    var onSleep: (Double) -> Void = { _ in }

    func now() -> Double { time }

    func sleep(_ seconds: Double) {
        sleeps.append(seconds)
        onSleep(seconds)
        time += seconds
    }
}

/// Response shorthands for scripts.
func reply(_ status: Int, _ headers: [(name: String, value: String)] = [], body: String = "") -> ScriptedTransport.Outcome {
    .success(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))
}

func failure(_ kind: TransportError.Kind, _ message: String = "") -> ScriptedTransport.Outcome {
    .failure(TransportError(kind, message))
}

/// A client over `transport` on `clock`, with waits equal to their ceilings so tests can
/// predict them.
func makeClient(_ transport: ScriptedTransport, _ clock: FakeClock, maxAttempts: Int = 5, baseDelay: Double = 0.2,
                maxDelay: Double = 10, perHostLimit: Int = 8) -> HTTPClient {
    let policy = RetryPolicy(maxAttempts: maxAttempts, baseDelay: baseDelay, maxDelay: maxDelay, jitter: { $0 })
    return HTTPClient(transport: transport, policy: policy, perHostLimit: perHostLimit,
                      now: clock.now, sleep: clock.sleep)
}
