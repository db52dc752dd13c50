// Where in a bridged value a failure happened, written as a script would reach it: `tags[2].name`.

/// The coding keys the bridge makes itself: list positions and object fields.
enum BridgeKey: CodingKey {
    case index(Int)
    case field(String)

    init?(stringValue: String) { self = .field(stringValue) }
    init?(intValue: Int) { self = .index(intValue) }

    var stringValue: String {
        switch self {
        case .index(let index): return String(index)
        case .field(let name): return name
        }
    }

    var intValue: Int? {
        switch self {
        case .index(let index): return index
        case .field: return nil
        }
    }

    /// The key under which a class's superclass encodes, as JSONEncoder names it.
    static let `super` = BridgeKey.field("super")
}

enum CodingPath {
    /// Values nest at most this deep across the bridge, as in JSON text: each level costs
    /// native stack, and a hostile value (a list a script nested a million times, a recursive
    /// Swift type) must raise an error instead of overflowing it.
    static let maxDepth = JSONReader.maxDepth

    /// `tags[2].name`, `labels["odd key"]`; empty at the top.
    static func text(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if case .index(let index)? = key as? BridgeKey {
                out += "[\(index)]"
            } else if Interpreter.isIdentifier(key.stringValue) {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            } else {
                out += "["
                Interpreter.writeQuoted(key.stringValue, to: &out)
                out += "]"
            }
        }
        return out
    }

    /// A diagnostic saying `problem` about the value at `path`: `tags[2]: string expected, got integer`.
    static func error(_ kind: ErrorKind, _ problem: String, at path: [any CodingKey]) -> Diagnostic {
        let place = text(path)
        return Diagnostic(kind, place.isEmpty ? problem : "\(place): \(problem)")
    }

    /// Refuses a value nested past `maxDepth`; the path is left out, being that long.
    static func checkDepth(of path: [any CodingKey]) throws {
        guard path.count < maxDepth else { throw Diagnostic(.value, "nesting deeper than \(maxDepth) levels") }
    }

    /// Any error a `Codable` conformance of the host's threw, as a diagnostic naming its path.
    static func diagnostic(for error: any Error) -> Diagnostic {
        switch error {
        case let diagnostic as Diagnostic:
            return diagnostic
        case EncodingError.invalidValue(_, let context):
            return Self.error(.value, context.debugDescription, at: context.codingPath)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.keyNotFound(_, let context), DecodingError.dataCorrupted(let context):
            return Self.error(.value, context.debugDescription, at: context.codingPath)
        default:
            return Diagnostic(.value, String(describing: error))
        }
    }
}
