// Host objects replaced by their plain data form, so every format sees only lists, objects and scalars.

import RoveCore

/// Converts values for output: a host object with a data form (a resource, a collection page)
/// becomes that data; one without stays as it is and is shown by `describe`.
struct PlainData {
    let interpreter: Interpreter
    /// Deeper structures are left as they are; a host object whose data contains itself must not loop.
    private static let maximumDepth = 64

    init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    func convert(_ value: Value) throws -> Value {
        try convert(value, depth: 0)
    }

    private func convert(_ value: Value, depth: Int) throws -> Value {
        guard depth < Self.maximumDepth else { return value }
        switch value {
        case .null, .bool, .int, .float, .string, .function:
            return value
        case .list(let items):
            return .list(try items.map { try convert($0, depth: depth + 1) })
        case .object(let fields):
            var converted = Fields()
            converted.reserveCapacity(fields.count)
            for (key, item) in fields { converted[key] = try convert(item, depth: depth + 1) }
            return .object(converted)
        case .host(let object):
            guard let data = try object.data(in: interpreter) else { return value }
            return try convert(data, depth: depth + 1)
        }
    }

    /// The records of a non-empty list whose items are all objects: what a table shows.
    static func records(in value: Value) -> [Fields]? {
        guard case .list(let items) = value, !items.isEmpty else { return nil }
        var rows: [Fields] = []
        rows.reserveCapacity(items.count)
        for item in items {
            guard case .object(let fields) = item else { return nil }
            rows.append(fields)
        }
        return rows
    }

    /// Every key of `rows`, in the order first seen.
    static func columns(of rows: [Fields]) -> [String] {
        var seen = Set<String>()
        var columns: [String] = []
        for row in rows {
            for key in row.keys where seen.insert(key).inserted { columns.append(key) }
        }
        return columns
    }
}
