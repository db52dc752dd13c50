// Draws the faults for each request from the plan, deterministically for a seed.

import Synchronization

/// What the draw decided for one request.
struct FaultDraw: Sendable, Equatable {
    /// The fault that answers in the service's place, if one hit.
    var answer: FaultKind?
    /// The service answers, but its body is then cut short.
    var truncatesBody = false
    /// The service answers without a `Page.Next` link.
    var omitsNextPageLink = false
    /// The plan's `Retry-After`, read under the same lock as the draw so a plan replaced
    /// meanwhile cannot pair one plan's fault with another's delay.
    var retryAfterSeconds: Int?
}

/// One service's fault plan and random draws; safe to use from every connection at once.
///
/// Every request draws once for every entry of the plan, in order, under one lock, so the n-th
/// request a service receives meets the same faults for the same seed and plan.
final class FaultInjector: Sendable {
    private struct State {
        var plan: FaultPlan
        var generator: SeededGenerator
    }

    private let seed: UInt64
    private let state: Mutex<State>

    init(plan: FaultPlan, seed: UInt64) {
        self.seed = seed
        state = Mutex(State(plan: plan, generator: Self.generator(for: seed)))
    }

    var plan: FaultPlan { state.withLock { $0.plan } }

    /// Installs `plan` and restarts the draws from the seed, so a test that sets a plan at run
    /// time sees the same sequence as one that passed it on the command line.
    func replacePlan(with plan: FaultPlan) {
        state.withLock { $0 = State(plan: plan, generator: Self.generator(for: seed)) }
    }

    func draw() -> FaultDraw {
        state.withLock { state in
            var draw = FaultDraw(retryAfterSeconds: state.plan.retryAfterSeconds)
            for entry in state.plan.entries {
                // Draw even for rates 0 and 1, so the sequence depends on the plan's length only.
                let hit = state.generator.nextUnitInterval() < entry.rate
                guard hit else { continue }
                switch entry.kind {
                case .serviceUnavailable, .tooManyRequests, .internalServerError, .reset, .invalid:
                    if draw.answer == nil { draw.answer = entry.kind }
                case .truncate:
                    draw.truncatesBody = true
                case .nonext:
                    draw.omitsNextPageLink = true
                }
            }
            return draw
        }
    }

    /// The data seed and the fault seed differ, so adding faults never reshuffles demo data.
    private static func generator(for seed: UInt64) -> SeededGenerator {
        SeededGenerator(seed: seed ^ 0x6661_756C_7473_2121)  // "faults!!"
    }
}
