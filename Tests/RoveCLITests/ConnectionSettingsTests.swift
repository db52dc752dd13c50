// Connection settings as a table: environment, config files and --profile in, the connections or the error out.

import RoveCore
@testable import RoveCLI
import RoveHost
import RoveTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One resolution and what it must give.
private struct Case {
    let name: String
    var environment: [String: String] = [:]
    /// The `--profile` flag.
    var flag: String?
    var user: String?
    var userMode: UInt32 = 0o600
    var project: String?
    var octopus: ConnectionSettings?
    var deployhq: ConnectionSettings?
    var root: ConnectionSettings.Provider?
    var warnings: [String] = []
    /// `file:line:column: message`, or the bare message for errors without a place.
    var error: String?
}

private let userPath = "/home/me/.config/rove/config.toml"
private let projectPath = "/work/app/rove.toml"

private let octopusEnvironment = [
    "OCTOPUS_URL": "https://octo.env", "OCTOPUS_API_KEY": "API-ENV", "OCTOPUS_SPACE": "Spaces-2",
]
private let deployhqEnvironment = [
    "DEPLOYHQ_ACCOUNT": "acme", "DEPLOYHQ_EMAIL": "me@acme.test", "DEPLOYHQ_API_KEY": "dhq-env",
]

/// Two profiles, the brief's example: one per provider.
private let twoProfiles = """
    [profiles.prod]
    octopus_url = "https://octo.prod"
    octopus_api_key = "API-PROD"
    octopus_space = "Default"
    [profiles.site]
    deployhq_account = "acme"
    deployhq_email = "me@acme.test"
    deployhq_api_key_env = "ACME_DHQ_KEY"
    """

private let prodOctopus = ConnectionSettings(
    provider: .octopus, name: "prod", url: "https://octo.prod", apiKey: "API-PROD", space: "Default")

