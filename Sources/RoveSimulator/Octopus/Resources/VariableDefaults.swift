// Variables inside a variable set, and the deterministic uuids that name them.

extension ResourceDefaults {
    static func variable(name: String, value: JSONValue, sensitive: Bool = false, scope: JSONValue = .object([]),
                         id: String = "") -> JSONValue {
        .object([("Id", .string(id)), ("Name", .string(name)), ("Value", value), ("Description", .null),
                 ("Scope", scope), ("IsEditable", true), ("Prompt", .null),
                 ("Type", .string(sensitive ? "Sensitive" : "String")), ("IsSensitive", .bool(sensitive))])
    }

    /// A uuid-shaped id derived from `seed` (FNV-1a), so the same data gives the same ids.
    static func variableId(seed: String) -> String {
        var first: UInt64 = 0xcbf29ce484222325
        var second: UInt64 = 0x84222325cbf29ce4
        for byte in seed.utf8 {
            first = (first ^ UInt64(byte)) &* 0x100000001b3
            second = (second ^ UInt64(byte)) &* 0x100000001b3 &+ 7
        }
        let hex = Array("0123456789abcdef")
        var digits = ""
        for value in [first, second] {
            for shift in stride(from: 60, through: 0, by: -4) { digits.append(hex[Int((value >> UInt64(shift)) & 0xF)]) }
        }
        let d = Array(digits)
        return String(d[0..<8]) + "-" + String(d[8..<12]) + "-" + String(d[12..<16]) + "-" + String(d[16..<20]) + "-" + String(d[20..<32])
    }
}
