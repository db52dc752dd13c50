// Just enough JSON for the admin endpoints: writing flat objects in a fixed key order.

/// A JSON value to write; the admin surface only ever writes these shapes.
enum JSONText {
    case string(String)
    case int(Int)
    case null
    /// Keys in the order given: a person reading `/_sim/requests` sees method, path, query, status.
    indirect case object([(String, JSONText)])
    indirect case array([JSONText])

    var rendered: String {
        switch self {
        case .string(let text): return Self.quoted(text)
        case .int(let number): return String(number)
        case .null: return "null"
        case .object(let members):
            return "{" + members.map { Self.quoted($0.0) + ":" + $0.1.rendered }.joined(separator: ",") + "}"
        case .array(let items):
            return "[" + items.map(\.rendered).joined(separator: ",") + "]"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
