// How many requests a run may send.

import Synchronization

/// A count of requests (`rove --max-requests`, `Limits.requests`) that a client draws on before
/// each request it sends; retries and redirect hops draw on it too, since each one reaches the
/// server. Its owner renews it for each run, so the count is per run, as time and steps are.
public final class RequestBudget: Sendable {
    private struct State {
        var limit: Int?
        var sent = 0
    }
    private let state: Mutex<State>

    public init(limit: Int? = nil) {
        state = Mutex(State(limit: limit))
    }

    /// Starts a fresh count under `limit` (nil: no limit).
    public func renew(limit: Int?) {
        state.withLock { $0 = State(limit: limit) }
    }

    /// Takes one request from the budget: nil when it may be sent, else the limit it would pass.
    func spend() -> Int? {
        state.withLock { state in
            guard let limit = state.limit else { return nil }
            state.sent += 1
            return state.sent > limit ? limit : nil
        }
    }
}
