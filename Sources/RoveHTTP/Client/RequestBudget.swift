// How many requests a run may send, over every client it uses.

import Synchronization

/// A count of requests several clients draw on (`rove --max-requests`): a script with an Octopus
/// and a DeployHQ connection has one budget, not one per connection. Retries and redirect hops
/// draw on it too, since each one reaches the server.
public final class RequestBudget: Sendable {
    /// The most requests that may be sent.
    public let limit: Int
    private let sent = Atomic<Int>(0)

    public init(limit: Int) {
        self.limit = limit
    }

    /// Takes one request from the budget; false when it is spent, and nothing may be sent.
    func spend() -> Bool {
        sent.add(1, ordering: .relaxed).newValue <= limit
    }
}
