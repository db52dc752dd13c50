// `select("Name", "Id")`: records cut down to the fields asked for, the projection of
// PowerShell's Select-Object and nushell's `select`.

/// The list method that keeps some fields of every record.
///
/// - Each item becomes an object holding the named fields in the order they were named; a
///   record that lacks one of them gets nil there, as reading `$0.Name` would give (API
///   documents omit fields freely).
/// - A name that *no* item has is a mistake rather than a sparse field: it is an error that
///   suggests the nearest field the first record has (`did you mean 'Name'?`).
/// - A name with dots (`timestamps.queued_at`) reads a field of a field when no record has it
///   whole, so the columns a table shows for nested dates can be selected by their header.
/// - Items must be records: objects, or host objects (resources) read through their members.
enum ListProjection {
    static let select = ListMethods.method("select", walks: true,
                                           doc: "select(name, …) — each record cut down to the named fields, in that order") { items, args in
        guard args.count > 0 else { throw args.badArgument(0, "field name expected, got no value") }
        try args.expect(1...Int.max)
        var names: [String] = []
        var named = Set<String>()
        for index in 0..<args.count {
            let name = try args.string(index)
            if named.insert(name).inserted { names.append(name) }
        }
        try args.interpreter.reserveMemory(items.count &* names.count &* MemoryLayout<Value>.stride &* 2)
        var found = Set<String>()
        var result: [Value] = []
        result.reserveCapacity(items.count)
        for (position, item) in items.enumerated() {
            var record = Fields()
            record.reserveCapacity(names.count)
            for name in names {
                guard let value = try field(name, of: item, position: position, args) else {
                    record[name] = .null
                    continue
                }
                found.insert(name)
                record[name] = value
            }
            result.append(.object(record))
        }
        if let missing = names.first(where: { !found.contains($0) }), let first = items.first {
            let message = "no item has a field '\(missing)'"
            throw Diagnostic(.name, Suggestion.appending(to: message, for: missing, in: try fieldNames(of: first, args)))
        }
        return .list(result)
    }

    /// The value of field `name` (or the path it spells) in `item`, or nil when the item lacks it.
    private static func field(_ name: String, of item: Value, position: Int, _ args: Arguments) throws -> Value? {
        if let whole = try member(name, of: item, position: position, args) { return whole }
        guard name.contains(".") else { return nil }
        var value = item
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            switch value {
            case .object, .host:
                guard let next = try member(String(part), of: value, position: position, args) else { return nil }
                value = next
            case .null, .bool, .int, .float, .string, .list, .function:
                return nil
            }
        }
        return value
    }

    /// `item.name` when the record has it; nil when it does not.
    private static func member(_ name: String, of item: Value, position: Int, _ args: Arguments) throws -> Value? {
        switch item {
        case .object(let fields):
            return fields[name]
        case .host(let object):
            let value = try object.member(name, in: args.interpreter) ?? .null
            if case .null = value, try object.contains(.string(name), in: args.interpreter) != true { return nil }
            return value
        case .null, .bool, .int, .float, .string, .list, .function:
            throw Diagnostic(.type, "'select' needs a list of records (objects or resources); item #\(position + 1) is \(item.typeName)")
        }
    }

    /// The fields a record offers, for "did you mean".
    private static func fieldNames(of item: Value, _ args: Arguments) throws -> [String] {
        switch item {
        case .object(let fields):
            return Array(fields.keys)
        case .host(let object):
            if case .object(let fields)? = try object.data(in: args.interpreter) { return Array(fields.keys) }
            return object.completions(in: args.interpreter)
        case .null, .bool, .int, .float, .string, .list, .function:
            return []
        }
    }
}
