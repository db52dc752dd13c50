// One source of connection settings before merging: the environment, or one file's profile.

import RoveCore

/// A setting a profile or the environment can give. The raw value is its key in a profile,
/// which is its environment variable's name in lower case.
enum ConnectionField: String, CaseIterable {
    case octopusURL = "octopus_url"
    case octopusAPIKey = "octopus_api_key"
    case octopusAccessToken = "octopus_access_token"
    case octopusSpace = "octopus_space"
    case deployhqURL = "deployhq_url"
    case deployhqAccount = "deployhq_account"
    case deployhqEmail = "deployhq_email"
    case deployhqAPIKey = "deployhq_api_key"
    /// The largest response body the connection accepts (`512M`); profiles only, as the
    /// `--max-response-size` flag covers the command line.
    case octopusMaxResponseSize = "octopus_max_response_size"
    case deployhqMaxResponseSize = "deployhq_max_response_size"

    var provider: ConnectionSettings.Provider {
        switch self {
        case .octopusURL, .octopusAPIKey, .octopusAccessToken, .octopusSpace, .octopusMaxResponseSize: return .octopus
        case .deployhqURL, .deployhqAccount, .deployhqEmail, .deployhqAPIKey, .deployhqMaxResponseSize: return .deployhq
        }
    }

    /// Secrets may be named by a variable (`octopus_api_key_env = "PROD_KEY"`) instead of
    /// written into the file, and a file holding one literally should be private.
    var isSecret: Bool {
        switch self {
        case .octopusAPIKey, .octopusAccessToken, .deployhqAPIKey: return true
        case .octopusURL, .octopusSpace, .deployhqURL, .deployhqAccount, .deployhqEmail,
             .octopusMaxResponseSize, .deployhqMaxResponseSize:
            return false
        }
    }

    /// The variables that give a credential (`OCTOPUS_API_KEY`, `OCTOPUS_ACCESS_TOKEN`,
    /// `DEPLOYHQ_API_KEY`), which scripts read as secrets.
    static var credentialVariables: [String] {
        allCases.filter(\.isSecret).flatMap(\.environmentVariables)
    }

    /// The profile key that names the secret's variable.
    var variableKey: String { rawValue + "_env" }

    /// The variables that give this setting, first match winning. `OCTOPUS_HOST` is the name
    /// the vendor's older tools use.
    var environmentVariables: [String] {
        switch self {
        case .octopusURL: return ["OCTOPUS_URL", "OCTOPUS_HOST"]
        case .octopusMaxResponseSize, .deployhqMaxResponseSize: return []
        case .octopusAPIKey, .octopusAccessToken, .octopusSpace, .deployhqURL, .deployhqAccount,
             .deployhqEmail, .deployhqAPIKey:
            return [rawValue.uppercased()]
        }
    }
}

/// How a layer gives one setting.
enum Setting {
    case text(String)
    /// `*_env = "NAME"`: read from the variable when the setting is used, so a profile that is
    /// not selected never needs its variables set.
    case variable(String, location: SourceLocation)

    /// The setting's text; an unset or empty variable is an error pointing at the file.
    func value(in environment: [String: String]) throws(Diagnostic) -> String {
        switch self {
        case .text(let text):
            return text
        case .variable(let name, let location):
            guard let value = environment[name], !value.isEmpty else {
                throw Diagnostic(.config, "environment variable '\(name)' is not set", at: location)
            }
            return value
        }
    }
}

/// The settings one source gives: the environment, or one profile in one file.
struct SettingsLayer {
    /// The profile's name; nil for the environment.
    var profile: String?
    /// Empty values are left out: an empty variable or string counts as not given.
    var settings: [ConnectionField: Setting] = [:]
    /// A profile's sandbox and limits; the environment gives none.
    var run = RunSettings()

    init(profile: String?, settings: [ConnectionField: Setting] = [:]) {
        self.profile = profile
        self.settings = settings
    }

    /// The environment's layer: `OCTOPUS_URL`, `DEPLOYHQ_EMAIL` and the rest.
    init(environment: [String: String]) {
        profile = nil
        for field in ConnectionField.allCases {
            let value = field.environmentVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
            if let value { settings[field] = .text(value) }
        }
    }

    subscript(field: ConnectionField) -> Setting? {
        settings[field]
    }

    func configures(_ provider: ConnectionSettings.Provider) -> Bool {
        settings.keys.contains { $0.provider == provider }
    }
}