private let cases: [Case] = [
    // The environment alone.
    Case(name: "nothing configured"),
    Case(name: "octopus from the environment", environment: octopusEnvironment,
         octopus: ConnectionSettings(provider: .octopus, url: "https://octo.env", apiKey: "API-ENV", space: "Spaces-2"),
         root: .octopus),
    Case(name: "OCTOPUS_HOST is an alias", environment: ["OCTOPUS_HOST": "https://octo.host"],
         octopus: ConnectionSettings(provider: .octopus, url: "https://octo.host"), root: .octopus),
    Case(name: "OCTOPUS_URL beats OCTOPUS_HOST",
         environment: ["OCTOPUS_HOST": "https://octo.host", "OCTOPUS_URL": "https://octo.url"],
         octopus: ConnectionSettings(provider: .octopus, url: "https://octo.url"), root: .octopus),
    Case(name: "an empty OCTOPUS_URL lets OCTOPUS_HOST through",
         environment: ["OCTOPUS_HOST": "https://octo.host", "OCTOPUS_URL": ""],
         octopus: ConnectionSettings(provider: .octopus, url: "https://octo.host"), root: .octopus),
    Case(name: "an empty key is missing", environment: ["OCTOPUS_URL": "https://o", "OCTOPUS_API_KEY": ""],
         octopus: ConnectionSettings(provider: .octopus, url: "https://o"), root: .octopus),
    Case(name: "a key not shaped API- passes through", environment: ["OCTOPUS_URL": "https://o", "OCTOPUS_API_KEY": "secret"],
         octopus: ConnectionSettings(provider: .octopus, url: "https://o", apiKey: "secret"), root: .octopus),
    Case(name: "an access token", environment: ["OCTOPUS_URL": "https://o", "OCTOPUS_ACCESS_TOKEN": "eyJ"],
         octopus: ConnectionSettings(provider: .octopus, url: "https://o", accessToken: "eyJ"), root: .octopus),
    Case(name: "deployhq URL from the account", environment: deployhqEnvironment,
         deployhq: ConnectionSettings(provider: .deployhq, url: "https://acme.deployhq.com/", apiKey: "dhq-env",
                                      email: "me@acme.test", account: "acme"),
         root: .deployhq),
    Case(name: "a pasted deployhq host name is cut to the account",
         environment: ["DEPLOYHQ_ACCOUNT": "https://acme.deployhq.com/"],
         deployhq: ConnectionSettings(provider: .deployhq, url: "https://acme.deployhq.com/", account: "acme"),
         root: .deployhq),
    Case(name: "DEPLOYHQ_URL overrides the account's URL",
         environment: deployhqEnvironment.merging(["DEPLOYHQ_URL": "http://127.0.0.1:8080/"]) { $1 },
         deployhq: ConnectionSettings(provider: .deployhq, url: "http://127.0.0.1:8080/", apiKey: "dhq-env",
                                      email: "me@acme.test", account: "acme"),
         root: .deployhq),
    Case(name: "both providers and no profile: root is ambiguous",
         environment: octopusEnvironment.merging(deployhqEnvironment) { $1 },
         octopus: ConnectionSettings(provider: .octopus, url: "https://octo.env", apiKey: "API-ENV", space: "Spaces-2"),
         deployhq: ConnectionSettings(provider: .deployhq, url: "https://acme.deployhq.com/", apiKey: "dhq-env",
                                      email: "me@acme.test", account: "acme")),

    // Profiles: selection.
    Case(name: "profiles without a selection are not used", user: twoProfiles),
    Case(name: "the file's default profile", user: "profile = \"prod\"\n" + twoProfiles,
         octopus: prodOctopus, root: .octopus),
    Case(name: "ROVE_PROFILE selects", environment: ["ROVE_PROFILE": "prod"], user: twoProfiles,
         octopus: prodOctopus, root: .octopus),
    Case(name: "--profile beats ROVE_PROFILE and the file's default",
         environment: ["ROVE_PROFILE": "prod", "ACME_DHQ_KEY": "dhq-var"], flag: "site",
         user: "profile = \"prod\"\n" + twoProfiles,
         deployhq: ConnectionSettings(provider: .deployhq, name: "site", url: "https://acme.deployhq.com/",
                                      apiKey: "dhq-var", email: "me@acme.test", account: "acme"),
         root: .deployhq),
    Case(name: "the project's default beats the user's",
         user: "profile = \"prod\"\n" + twoProfiles, project: "profile = \"stage\"\n[profiles.stage]\noctopus_url = \"https://octo.stage\"",
         octopus: ConnectionSettings(provider: .octopus, name: "stage", url: "https://octo.stage"), root: .octopus),
    Case(name: "the profile names root when the environment adds the other provider",
         environment: deployhqEnvironment, flag: "prod", user: twoProfiles,
         octopus: prodOctopus,
         deployhq: ConnectionSettings(provider: .deployhq, url: "https://acme.deployhq.com/", apiKey: "dhq-env",
                                      email: "me@acme.test", account: "acme"),
         root: .octopus),
    Case(name: "a profile with both providers leaves root ambiguous", flag: "both",
         user: "[profiles.both]\noctopus_url = \"https://o\"\ndeployhq_account = \"acme\"",
         octopus: ConnectionSettings(provider: .octopus, name: "both", url: "https://o"),
         deployhq: ConnectionSettings(provider: .deployhq, name: "both", url: "https://acme.deployhq.com/", account: "acme")),

    // Precedence, field by field.
    Case(name: "the environment beats the default profile, field by field",
         environment: ["OCTOPUS_API_KEY": "API-ENV"], user: "profile = \"prod\"\n" + twoProfiles,
         octopus: ConnectionSettings(provider: .octopus, name: "prod", url: "https://octo.prod", apiKey: "API-ENV",
                                     space: "Default"),
         root: .octopus),
    Case(name: "an empty variable lets the file's value through",
         environment: ["OCTOPUS_API_KEY": "", "ROVE_PROFILE": "prod"], user: twoProfiles,
         octopus: prodOctopus, root: .octopus),
    Case(name: "--profile beats the environment", environment: octopusEnvironment, flag: "prod", user: twoProfiles,
         octopus: prodOctopus, root: .octopus),
    Case(name: "--profile's fields beat the environment's, the rest come through",
         environment: ["OCTOPUS_SPACE": "Spaces-9"], flag: "lean",
         user: "[profiles.lean]\noctopus_url = \"https://o\"",
         octopus: ConnectionSettings(provider: .octopus, name: "lean", url: "https://o", space: "Spaces-9"),
         root: .octopus),
    Case(name: "the project file beats the user file, field by field", flag: "prod",
         user: twoProfiles, project: "[profiles.prod]\noctopus_space = \"Staging\"",
         octopus: ConnectionSettings(provider: .octopus, name: "prod", url: "https://octo.prod", apiKey: "API-PROD",
                                     space: "Staging"),
         root: .octopus),
    Case(name: "a key and a token come from one layer", environment: ["OCTOPUS_ACCESS_TOKEN": "eyJ"], flag: "prod",
         user: twoProfiles, octopus: prodOctopus, root: .octopus),
    Case(name: "an exported account beats a lower profile's URL",
         environment: ["DEPLOYHQ_ACCOUNT": "other", "ROVE_PROFILE": "sim"],
         user: "[profiles.sim]\ndeployhq_url = \"http://127.0.0.1:9/\"\ndeployhq_account = \"acme\"",
         deployhq: ConnectionSettings(provider: .deployhq, name: "sim", url: "https://other.deployhq.com/", account: "other"),
         root: .deployhq),
    Case(name: "a variable named by the profile", environment: ["PROD_KEY": "API-VAR"], flag: "prod",
         user: "[profiles.prod]\noctopus_url = \"https://o\"\noctopus_api_key_env = \"PROD_KEY\"",
         octopus: ConnectionSettings(provider: .octopus, name: "prod", url: "https://o", apiKey: "API-VAR"),
         root: .octopus),
    Case(name: "an unset variable in a profile not selected is no error", user: twoProfiles),

    // Errors.
    Case(name: "an unset variable named by the selected profile", flag: "site", user: twoProfiles,
         error: "\(userPath):8:24: environment variable 'ACME_DHQ_KEY' is not set"),
    Case(name: "an unknown profile from the flag", flag: "prd", user: twoProfiles,
         error: "unknown profile 'prd' (known: prod, site)"),
    Case(name: "an unknown profile from ROVE_PROFILE", environment: ["ROVE_PROFILE": "x"],
         error: "unknown profile 'x' (no config file defines any)"),
    Case(name: "an unknown default profile points at the file", project: "\nprofile = \"gone\"",
         error: "\(projectPath):2:11: unknown profile 'gone' (no config file defines any)"),
    Case(name: "a profile with no settings", user: "[profiles.prod]\n# nothing yet\n",
         error: "\(userPath):1:1: profile 'prod' has no settings"),
    Case(name: "a profile with only empty settings", user: "[profiles.prod]\noctopus_url = \"\"",
         error: "\(userPath):1:1: profile 'prod' has no settings"),
    Case(name: "a misspelt setting", user: "[profiles.prod]\noctopus_apikey = \"API-X\"",
         error: "\(userPath):2:1: unknown setting 'octopus_apikey' in profile 'prod' (expected octopus_url, "
             + "octopus_api_key, octopus_api_key_env, octopus_access_token, octopus_access_token_env, octopus_space, "
             + "octopus_max_response_size)"),
    Case(name: "a size that is no size", flag: "prod",
         user: "[profiles.prod]\noctopus_url = \"https://o\"\noctopus_max_response_size = \"lots\"",
         error: "octopus_max_response_size = 'lots' is not a size such as 512M or 1G"),
    Case(name: "a setting of no provider", user: "[profiles.prod]\nurl = \"https://o\"",
         error: "\(userPath):2:1: unknown setting 'url' in profile 'prod' (expected octopus_*, deployhq_*, sandbox, allow_read, allow_write, allow_env, allow_net, read_only, max_time, max_steps, max_memory, max_requests or max_response_size)"),
    Case(name: "a key both literal and by variable",
         user: "[profiles.prod]\noctopus_api_key = \"API-X\"\noctopus_api_key_env = \"K\"",
         error: "\(userPath):3:1: profile 'prod' sets both octopus_api_key and octopus_api_key_env"),
    Case(name: "a setting that is not a string", user: "[profiles.prod]\noctopus_space = 1",
         error: "\(userPath):2:17: expected a string for 'octopus_space', found an integer"),
    Case(name: "an unknown top-level key", user: "[octopus]\nurl = \"https://o\"",
         error: "\(userPath):1:2: unknown key 'octopus' (expected 'profile' or [profiles.NAME] tables)"),
    Case(name: "a profile that is not a table", user: "profiles.prod = \"x\"",
         error: "\(userPath):1:10: profile 'prod' must be a table: [profiles.prod]"),
    Case(name: "a syntax error names the file", project: "profile = prod",
         error: "\(projectPath):1:11: expected a value (text needs quotes)"),

    // The permission warning.
    Case(name: "a readable file with a literal key warns", flag: "prod", user: twoProfiles, userMode: 0o644,
         octopus: prodOctopus, root: .octopus,
         warnings: ["'\(userPath)' holds an API key or token and other users can read it (mode 0644); "
                    + "run 'chmod 600 \(userPath)' or name a variable with *_env"]),
    Case(name: "group-readable is readable too", user: "[profiles.p]\ndeployhq_api_key = \"k\"", userMode: 0o640,
         warnings: ["'\(userPath)' holds an API key or token and other users can read it (mode 0640); "
                    + "run 'chmod 600 \(userPath)' or name a variable with *_env"]),
    Case(name: "a private file does not warn", user: "[profiles.p]\ndeployhq_api_key = \"k\"", userMode: 0o600),
    Case(name: "a file naming variables does not warn", user: "[profiles.p]\ndeployhq_api_key_env = \"K\"", userMode: 0o644),
    Case(name: "a file without secrets does not warn", user: "[profiles.p]\noctopus_url = \"https://o\"", userMode: 0o666),
]

