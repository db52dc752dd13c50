// DeployHQ's route table: the generic collections from ResourceCatalog, then the special routes.

enum DeployHQRouteTable {
    static let all: [DeployHQRoute] = genericRoutes + projectRoutes + deploymentRoutes + scheduleRoutes + repositoryRoutes
        + buildRoutes + accountRoutes

    /// index/show/create/update/destroy for every catalog kind, as its `operations` declare.
    static var genericRoutes: [DeployHQRoute] {
        ResourceCatalog.all.flatMap { kind -> [DeployHQRoute] in
            let base = kind.collectionPattern
            var routes: [DeployHQRoute] = []
            if kind.operations.contains(.index) { routes.append(DeployHQRoute("GET", base) { $0.index(kind, $1) }) }
            if kind.operations.contains(.create) { routes.append(DeployHQRoute("POST", base) { try $0.create(kind, $1) }) }
            if kind.operations.contains(.show) { routes.append(DeployHQRoute("GET", base + "/{id}") { try $0.show(kind, $1) }) }
            if kind.operations.contains(.update) {
                routes.append(DeployHQRoute("PUT", base + "/{id}") { try $0.update(kind, $1) })
                routes.append(DeployHQRoute("PATCH", base + "/{id}") { try $0.update(kind, $1) })
            }
            if kind.operations.contains(.destroy) { routes.append(DeployHQRoute("DELETE", base + "/{id}") { try $0.destroy(kind, $1) }) }
            return routes
        }
    }

    static let projectRoutes: [DeployHQRoute] = [
        DeployHQRoute("GET", "projects") { service, _ in service.listProjects() },
        DeployHQRoute("POST", "projects") { try $0.createProject($1) },
        DeployHQRoute("GET", "projects/{id}") { try $0.showProject($1) },
        DeployHQRoute("PUT", "projects/{id}") { try $0.updateProject($1) },
        DeployHQRoute("PATCH", "projects/{id}") { try $0.updateProject($1) },
        DeployHQRoute("DELETE", "projects/{id}") { try $0.destroyProject($1) },
        DeployHQRoute("POST", "projects/{id}/star") { try $0.starProject($1) },
        DeployHQRoute("GET", "projects/{id}/insights") { try $0.insights($1) },
        DeployHQRoute("PATCH", "projects/{id}/regenerate_key") { try $0.projectKey($1) },
        DeployHQRoute("PATCH", "projects/{id}/upload_key") { try $0.projectKey($1) },
        DeployHQRoute("GET", "projects/{id}/undeployed_changes") { try $0.undeployedChanges($1) },
        DeployHQRoute("POST", "projects/{id}/ai_deployment_overview") { try $0.aiOverview($1) },
        DeployHQRoute("GET", "{id}/status_badge.svg", authenticated: false) { try $0.statusBadge($1) },
        DeployHQRoute("GET", "{id}/{identifier}/status_badge.svg", authenticated: false) { try $0.statusBadge($1) },
        DeployHQRoute("POST", "projects/{project_id}/servers/{id}/reset_host_key") { try $0.resetHostKey($1) },
        DeployHQRoute("GET", "projects/{project_id}/servers/{id}/server_metrics") { try $0.serverMetrics($1) },
        DeployHQRoute("POST", "projects/{project_id}/servers/{server_id}/test_access") { try $0.testAccess($1) },
        DeployHQRoute("POST", "projects/{project_id}/test_access") { try $0.testAccess($1) },
        DeployHQRoute("GET", "projects/{project_id}/test_access/{id}") { try $0.showTestAccess($1) },
        DeployHQRoute("GET", "projects/{project_id}/auto_deployments") { try $0.autoDeployments($1) },
        DeployHQRoute("POST", "projects/{project_id}/auto_deployments") { try $0.autoDeployments($1) },
    ]

    static let deploymentRoutes: [DeployHQRoute] = [
        DeployHQRoute("GET", "projects/{project_id}/deployments") { try $0.listDeployments($1) },
        DeployHQRoute("POST", "projects/{project_id}/deployments") { try $0.createDeployment($1) },
        DeployHQRoute("GET", "projects/{project_id}/deployments/{id}") { try $0.showDeployment($1) },
        DeployHQRoute("POST", "projects/{project_id}/deployments/{id}/abort") { try $0.abortDeployment($1) },
        DeployHQRoute("POST", "projects/{project_id}/deployments/{id}/retry") { try $0.retryDeployment($1) },
        DeployHQRoute("POST", "projects/{project_id}/deployments/{id}/rollback") { try $0.rollbackDeployment($1) },
        DeployHQRoute("GET", "projects/{project_id}/deployments/{deployment_id}/steps/{step_id}/logs") { try $0.stepLogs($1) },
    ]

