// The values a config file holds: strings, integers, booleans and tables, each with where it was written.

import RoveCore

/// A value in a config file. The TOML subset rove reads has no floats, dates or inline tables.
enum ConfigValue: Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([ConfigValue])
    case table(ConfigTable)

    /// How messages name the value's type: `expected a string, found an integer`.
    var typeDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}

/// A table: keys in the order they were written, each with its value and location.
struct ConfigTable: Equatable {
    var entries: [ConfigEntry] = []
    /// Where the table was opened: its `[header]`, or the first dotted key that made it.
    /// Nil for a file's top-level table.
    var location: SourceLocation?
    /// Whether a `[header]` named this table; a second header for it is an error.
    var isDefinedByHeader = false

    init(entries: [ConfigEntry] = [], location: SourceLocation? = nil) {
        self.entries = entries
        self.location = location
    }

    subscript(key: String) -> ConfigEntry? {
        entries.first { $0.key == key }
    }

    /// The index of `key`'s entry, for changing a nested table in place.
    func index(of key: String) -> Int? {
        entries.firstIndex { $0.key == key }
    }

    /// Tables compare by their entries alone: where they were written is not part of the value.
    static func == (left: ConfigTable, right: ConfigTable) -> Bool {
        left.entries == right.entries
    }
}

/// One `key = value` line, or a table named by a header or a dotted key.
struct ConfigEntry: Equatable {
    let key: String
    var value: ConfigValue
    /// Where the key was written: what messages about the key point at.
    let keyLocation: SourceLocation
    /// Where the value starts: what messages about the value point at.
    let valueLocation: SourceLocation

    init(key: String, value: ConfigValue, keyLocation: SourceLocation, valueLocation: SourceLocation) {
        self.key = key
        self.value = value
        self.keyLocation = keyLocation
        self.valueLocation = valueLocation
    }

    static func == (left: ConfigEntry, right: ConfigEntry) -> Bool {
        left.key == right.key && left.value == right.value
    }
}

extension ErrorKind {
    /// A config file that cannot be read or understood, or settings that do not fit together.
    static let config = ErrorKind("config")
}
