// Every request one service port answered, in order, for tests to read back at /_sim/requests.

import Synchronization

/// One logged request: what a test needs to count calls and check them against the API.
struct LoggedRequest: Sendable, Equatable {
    var method: String
    /// As sent, still percent-encoded.
    var path: String
    /// The raw query string, without `?`; empty when there was none.
    var query: String
    /// The status written; 0 when the connection was dropped without one.
    var status: Int
    /// The injected fault, spelled as `--faults` spells it; nil for a plain answer.
    var fault: FaultKind?
    /// The top-level keys of a JSON object body, so tests can check a client's bodies against
    /// the API's required fields; empty for other bodies.
    var bodyKeys: [String] = []
}

/// An append-only list shared by every connection to one service port.
final class RequestLog: Sendable {
    private let entries = Mutex<[LoggedRequest]>([])

    func append(_ entry: LoggedRequest) {
        entries.withLock { $0.append(entry) }
    }

    var all: [LoggedRequest] { entries.withLock { $0 } }

    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