    static let scheduleRoutes: [DeployHQRoute] = [
        DeployHQRoute("GET", "projects/{project_id}/scheduled_deployments") { try $0.listSchedules($1) },
        DeployHQRoute("POST", "projects/{project_id}/scheduled_deployments") { try $0.createSchedule($1) },
        DeployHQRoute("GET", "projects/{project_id}/scheduled_deployments/{id}") { try $0.showSchedule($1) },
        DeployHQRoute("PUT", "projects/{project_id}/scheduled_deployments/{id}") { try $0.updateSchedule($1) },
        DeployHQRoute("PATCH", "projects/{project_id}/scheduled_deployments/{id}") { try $0.updateSchedule($1) },
        DeployHQRoute("DELETE", "projects/{project_id}/scheduled_deployments/{id}") { try $0.destroySchedule($1) },
    ]

    static let repositoryRoutes: [DeployHQRoute] = [
        DeployHQRoute("GET", "projects/{project_id}/repository") { try $0.showRepository($1) },
        DeployHQRoute("POST", "projects/{project_id}/repository") { try $0.saveRepository($1) },
        DeployHQRoute("PUT", "projects/{project_id}/repository") { try $0.saveRepository($1) },
        DeployHQRoute("PATCH", "projects/{project_id}/repository") { try $0.saveRepository($1) },
        DeployHQRoute("GET", "projects/{project_id}/repository/branches") { try $0.branches($1) },
        DeployHQRoute("GET", "projects/{project_id}/repository/commit_info") { try $0.commitInfo($1) },
        DeployHQRoute("GET", "projects/{project_id}/repository/latest_revision") { try $0.latestRevision($1) },
        DeployHQRoute("GET", "projects/{project_id}/repository/recent_commits") { try $0.recentCommits($1) },
    ]

    static let buildRoutes: [DeployHQRoute] = [
        DeployHQRoute("GET", "projects/{project_id}/build_configuration") { try $0.defaultBuildConfiguration($1) },
        DeployHQRoute("PUT", "projects/{project_id}/build_languages/{id}") { try $0.buildLanguage($1) },
        DeployHQRoute("PATCH", "projects/{project_id}/build_languages/{id}") { try $0.buildLanguage($1) },
        DeployHQRoute("PUT", "projects/{project_id}/build_configurations/{override_build_configuration_id}/build_languages/{id}") { try $0.buildLanguage($1) },
        DeployHQRoute("PATCH", "projects/{project_id}/build_configurations/{override_build_configuration_id}/build_languages/{id}") { try $0.buildLanguage($1) },
        DeployHQRoute("GET", "projects/{project_id}/language_versions") { try $0.languageVersions($1) },
        DeployHQRoute("GET", "language_versions") { try $0.languageVersions($1) },
    ]

    static let accountRoutes: [DeployHQRoute] = [
        DeployHQRoute("GET", "account") { service, _ in service.account() },
        DeployHQRoute("PUT", "account") { try $0.updateAccount($1) },
        DeployHQRoute("PATCH", "account") { try $0.updateAccount($1) },
        DeployHQRoute("GET", "account/billing_status") { service, _ in service.billingStatus() },
        DeployHQRoute("GET", "profile") { service, _ in service.profile() },
        DeployHQRoute("PUT", "profile") { try $0.updateProfile($1) },
        DeployHQRoute("PATCH", "profile") { try $0.updateProfile($1) },
        DeployHQRoute("POST", "agents/{id}/revoke") { try $0.revokeAgent($1) },
        DeployHQRoute("POST", "api/v1/signup", authenticated: false) { try $0.signup($1) },
        DeployHQRoute("POST", "beta/enrollments") { try $0.acknowledge($1, "enrolled") },
        DeployHQRoute("POST", "detection") { try $0.detection($1) },
        DeployHQRoute("POST", "global_servers/{id}/copy_to_project") { try $0.copyToProject($1) },
        DeployHQRoute("POST", "hosted_resources/{id}/retry_provision") { try $0.hostedResourceAction($1) },
        DeployHQRoute("POST", "hosted_resources/{id}/sync") { try $0.hostedResourceAction($1) },
        DeployHQRoute("GET", "managed_hosting/regions") { service, _ in service.managedHosting(regions: true) },
        DeployHQRoute("GET", "managed_hosting/sizes") { service, _ in service.managedHosting(regions: false) },
        DeployHQRoute("POST", "reset") { try $0.acknowledge($1, "reset") },
        DeployHQRoute("POST", "security/api_keys") { try $0.createAPIKey($1) },
        DeployHQRoute("DELETE", "security/api_keys/{id}") { try $0.acknowledge($1, "deleted") },
        DeployHQRoute("GET", "ssh_keys/{id}/download_private_key") { try $0.downloadPrivateKey($1) },
        DeployHQRoute("GET", "templates/public_templates") { service, _ in service.publicTemplates() },
        DeployHQRoute("GET", "templates/{id}/public/{id}") { try $0.publicTemplate($1) },
        DeployHQRoute("POST", "users/{id}/resend_invitation") { try $0.resendInvitation($1) },
        // Not in the OpenAPI file; the CLI's `dhq activity` and `dhq status` call it (allowlisted).
        DeployHQRoute("GET", "activity") { service, context in service.activity(context) },
    ]
}
