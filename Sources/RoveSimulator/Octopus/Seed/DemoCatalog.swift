// The demo data's fixed names: spaces, projects, environments, roles, tenants, runbooks.

enum DemoCatalog {
    /// Seeded history ends here (2026-01-01T00:00:00Z); a fixed base keeps seeds byte-identical.
    static let historyEnd: Double = 1_767_225_600

    struct SpacePlan {
        let name: String
        let description: String
        let environments: [String]
        let projectGroups: [String]
        /// (project name, project group index)
        let projects: [(String, Int)]
        let tenants: [String]
    }

    static let spaces: [SpacePlan] = [
        SpacePlan(name: "Default", description: "The default space: the demo's main data.",
                  environments: ["Development", "Test", "Staging", "Production"],
                  projectGroups: ["Default Project Group", "Customer Facing", "Back Office"],
                  projects: [("Web", 1), ("Web API", 1), ("Web Admin", 2), ("Payments", 1), ("Payments Gateway", 1),
                             ("Billing Service", 2), ("Flaky Service", 0), ("Inventory", 2), ("Notifications", 0),
                             ("Search", 1), ("Reporting", 2), ("Identity", 0)],
                  tenants: ["Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises"]),
        SpacePlan(name: "Platform Team", description: "Shared platform services.",
                  environments: ["Development", "Test", "Staging", "Production"],
                  projectGroups: ["Platform"],
                  projects: [("Data Pipeline", 0), ("ETL Jobs", 0), ("Warehouse", 0)],
                  tenants: []),
        SpacePlan(name: "Sandbox", description: "An almost empty space for experiments.",
                  environments: ["Development"], projectGroups: ["Default Project Group"], projects: [], tenants: []),
    ]

    /// The project whose releases span several pages (45 > 30).
    static let manyReleasesProject = "Web"
    static let manyReleasesCount = 45

    /// Machines per environment: (name stem, roles).
    static let machineShapes: [(String, [String])] = [
        ("web-01", ["web-server"]), ("web-02", ["web-server"]), ("db-01", ["db"]),
        ("worker-01", ["worker"]), ("app-01", ["web-server", "worker"]),
    ]

    static let healthStatuses = ["Healthy", "Healthy", "Healthy", "Healthy", "HasWarnings", "Unhealthy", "Unavailable", "Unknown"]

    static func environmentPrefix(_ environment: String) -> String {
        switch environment {
        case "Development": return "dev"
        case "Test": return "test"
        case "Staging": return "stg"
        case "Production": return "prod"
        default: return ResourceDefaults.slug(environment)
        }
    }

    /// The deployment process of each demo project; Payments has the manual intervention step.
    static func processSteps(_ project: String) -> [String] {
        switch project {
        case "Payments": return ["Deploy Payments package", "Approve production release", "Switch traffic", "Smoke test"]
        case "Flaky Service": return ["Deploy Flaky Service package", "Warm up caches", "Smoke test"]
        case "Billing Service", "Inventory", "Identity":
            return ["Run database migrations", "Deploy \(project) package", "Smoke test"]
        default: return ["Deploy \(project) package", "Smoke test"]
        }
    }

    /// Runbooks per project: (runbook name, steps).
    static func runbooks(_ project: String) -> [String] {
        switch project {
        case "Web": return ["Restart Service", "Rotate Logs"]
        case "Web API": return ["Purge CDN Cache"]
        case "Billing Service": return ["Backup Database"]
        case "Data Pipeline": return ["Reprocess Day"]
        default: return []
        }
    }

    static func runbookSteps(_ runbook: String) -> [String] {
        switch runbook {
        case "Restart Service": return ["Stop service", "Start service"]
        case "Backup Database": return ["Back up database", "Verify backup"]
        default: return ["Run script"]
        }
    }

    /// The runbook step that deploys its project's package, so snapshots pin a version of it.
    static func runbookPackageStep(_ runbook: String) -> String? {
        switch runbook {
        case "Restart Service": return "Start service"
        case "Reprocess Day": return "Run script"
        default: return nil
        }
    }

    /// Projects with a second channel besides Default.
    static let hotfixChannelProjects: Set<String> = ["Web", "Web API", "Payments"]

    /// Projects deployed per tenant.
    static let tenantedProjects: Set<String> = ["Web", "Payments"]

    static func packageId(_ project: String) -> String {
        project.split(separator: " ").joined()
    }
}
