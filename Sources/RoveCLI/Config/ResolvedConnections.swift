// Merging flags, environment and config files into the connections a session starts with.

import RoveCore
import RoveHTTP

/// The connections `rove` starts with: at most one per provider global, and which is `root`.
struct ResolvedConnections: Equatable {
    var octopus: ConnectionSettings?
    var deployhq: ConnectionSettings?
    /// The default connection: the one the selected profile configures, else the only one.
    /// Nil when there is none, or when two are configured and nothing says which.
    var root: ConnectionSettings.Provider?
    /// The profile in use, from `--profile`, `ROVE_PROFILE` or a file's `profile`.
    var profile: String?
    /// Every profile the files define, sorted; for `connect` and completion.
    var profileNames: [String] = []
    /// Lines for the CLI to print as `rove: warning: ...` before running anything.
    var warnings: [String] = []
    /// The environment variables `env` gives scripts as secrets (see `secretVariables(in:profiles:)`).
    var secretVariables: Set<String> = []
    /// The sandbox and limits of the profile in use, the project's file beating the user's
    /// key by key; flags beat these (`Invocation.applying`).
    var run = RunSettings()

    subscript(provider: ConnectionSettings.Provider) -> ConnectionSettings? {
        switch provider {
        case .octopus: return octopus
        case .deployhq: return deployhq
        }
    }
}

extension ConnectionSettings {
    /// Merges the settings, field by field, highest first: `--profile`'s profile (it stands for
    /// flags), the environment, then the profile named by `ROVE_PROFILE` or a file's `profile`;
    /// within a profile the project's `rove.toml` beats the user's file. Pure: `files` were read
    /// by `ConfigFiles.read`, and nothing here touches the file system.
    ///
    /// - Parameter profile: the `--profile` flag's value.
    static func resolve(
        environment: [String: String],
        profile: String?,
        files: ConfigFiles
    ) throws(Diagnostic) -> ResolvedConnections {
        let project = try files.project.map { source throws(Diagnostic) in try Self.profiles(in: source) }
        let user = try files.user.map { source throws(Diagnostic) in try Self.profiles(in: source) }
        var resolved = ResolvedConnections()
        resolved.profileNames = Set([project, user].flatMap { Array($0?.profiles.keys ?? [:].keys) }).sorted()
        resolved.warnings = [(files.project, project), (files.user, user)].compactMap { source, profiles in
            guard let source, let profiles else { return nil }
            return Self.permissionWarning(source, holdsSecret: profiles.holdsSecret)
        }

        // A name from a file keeps its place, so that an unknown one points at the line.
        let selection: (name: String, location: SourceLocation?)? =
            profile.map { ($0, nil) }
            ?? environment["ROVE_PROFILE"].flatMap { $0.isEmpty ? nil : ($0, nil) }
            ?? (project?.defaultProfile ?? user?.defaultProfile).map { ($0.name, $0.location) }
        var profileLayers: [SettingsLayer] = []
        if let selection {
            profileLayers = [project, user].compactMap { $0?.profiles[selection.name] }
            guard !profileLayers.isEmpty else {
                throw Self.unknownProfile(selection.name, known: resolved.profileNames, at: selection.location)
            }
            resolved.profile = selection.name
            resolved.run = profileLayers.reversed().reduce(RunSettings()) { lower, layer in layer.run.over(lower) }
        }
        resolved.secretVariables = secretVariables(
            in: environment, profiles: [project, user].compactMap { $0 }.flatMap { $0.profiles.values })
        let environmentLayer = SettingsLayer(environment: environment)
        let layers = profile != nil ? profileLayers + [environmentLayer] : [environmentLayer] + profileLayers

        resolved.octopus = try octopus(from: layers, environment: environment)
        resolved.deployhq = try deployhq(from: layers, environment: environment)
        let configuredByProfile = Provider.allCases.filter { provider in
            profileLayers.contains { $0.configures(provider) }
        }
        let configured = Provider.allCases.filter { resolved[$0] != nil }
        if configuredByProfile.count == 1 {
            resolved.root = configuredByProfile[0]
        } else if configured.count == 1 {
            resolved.root = configured[0]
        }
        return resolved
    }

