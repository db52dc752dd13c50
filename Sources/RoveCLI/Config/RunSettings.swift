// The settings of a run a profile can give as well as a flag: the sandbox and the limits.

import RoveCore

/// A profile's `sandbox`, `allow_*`, `read_only` and `max_*` keys. Nil is "not given here", so
/// that the project's file can beat the user's key by key and a flag can beat both.
struct RunSettings: Equatable {
    var sandbox: Bool?
    var allowRead: [String]?
    var allowWrite: [String]?
    var allowEnv: [String]?
    var allowNet: [String]?
    var readOnly: Bool?
    var maxTime: Double?
    var maxSteps: Int?
    var maxMemory: Int?
    var maxRequests: Int?
    var maxResponseBytes: Int?

    /// Whether the profile gave none of these keys.
    var isEmpty: Bool { self == RunSettings() }

    /// These settings, with what they leave out taken from `lower`.
    func over(_ lower: RunSettings) -> RunSettings {
        RunSettings(sandbox: sandbox ?? lower.sandbox, allowRead: allowRead ?? lower.allowRead,
                    allowWrite: allowWrite ?? lower.allowWrite, allowEnv: allowEnv ?? lower.allowEnv,
                    allowNet: allowNet ?? lower.allowNet, readOnly: readOnly ?? lower.readOnly,
                    maxTime: maxTime ?? lower.maxTime, maxSteps: maxSteps ?? lower.maxSteps,
                    maxMemory: maxMemory ?? lower.maxMemory, maxRequests: maxRequests ?? lower.maxRequests,
                    maxResponseBytes: maxResponseBytes ?? lower.maxResponseBytes)
    }
}

/// The profile keys of `RunSettings`; each is its flag's name without the dashes, in snake case.
enum RunField: String, CaseIterable {
    case sandbox
    case allowRead = "allow_read"
    case allowWrite = "allow_write"
    case allowEnv = "allow_env"
    case allowNet = "allow_net"
    case readOnly = "read_only"
    case maxTime = "max_time"
    case maxSteps = "max_steps"
    case maxMemory = "max_memory"
    case maxRequests = "max_requests"
    case maxResponseSize = "max_response_size"
}

extension RunSettings {
    /// Reads `entry`, the profile key `field`, into these settings. Relative paths in
    /// `allow_read` and `allow_write` are relative to the folder of the file, `directory`: a
    /// project's `rove.toml` means its own folders wherever `rove` is started.
    mutating func read(_ entry: ConfigEntry, as field: RunField, directory: String) throws(Diagnostic) {
        switch field {
        case .sandbox:
            sandbox = try Self.boolean(entry)
        case .readOnly:
            readOnly = try Self.boolean(entry)
        case .allowRead:
            allowRead = try Self.strings(entry).map { Self.path($0, in: directory) }
        case .allowWrite:
            allowWrite = try Self.strings(entry).map { Self.path($0, in: directory) }
        case .allowEnv:
            allowEnv = try Self.strings(entry, checkedBy: Invocation.variableName)
        case .allowNet:
            allowNet = try Self.strings(entry, checkedBy: Invocation.origin)
        // The limits are read as their options' values are, by the same parser, so a profile
        // and the command line accept and word the same things. The subset has no floats:
        // `max_time = 30`, or text for a fraction (`"0.5"`).
        case .maxTime:
            maxTime = try Self.optionValue(entry, "--max-time") { $0.maxTime }
        case .maxSteps:
            maxSteps = try Self.optionValue(entry, "--max-steps") { $0.maxSteps }
        case .maxMemory:
            maxMemory = try Self.optionValue(entry, "--max-memory") { $0.maxMemory }
        case .maxRequests:
            maxRequests = try Self.optionValue(entry, "--max-requests") { $0.maxRequests }
        case .maxResponseSize:
            maxResponseBytes = try Self.optionValue(entry, "--max-response-size") { $0.maxResponseBytes }
        }
    }

    /// `entry`'s value, a string or an integer, read as the value of `option` on the command line.
    private static func optionValue<T>(_ entry: ConfigEntry, _ option: String,
                                       _ read: (Invocation) -> T?) throws(Diagnostic) -> T {
        let text: String
        switch entry.value {
        case .string(let written): text = written
        case .integer(let number): text = String(number)
        case .boolean, .array, .table:
            throw Diagnostic(.config, "expected a number or text for '\(entry.key)', found \(entry.value.typeDescription)",
                             at: entry.valueLocation)
        }
        do {
            if let value = read(try Invocation(parsing: [option, text])) { return value }
        } catch {
            throw Diagnostic(.config, "\(entry.key): \(error.message)", at: entry.valueLocation)
        }
        throw Diagnostic(.config, "\(entry.key): '\(text)' is not a value of \(option)", at: entry.valueLocation)
    }

    private static func boolean(_ entry: ConfigEntry) throws(Diagnostic) -> Bool {
        guard case .boolean(let flag) = entry.value else {
            throw Diagnostic(.config, "expected true or false for '\(entry.key)', found \(entry.value.typeDescription)",
                             at: entry.valueLocation)
        }
        return flag
    }

    /// An array of non-empty strings.
    private static func strings(_ entry: ConfigEntry) throws(Diagnostic) -> [String] {
        guard case .array(let items) = entry.value else {
            throw Diagnostic(.config, "expected an array of strings for '\(entry.key)', found \(entry.value.typeDescription)",
                             at: entry.valueLocation)
        }
        return try items.map { (item: ConfigValue) throws(Diagnostic) -> String in
            guard case .string(let text) = item else {
                throw Diagnostic(.config, "expected an array of strings for '\(entry.key)', found \(item.typeDescription) in it",
                                 at: entry.valueLocation)
            }
            guard !text.isEmpty else {
                throw Diagnostic(.config, "'\(entry.key)' holds an empty string", at: entry.valueLocation)
            }
            return text
        }
    }

    /// An array of strings, each checked (and put in its usual form) as its flag's value is.
    private static func strings(_ entry: ConfigEntry,
                                checkedBy check: (String) throws(UsageError) -> String) throws(Diagnostic) -> [String] {
        var checked: [String] = []
        for text in try strings(entry) {
            do {
                checked.append(try check(text))
            } catch {
                throw Diagnostic(.config, "\(entry.key): \(error.message)", at: entry.valueLocation)
            }
        }
        return checked
    }

    private static func path(_ text: String, in directory: String) -> String {
        text.hasPrefix("/") ? text : directory + "/" + text
    }
}
