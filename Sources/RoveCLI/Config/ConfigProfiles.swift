// What one config file says: its default profile and its profiles' settings, checked against the schema.

import RoveCore

/// The profiles one config file (the user's `config.toml` or a project's `rove.toml`) defines.
///
/// ```toml
/// profile = "prod"                 # the default profile, optional
/// [profiles.prod]
/// octopus_url = "https://octopus.example.com"
/// octopus_api_key_env = "PROD_KEY" # or octopus_api_key = "API-..."
/// ```
/// Unknown keys are errors, not ignored: a misspelt `octopus_apikey` would otherwise send
/// requests without a key and fail far from the typo.
struct ConfigProfiles {
    /// The top-level `profile`, and where it was written for errors about it.
    var defaultProfile: (name: String, location: SourceLocation)?
    var profiles: [String: SettingsLayer] = [:]
    /// Whether any profile writes a key or token into the file itself.
    var holdsSecret = false

    init(_ file: ConfigFile) throws(Diagnostic) {
        let name = file.source.name
        let directory = name.lastIndex(of: "/").map { String(name[..<$0]) } ?? "."
        for entry in file.root.entries {
            switch entry.key {
            case "profile":
                let name = try Self.string(entry)
                if !name.isEmpty { defaultProfile = (name, entry.valueLocation) }
            case "profiles":
                guard case .table(let table) = entry.value else {
                    throw Diagnostic(.config, "'profiles' must be a table: [profiles.NAME]", at: entry.keyLocation)
                }
                for profile in table.entries {
                    profiles[profile.key] = try readProfile(profile, directory: directory.isEmpty ? "/" : directory)
                }
            default:
                throw Diagnostic(.config, "unknown key '\(entry.key)' (expected 'profile' or [profiles.NAME] tables)",
                                 at: entry.keyLocation)
            }
        }
    }

    /// - Parameter directory: the file's folder, which relative `allow_read` paths start from.
    private mutating func readProfile(_ entry: ConfigEntry, directory: String) throws(Diagnostic) -> SettingsLayer {
        guard case .table(let table) = entry.value else {
            throw Diagnostic(.config, "profile '\(entry.key)' must be a table: [profiles.\(entry.key)]",
                             at: entry.keyLocation)
        }
        var layer = SettingsLayer(profile: entry.key)
        /// The key each field was set with, to name both when a field is set twice.
        var keys: [ConnectionField: String] = [:]
        for setting in table.entries {
            if let field = RunField(rawValue: setting.key) {
                try layer.run.read(setting, as: field, directory: directory)
                continue
            }
            guard let match = Self.field(named: setting.key) else {
                throw Diagnostic(.config, Self.unknownSettingMessage(setting.key, profile: entry.key),
                                 at: setting.keyLocation)
            }
            let (field, byVariable) = match
            if let earlier = keys[field] {
                throw Diagnostic(.config, "profile '\(entry.key)' sets both \(earlier) and \(setting.key)",
                                 at: setting.keyLocation)
            }
            keys[field] = setting.key
            let text = try Self.string(setting)
            guard !text.isEmpty else { continue }
            if byVariable {
                layer.settings[field] = .variable(text, location: setting.valueLocation)
            } else {
                layer.settings[field] = .text(text)
                if field.isSecret { holdsSecret = true }
            }
        }
        guard !layer.settings.isEmpty || !layer.run.isEmpty else {
            throw Diagnostic(.config, "profile '\(entry.key)' has no settings",
                             at: table.location ?? entry.keyLocation)
        }
        return layer
    }

    /// `octopus_api_key` → (.octopusAPIKey, false); `octopus_api_key_env` → (.octopusAPIKey, true).
    private static func field(named key: String) -> (ConnectionField, byVariable: Bool)? {
        if let field = ConnectionField(rawValue: key) { return (field, false) }
        guard let field = ConnectionField.allCases.first(where: { $0.isSecret && $0.variableKey == key }) else {
            return nil
        }
        return (field, true)
    }

    /// Names the keys the setting's provider has, so a typo is easy to fix.
    private static func unknownSettingMessage(_ key: String, profile: String) -> String {
        let provider = ConnectionSettings.Provider.allCases.first { key.hasPrefix($0.rawValue + "_") }
        guard let provider else {
            let run = RunField.allCases.map(\.rawValue)
            let message = "unknown setting '\(key)' in profile '\(profile)' (expected octopus_*, deployhq_*, "
                + run.dropLast().joined(separator: ", ") + " or \(run.last!))"
            return Suggestion.appending(to: message, for: key, in: run)
        }
        let known = ConnectionField.allCases.filter { $0.provider == provider }
            .flatMap { $0.isSecret ? [$0.rawValue, $0.variableKey] : [$0.rawValue] }
        return "unknown setting '\(key)' in profile '\(profile)' (expected \(known.joined(separator: ", ")))"
    }

    private static func string(_ entry: ConfigEntry) throws(Diagnostic) -> String {
        guard case .string(let text) = entry.value else {
            throw Diagnostic(.config, "expected a string for '\(entry.key)', found \(entry.value.typeDescription)",
                             at: entry.valueLocation)
        }
        return text
    }
}