final class ConnectionSettingsTests: XCTestCase {
    func testResolves() {
        for test in cases {
            let files = ConfigFiles(
                user: test.user.map { ConfigSource(path: userPath, text: $0, permissions: test.userMode) },
                project: test.project.map { ConfigSource(path: projectPath, text: $0) })
            do {
                let resolved = try ConnectionSettings.resolve(environment: test.environment, profile: test.flag, files: files)
                XCTAssertNil(test.error, "\(test.name): resolved, expected an error")
                XCTAssertEqual(resolved.octopus, test.octopus, test.name)
                XCTAssertEqual(resolved.deployhq, test.deployhq, test.name)
                XCTAssertEqual(resolved.root, test.root, "\(test.name): root")
                XCTAssertEqual(resolved.warnings, test.warnings, test.name)
            } catch {
                XCTAssertEqual(ConfigFileTests.located(error), test.error, test.name)
            }
        }
    }

    func testReportsTheProfileInUse() throws {
        let files = ConfigFiles(project: ConfigSource(path: projectPath, text: "profile = \"prod\"\n" + twoProfiles))
        let resolved = try ConnectionSettings.resolve(environment: [:], profile: nil, files: files)
        XCTAssertEqual(resolved.profile, "prod")
        XCTAssertEqual(resolved.profileNames, ["prod", "site"])
        XCTAssertEqual(resolved[.octopus], prodOctopus)
        XCTAssertNil(resolved[.deployhq])
    }

