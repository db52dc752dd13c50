// The build pipeline's special routes: the default configuration and language versions.

extension DeployHQService {
    static let languageVersions: JSONValue = .object([
        ("node", ["18.20.4", "20.13.1", "22.11.0"]), ("ruby", ["3.2.6", "3.3.6"]), ("php", ["8.2.26", "8.3.14"]),
        ("python3", ["3.11.10", "3.12.7"]), ("go", ["1.22.9", "1.23.3"]), ("java", ["17", "21"]),
    ])

    /// The default configuration is read-only; overrides live under `build_configurations` (research §2).
    func defaultBuildConfiguration(_ context: DeployHQContext) throws -> SimResponse {
        let identifier = try projectIdentifier(context)
        return DeployHQResponses.json(.object([
            ("identifier", .string("default-" + identifier.prefix(8))),
            ("packages", .object([("node", "20.13.1"), ("ruby", "3.3.6"), ("php", nil), ("composer", nil), ("java", nil),
                                  ("dotnet", nil), ("go", nil), ("python2", nil), ("python3", nil), ("phantomjs", nil)])),
            ("default", true), ("servers", []),
        ]))
    }

    /// `{"build_environment": {"version": "20.13.1"}}`; the version must be a supported one.
    func buildLanguage(_ context: DeployHQContext) throws -> SimResponse {
        _ = try projectIdentifier(context)
        let language = context.params.last ?? ""
        guard let versions = Self.languageVersions[language]?.arrayValue else {
            throw DeployHQFailure.recordNotFound("Build language")
        }
        let input = try context.wrapped("build_environment")
        guard let version = input.text("version") else { throw DeployHQFailure.validation([("version", ["can't be blank"])]) }
        guard versions.contains(.string(version)) else {
            throw DeployHQFailure.validation([("version", ["is not included in the list"])])
        }
        return DeployHQResponses.json(.object([("language", .string(language)), ("version", .string(version))]))
    }

    func languageVersions(_ context: DeployHQContext) throws -> SimResponse {
        if context.params.count > 0 { _ = try projectIdentifier(context) }
        return DeployHQResponses.json(Self.languageVersions)
    }
}
