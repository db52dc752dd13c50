// Which CI system runs `rove`: read from the variables each system sets, or forced with `--ci NAME`.

/// A CI system whose step outputs and error annotations `rove` writes in that system's own form.
enum CISystem: String, CaseIterable, Equatable {
    case github
    case gitlab
    case azure
    case teamcity
    case octopus
    /// No CI system: `name=value` outputs on standard output, no annotations (`--ci none`).
    case none

    /// The system `environment` belongs to, by the variable each one documents for this purpose;
    /// the first match in this order wins (a runner of one system started by another, say).
    static func detect(in environment: [String: String]) -> CISystem {
        for (system, variable, expected) in detectors {
            guard let value = environment[variable], !value.isEmpty else { continue }
            if let expected, value.lowercased() != expected { continue }
            return system
        }
        return .none
    }

    /// (system, variable, the value it must have or nil for any non-empty value). GitHub sets
    /// `GITHUB_ACTIONS=true`, GitLab `GITLAB_CI=true`, Azure Pipelines `TF_BUILD=True`, TeamCity
    /// `TEAMCITY_VERSION` to its version, and Octopus's Calamari `OctopusCalamariWorkingDirectory`
    /// in every script step it runs.
    private static let detectors: [(CISystem, String, String?)] = [
        (.github, "GITHUB_ACTIONS", "true"),
        (.gitlab, "GITLAB_CI", "true"),
        (.azure, "TF_BUILD", "true"),
        (.teamcity, "TEAMCITY_VERSION", nil),
        (.octopus, "OctopusCalamariWorkingDirectory", nil),
    ]

    /// The system `--ci NAME` names.
    init(named name: String) throws(UsageError) {
        guard let system = CISystem(rawValue: name.lowercased()) else {
            let names = CISystem.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(message: "option '--ci' needs one of \(names) (got '\(name)')")
        }
        self = system
    }
}
