// The deterministic rules that make some runs fail or wait, documented in docs/simulator-octopus.md.

enum BehaviourRules {
    /// Deployments of this project to Production fail halfway through their second step.
    static let flakyProject = "Flaky Service"
    /// Deployments of this project to Production wait at the manual intervention step.
    static let interventionProject = "Payments"
    static let gatedEnvironment = "Production"
    /// The runbook that always fails at its first step, wherever it runs.
    static let failingRunbook = "Purge CDN Cache"

    static func deploymentOutcome(project: String, environment: String, steps: [String]) -> TaskOutcome {
        let production = environment.lowercased() == gatedEnvironment.lowercased()
        if production && project.lowercased() == flakyProject.lowercased() {
            return .failure(step: min(1, steps.count - 1))
        }
        if production && project.lowercased() == interventionProject.lowercased(),
           let step = steps.firstIndex(where: { $0.lowercased().contains("approv") }) {
            return .intervention(step: step)
        }
        return .success
    }

    static func runbookOutcome(runbook: String) -> TaskOutcome {
        runbook.lowercased() == failingRunbook.lowercased() ? .failure(step: 0) : .success
    }
}
