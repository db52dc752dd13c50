// Per-host concurrency that backs off when a server pushes back and recovers when it copes (AIMD).

import Synchronization

/// How many requests the client may have in flight to one host, and until when that host
/// asked to be left alone. One per origin (scheme, host, port), shared by every request of a
/// client, whichever thread sends it.
///
/// The limit starts at the configured maximum; a 429 or 503 halves it (at least 1) and a
/// response the server handled raises it by one, up to the maximum: additive increase,
/// multiplicative decrease, as TCP does with its congestion window. Only one halving counts
/// per round — the requests whose slots were reserved between two halvings — so eight 429s to
/// requests already in flight halve the limit once, not eight times.
public final class Governor: Sendable {
    /// The configured ceiling of `limit`.
    public let maximum: Int

    private struct State {
        var limit: Int
        var inFlight = 0
        /// Seconds since the epoch before which no request may start (from `Retry-After`).
        var notBefore = -Double.infinity
        /// Advances on every halving; a throttle from an older round does not halve again.
        var round = 0
    }

    private let state: Mutex<State>

    public init(maximum: Int) {
        self.maximum = max(1, maximum)
        state = Mutex(State(limit: max(1, maximum)))
    }

    /// Requests this host may have in flight now.
    public var limit: Int { state.withLock { $0.limit } }

    /// The time (seconds since the epoch) before which this host's requests wait.
    public var notBefore: Double { state.withLock { $0.notBefore } }

    /// A grant of slots to send requests with; hand it back with `release`.
    struct Reservation {
        let count: Int
        /// The round the slots were reserved in.
        let round: Int
    }

    /// Reserves up to `wanted` slots at time `now`: none while the host asked for a pause or all
    /// its slots are taken by other requests.
    func reserve(_ wanted: Int, now: Double) -> Reservation {
        state.withLock { state in
            let count = now < state.notBefore ? 0 : max(0, min(wanted, state.limit - state.inFlight))
            state.inFlight += count
            return Reservation(count: count, round: state.round)
        }
    }

    /// Returns the slots of `reservation` once its requests have finished.
    func release(_ reservation: Reservation) {
        state.withLock { $0.inFlight -= reservation.count }
    }

    /// The server handled a request: allow one more in flight, up to the maximum.
    func recordSuccess() {
        state.withLock { $0.limit = min(maximum, $0.limit + 1) }
    }

    /// The server refused a request sent with `reservation` with 429 or 503: halve the limit
    /// (once per round) and, when it said how long to wait, hold every request to this host
    /// until `until`.
    func recordThrottle(in reservation: Reservation, until: Double?) {
        state.withLock { state in
            if reservation.round == state.round {
                state.limit = max(1, state.limit / 2)
                state.round += 1
            }
            if let until { state.notBefore = max(state.notBefore, until) }
        }
    }

    /// The key requests share a governor by: the URL's `origin`, or the URL itself when it has
    /// none (such a request fails in the transport).
    static func key(_ origin: Origin?, url: String) -> String {
        origin?.description ?? url
    }
}