    private static func octopus(from layers: [SettingsLayer], environment: [String: String]) throws(Diagnostic) -> ConnectionSettings? {
        guard layers.contains(where: { $0.configures(.octopus) }) else { return nil }
        var settings = ConnectionSettings(provider: .octopus, name: name(of: .octopus, in: layers))
        settings.url = try first(.octopusURL, in: layers, environment)
        settings.space = try first(.octopusSpace, in: layers, environment)
        settings.maxResponseBytes = try size(.octopusMaxResponseSize, in: layers, environment)
        // A key and a token are two ways to sign in, not two settings: both come from the
        // highest layer that gives either, so `--profile`'s key is not paired with a stray token.
        if let layer = layers.first(where: { $0[.octopusAPIKey] != nil || $0[.octopusAccessToken] != nil }) {
            settings.apiKey = try layer[.octopusAPIKey]?.value(in: environment)
            settings.accessToken = try layer[.octopusAccessToken]?.value(in: environment)
        }
        return settings
    }

    private static func deployhq(from layers: [SettingsLayer], environment: [String: String]) throws(Diagnostic) -> ConnectionSettings? {
        guard layers.contains(where: { $0.configures(.deployhq) }) else { return nil }
        var settings = ConnectionSettings(provider: .deployhq, name: name(of: .deployhq, in: layers))
        settings.account = try first(.deployhqAccount, in: layers, environment).map(deployhqAccount)
        settings.email = try first(.deployhqEmail, in: layers, environment)
        settings.apiKey = try first(.deployhqAPIKey, in: layers, environment)
        settings.maxResponseBytes = try size(.deployhqMaxResponseSize, in: layers, environment)
        // The URL comes from the highest layer that gives a URL or an account, so an exported
        // DEPLOYHQ_ACCOUNT is not overruled by a lower profile's deployhq_url.
        if let layer = layers.first(where: { $0[.deployhqURL] != nil || $0[.deployhqAccount] != nil }) {
            if let url = try layer[.deployhqURL]?.value(in: environment) {
                settings.url = url
            } else if let account = try layer[.deployhqAccount]?.value(in: environment) {
                settings.url = deployhqURL(account: deployhqAccount(account))
            }
        }
        return settings
    }

    /// The credential variables, those any profile names for a credential
    /// (`octopus_api_key_env = "PROD_KEY"`), and every other variable set to a credential one of
    /// them or a profile gives: a key stays secret when a script reads it under another name.
    private static func secretVariables(in environment: [String: String], profiles: [SettingsLayer]) -> Set<String> {
        var names = Set(ConnectionField.credentialVariables)
        var credentials: Set<String> = []
        for profile in profiles {
            for (field, setting) in profile.settings where field.isSecret {
                switch setting {
                case .text(let text): credentials.insert(text)
                case .variable(let name, _): names.insert(name)
                }
            }
        }
        credentials.formUnion(names.compactMap { environment[$0] })
        credentials.remove("")
        for (name, value) in environment where credentials.contains(value) { names.insert(name) }
        return names
    }

    private static func first(_ field: ConnectionField, in layers: [SettingsLayer],
                              _ environment: [String: String]) throws(Diagnostic) -> String? {
        try layers.first { $0[field] != nil }?[field]?.value(in: environment)
    }

    /// A size setting in bytes; text that is no size is an error naming the key.
    private static func size(_ field: ConnectionField, in layers: [SettingsLayer],
                             _ environment: [String: String]) throws(Diagnostic) -> Int? {
        guard let text = try first(field, in: layers, environment) else { return nil }
        guard let size = ByteCount(parsing: text) else {
            throw Diagnostic(.config, "\(field.rawValue) = '\(text)' is not a size such as 512M or 1G")
        }
        return size.bytes
    }

    /// The profile's name when a profile configures the provider, else the provider's.
    private static func name(of provider: Provider, in layers: [SettingsLayer]) -> String {
        layers.first { $0.profile != nil && $0.configures(provider) }?.profile ?? provider.rawValue
    }

    private static func profiles(in source: ConfigSource) throws(Diagnostic) -> ConfigProfiles {
        try ConfigProfiles(ConfigFile(parsing: source.text, name: source.path))
    }

    private static func unknownProfile(_ name: String, known: [String], at location: SourceLocation?) -> Diagnostic {
        let list = known.isEmpty ? "no config file defines any" : "known: " + known.joined(separator: ", ")
        return Diagnostic(.config, "unknown profile '\(name)' (\(list))", at: location)
    }

    /// ssh refuses a private key others can read; a config file holding a key gets a warning.
    private static func permissionWarning(_ source: ConfigSource, holdsSecret: Bool) -> String? {
        guard holdsSecret, source.permissions & 0o044 != 0 else { return nil }
        var mode = String(source.permissions, radix: 8)
        while mode.count < 4 { mode = "0" + mode }
        return "'\(source.path)' holds an API key or token and other users can read it (mode \(mode)); "
            + "run 'chmod 600 \(source.path)' or name a variable with *_env"
    }
}
