// Swift's scalars as Rove values: what the Codable encoder and the `[String: Any]` bridge share.

extension Value {
    /// The Rove value of a Swift scalar: a `Value` itself, `Bool`, `String`, `Substring`, every
    /// integer type and `Double`/`Float`; nil for any other type (a collection, a struct).
    ///
    /// - Parameter problem: makes the error for a value that has no Rove form, so the caller
    ///   says where it was (`tags[2]: …`).
    /// - Throws: `problem(…)` for an unsigned integer past `Int.max`: an error, never a wrap.
    public static func scalar(_ any: Any, problem: (String) -> Diagnostic) throws -> Value? {
        switch any {
        case let value as Value: return value
        case let bool as Bool: return .bool(bool)
        case let string as String: return .string(string)
        case let string as Substring: return .string(String(string))
        case let int as Int: return .int(int)
        case let int as Int8: return .int(Int(int))
        case let int as Int16: return .int(Int(int))
        case let int as Int32: return .int(Int(int))
        case let int as Int64: return .int(Int(int))
        case let int as UInt8: return .int(Int(int))
        case let int as UInt16: return .int(Int(int))
        case let int as UInt32: return .int(Int(int))
        case let int as UInt: return try integer(int, problem: problem)
        case let int as UInt64: return try integer(int, problem: problem)
        case let double as Double: return .float(double)
        case let float as Float: return .float(Double(float))
        default: return nil
        }
    }

    /// `value` as a Rove integer, or `problem(…)` when it does not fit in one.
    public static func integer<I: FixedWidthInteger>(_ value: I, problem: (String) -> Diagnostic) throws -> Value {
        guard let int = Int(exactly: value) else {
            throw problem("\(value) does not fit in an integer (at most \(Int.max))")
        }
        return .int(int)
    }
}
