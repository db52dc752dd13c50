// The requests of one `HTTPClient.send` that are waiting for a slot, queued per host.

/// Which request may start next, host by host: fresh requests in the order they were given,
/// retries once their wait is over (ahead of fresh ones, since they were given earlier).
///
/// Kept per host so filling a window costs only the requests that start plus one refusal per
/// host, not a scan of every request still waiting: a thousand-page fetch refills its window
/// a thousand times.
struct SendQueue {
    struct Lane {
        let governor: Governor
        /// Request indices never sent, in order; `fresh[next...]` are still waiting.
        var fresh: [Int] = []
        var next = 0
        /// Request indices to send again, each with the time it may go.
        var retries: [(index: Int, readyAt: Double)] = []

        /// The earliest time any of this lane's requests may go, ignoring the host's own pause;
        /// nil when the lane is empty.
        var readyAt: Double? {
            next < fresh.count ? -Double.infinity : retries.map(\.readyAt).min()
        }
    }

    private(set) var lanes: [Lane] = []

    /// Queues every request, each on the lane of its host's governor.
    init(_ governors: [Governor]) {
        for (index, governor) in governors.enumerated() {
            if let lane = lanes.firstIndex(where: { $0.governor === governor }) {
                lanes[lane].fresh.append(index)
            } else {
                lanes.append(Lane(governor: governor, fresh: [index]))
            }
        }
    }

    /// A request of `lane` that may go at `time`, the host's governor permitting: the caller
    /// reserves a slot, then `take`s it.
    func peek(lane: Int, at time: Double) -> Int? {
        let queue = lanes[lane]
        if let retry = queue.retries.filter({ $0.readyAt <= time }).min(by: { $0.index < $1.index }) {
            return retry.index
        }
        return queue.next < queue.fresh.count ? queue.fresh[queue.next] : nil
    }

    /// Takes `index`, just returned by `peek`, off `lane`.
    mutating func take(_ index: Int, lane: Int) {
        if let retry = lanes[lane].retries.firstIndex(where: { $0.index == index }) {
            lanes[lane].retries.remove(at: retry)
        } else {
            lanes[lane].next += 1
        }
    }

    /// Puts `index` back on the lane of `governor`, to go at `readyAt`.
    mutating func retry(_ index: Int, on governor: Governor, at readyAt: Double) {
        guard let lane = lanes.firstIndex(where: { $0.governor === governor }) else { return }
        lanes[lane].retries.append((index, readyAt))
    }

    /// When the next request may go: its own wait and its host's pause both over. Nil when
    /// nothing is queued.
    var nextReadyAt: Double? {
        lanes.compactMap { lane in lane.readyAt.map { max($0, lane.governor.notBefore) } }.min()
    }
}
