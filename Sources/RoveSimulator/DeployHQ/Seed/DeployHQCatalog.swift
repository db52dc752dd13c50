// The demo account's names: projects, servers, groups and their protocols, as fixed data.

/// One seeded server: name, protocol, group (by name) and environment.
struct DemoServer {
    let name: String
    let protocolType: String
    let group: String?
    let environment: String
}

/// One seeded project; `history` deployments are spread over its servers in turn.
struct DemoProject {
    let name: String
    let permalink: String
    let repository: String?
    let branches: [String]
    let servers: [DemoServer]
    let groups: [String]
    let history: Int
}

enum DeployHQCatalog {
    /// Seeded history ends here, independent of the clock (as the Octopus half does).
    static let historyEnd: Double = 1_767_225_600 // 2026-01-01T00:00:00Z

    static let projects: [DemoProject] = [
        DemoProject(name: "Web", permalink: "web", repository: "git@github.com:rove-demo/web.git",
                    branches: ["main", "develop", "feature/checkout"],
                    servers: [DemoServer(name: "Production", protocolType: "ssh", group: nil, environment: "production"),
                              DemoServer(name: "Staging", protocolType: "ssh", group: nil, environment: "staging"),
                              DemoServer(name: "Web Node 1", protocolType: "ssh", group: "Web Cluster", environment: "production"),
                              DemoServer(name: "Web Node 2", protocolType: "rsync", group: "Web Cluster", environment: "production"),
                              DemoServer(name: "Assets Bucket", protocolType: "s3", group: nil, environment: "production"),
                              DemoServer(name: "Legacy FTP", protocolType: "ftp", group: nil, environment: "production")],
                    groups: ["Web Cluster"], history: 60),
        DemoProject(name: "API", permalink: "api", repository: "git@github.com:rove-demo/api.git",
                    branches: ["main", "release/2.x"],
                    servers: [DemoServer(name: "API Production", protocolType: "ssh", group: "API Pool", environment: "production"),
                              DemoServer(name: "API Staging", protocolType: "sftp", group: nil, environment: "staging")],
                    groups: ["API Pool"], history: 6),
        DemoProject(name: "Marketing Site", permalink: "marketing-site", repository: "git@gitlab.com:rove-demo/marketing.git",
                    branches: ["main"],
                    servers: [DemoServer(name: "Netlify", protocolType: "netlify", group: nil, environment: "production"),
                              DemoServer(name: "Shared Hosting", protocolType: "ftps", group: nil, environment: "production")],
                    groups: [], history: 3),
        DemoProject(name: "Flaky Service", permalink: "flaky-service", repository: "git@github.com:rove-demo/flaky.git",
                    branches: ["main"],
                    servers: [DemoServer(name: "Flaky Box", protocolType: "ssh", group: nil, environment: "production"),
                              DemoServer(name: "Stable Box", protocolType: "ssh", group: nil, environment: "staging")],
                    groups: [], history: 4),
        DemoProject(name: "Docs", permalink: "docs", repository: nil, branches: [], servers: [], groups: [], history: 0),
    ]

    /// Deployment zones: the short name a project's `zone` shows, and the zone's description.
    static let zones: [(code: String, description: String)] = [
        ("uk", "UK (London)"), ("us-east", "US East (Virginia)"), ("europe", "Europe (Frankfurt)"),
    ]

    static let authors = ["Jane Smith", "Sam Patel", "Alex Kim", "Maria Garcia"]
    static let subjects = ["Fix header layout", "Add footer links", "Update dependencies", "Tune cache headers",
                           "Refactor checkout", "Improve logging", "Bump version", "Fix flaky test", "Add health endpoint",
                           "Tidy styles"]
}