    /// Every variable holding a credential, wherever it is configured, is one `env` keeps secret.
    func testSecretVariablesAreEveryCredentialVariable() throws {
        let stage = "\n[profiles.stage]\noctopus_url = \"https://o\"\noctopus_access_token_env = \"STAGE_TOKEN\"\n"
        let files = ConfigFiles(user: ConfigSource(path: userPath, text: twoProfiles + stage))
        let environment = [
            "ACME_DHQ_KEY": "dhq-1", "STAGE_TOKEN": "", "OCTOPUS_SPACE": "Ops", "EMPTY": "",
            "SAME_AS_A_PROFILE_KEY": "API-PROD", "SAME_AS_A_NAMED_VARIABLE": "dhq-1", "UNRELATED": "API-PRODUCTION",
        ]
        let resolved = try ConnectionSettings.resolve(environment: environment, profile: "prod", files: files)
        XCTAssertEqual(resolved.secretVariables, [
            "OCTOPUS_API_KEY", "OCTOPUS_ACCESS_TOKEN", "DEPLOYHQ_API_KEY",  // the credential variables
            "ACME_DHQ_KEY", "STAGE_TOKEN",  // named by profiles, in use or not
            "SAME_AS_A_PROFILE_KEY", "SAME_AS_A_NAMED_VARIABLE",  // holding a credential under another name
        ])
    }

