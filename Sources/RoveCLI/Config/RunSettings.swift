// The settings of a run a profile can give as well as a flag: the sandbox and the limits.

import RoveCore
import RoveHTTP

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
    var maxRequests: Int?
    var maxResponseBytes: Int?

    /// Whether the profile gave none of these keys.
    var isEmpty: Bool { self == RunSettings() }

    /// These settings, with what they leave out taken from `lower`.
    func over(_ lower: RunSettings) -> RunSettings {
        RunSettings(sandbox: sandbox ?? lower.sandbox, allowRead: allowRead ?? lower.allowRead,
                    allowWrite: allowWrite ?? lower.allowWrite, allowEnv: allowEnv ?? lower.allowEnv,
                    allowNet: allowNet ?? lower.allowNet, readOnly: readOnly ?? lower.readOnly,
                    maxTime: maxTime ?? lower.maxTime, maxRequests: maxRequests ?? lower.maxRequests,
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
        case .maxTime:
            // The subset has no floats: whole seconds as a number, fractions as text ("0.5").
            let seconds: Double?
            switch entry.value {
            case .integer(let whole): seconds = Double(whole)
            case .string(let text): seconds = Double(text)
            case .boolean, .array, .table: seconds = nil
            }
            guard let seconds, seconds > 0, seconds.isFinite else {
                throw Diagnostic(.config, "max_time needs a positive number of seconds", at: entry.valueLocation)
            }
            maxTime = seconds
        case .maxRequests:
            guard case .integer(let count) = entry.value, count >= 0 else {
                throw Diagnostic(.config, "max_requests needs a number of requests", at: entry.valueLocation)
            }
            maxRequests = count
        case .maxResponseSize:
            let size: ByteCount?
            switch entry.value {
            case .integer(let bytes): size = bytes > 0 ? ByteCount(bytes) : nil
            case .string(let text): size = ByteCount(parsing: text)
            case .boolean, .array, .table: size = nil
            }
            guard let size else {
                throw Diagnostic(.config, "max_response_size needs a size such as \"512M\" or \"1G\"", at: entry.valueLocation)
            }
            maxResponseBytes = size.bytes
        }
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