    func testNamesMissingVariables() {
        let table: [(settings: ConnectionSettings, missing: [String])] = [
            (ConnectionSettings(provider: .octopus), ["OCTOPUS_URL", "OCTOPUS_API_KEY"]),
            (ConnectionSettings(provider: .octopus, url: "https://o", accessToken: "t"), []),
            (ConnectionSettings(provider: .octopus, url: "https://o", apiKey: "k"), []),
            (ConnectionSettings(provider: .deployhq, email: "e"), ["DEPLOYHQ_ACCOUNT", "DEPLOYHQ_API_KEY"]),
            (ConnectionSettings(provider: .deployhq, url: "https://a.deployhq.com/", apiKey: "k", email: "e"), []),
        ]
        for (settings, missing) in table {
            XCTAssertEqual(settings.missingVariables, missing, "\(settings)")
        }
    }

    func testFindsTheFiles() throws {
        let table: [(environment: [String: String], directory: String, existing: [String], user: String?, project: String?)] = [
            (["HOME": "/home/me"], "/work/app", [], nil, nil),
            (["HOME": "/home/me"], "/work/app", ["/home/me/.config/rove/config.toml"], "/home/me/.config/rove/config.toml", nil),
            (["HOME": "/home/me", "XDG_CONFIG_HOME": "/cfg"], "/", ["/cfg/rove/config.toml", "/home/me/.config/rove/config.toml"],
             "/cfg/rove/config.toml", nil),
            (["HOME": "/home/me", "XDG_CONFIG_HOME": "relative"], "/", ["/home/me/.config/rove/config.toml"],
             "/home/me/.config/rove/config.toml", nil),
            ([:], "/work/app/src/deep", ["/work/rove.toml", "/work/app/rove.toml"], nil, "/work/app/rove.toml"),
            ([:], "/work/app", ["/rove.toml"], nil, "/rove.toml"),
            ([:], "/", ["/rove.toml"], nil, "/rove.toml"),
        ]
        for (environment, directory, existing, user, project) in table {
            let reader = ConfigReader { path in
                existing.contains(path) ? ConfigSource(path: path, text: "") : nil
            }
            let files = try ConfigFiles.read(environment: environment, currentDirectory: directory, reader: reader)
            XCTAssertEqual(files.user?.path, user, "\(environment) \(directory)")
            XCTAssertEqual(files.project?.path, project, "\(environment) \(directory)")
        }
    }

    func testReadsTheRealFileSystem() throws {
        guard let directory = makeTemporaryFolder(prefix: "rove-config-tests") else { throw XCTSkip("no temporary folder") }
        defer {
            unlink(directory + "/rove.toml")
            rmdir(directory)
        }
        let path = directory + "/rove.toml"
        try FileAccess.store("profile = \"x\"\n", at: path)
        chmod(path, 0o640)
        let source = try XCTUnwrap(try ConfigReader.fileSystem.read(path))
        XCTAssertEqual(source, ConfigSource(path: path, text: "profile = \"x\"\n", permissions: 0o640))
        XCTAssertNil(try ConfigReader.fileSystem.read(directory + "/missing.toml"))
        XCTAssertNil(try ConfigReader.fileSystem.read(path + "/under-a-file.toml"))
    }

    func testResolvesFromTheRealFiles() throws {
        guard let directory = makeTemporaryFolder(prefix: "rove-config-tests") else { throw XCTSkip("no temporary folder") }
        let path = directory + "/rove.toml"
        defer {
            unlink(path)
            rmdir(directory)
        }
        try FileAccess.store("profile = \"x\"\n[profiles.x]\noctopus_url = \"https://o\"\n", at: path)
        // HOME points into the folder, where there is no user file: the real one is never read.
        let resolved = try ConnectionSettings.resolve(
            environment: ["HOME": directory + "/home", "OCTOPUS_API_KEY": "API-K"], profile: nil,
            currentDirectory: directory)
        XCTAssertEqual(resolved.octopus, ConnectionSettings(provider: .octopus, name: "x", url: "https://o", apiKey: "API-K"))
        XCTAssertEqual(resolved.root, .octopus)
    }
}
