// Foundation's JSON-like data as Rove values and back, keeping booleans apart from numbers.

import Foundation
import RoveCore

extension Value {
    /// Converts JSON-like Foundation data: what `JSONSerialization.jsonObject` returns, or a
    /// `[String: Any]` a host builds.
    ///
    /// Booleans stay booleans and numbers numbers, though Foundation's `NSNumber` would cast
    /// either way (`NSNumber(1) as? Bool` succeeds, as does `true as NSNumber as? Int`): an
    /// `NSNumber` counts as a boolean only when it is one of Foundation's boolean objects.
    /// Dictionary keys must be strings; fields come in sorted key order, a dictionary having
    /// none of its own. `NSNull` and a `nil` optional become `nil`; a `Value` passes through.
    ///
    /// - Throws: a `Diagnostic` naming the path of the offending value: a key that is not a
    ///   string, an unsigned number above `Int.max`, nesting deeper than 512 levels, or a type
    ///   with no Rove form (`Date`, `Data`: convert those first).
    public init(jsonObject: Any) throws {
        self = try JSONObjects.value(of: jsonObject, at: "", depth: 0)
    }

    /// This value as JSON-like Foundation data: `[String: Any]` for an object, `[Any]` for a
    /// list, `Bool`, `Int`, `Double` and `String` for scalars, `NSNull` for `nil`, so
    /// `JSONSerialization` can write it (`nan` and `inf` pass through as `Double`s, which
    /// `JSONSerialization` refuses).
    ///
    /// - Parameter interpreter: reads host objects (a resource) through their data form;
    ///   without one they are errors, as functions always are.
    public func jsonObject(in interpreter: Interpreter? = nil) throws -> Any {
        try JSONObjects.object(of: self, at: "", depth: 0, in: interpreter)
    }
}

enum JSONObjects {
    /// As deep as JSON text may nest in Rove: each level costs native stack.
    static let maxDepth = 512

    /// The class of Foundation's boolean `NSNumber`s (`__NSCFBoolean` on Linux and Darwin alike).
    private static let booleanClass: AnyClass = type(of: NSNumber(value: true))

    static func value(of any: Any, at path: String, depth: Int) throws -> Value {
        guard depth < maxDepth else { throw Diagnostic(.value, "nesting deeper than \(maxDepth) levels") }
        // An NSNumber casts to Bool and to every number type alike, so it is read by what it is
        // before any cast below sees it. Foundation's classes are recognised by type, never by
        // a cast: casting a Swift array to a class bridges it, and every array inside it, first.
        if type(of: any) is NSNumber.Type, let number = any as? NSNumber {
            return try value(of: number, at: path)
        }
        if type(of: any) is NSNull.Type { return .null }
        if let scalar = try Value.scalar(any, problem: { error($0, at: path) }) { return scalar }
        switch any {
        case let items as [Any]:
            return .list(try items.enumerated().map { index, item in
                try value(of: item, at: path + "[\(index)]", depth: depth + 1)
            })
        case let dictionary as [String: Any]:
            var fields = Fields()
            for key in dictionary.keys.sorted() {
                fields[key] = try value(of: dictionary[key]!, at: field(key, in: path), depth: depth + 1)
            }
            return .object(fields)
        case let dictionary as [AnyHashable: Any]:
            let key = dictionary.keys.first { !($0.base is String) }
            throw error("object keys must be strings, got a key of type \(type(of: key?.base ?? ""))", at: path)
        default:
            let mirror = Mirror(reflecting: any)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return .null }
                return try value(of: wrapped, at: path, depth: depth)
            }
            throw error("cannot convert a value of type '\(type(of: any))'", at: path)
        }
    }

    private static func value(of number: NSNumber, at path: String) throws -> Value {
        if type(of: number) == booleanClass { return .bool(number.boolValue) }
        switch UInt8(bitPattern: number.objCType.pointee) {
        case UInt8(ascii: "f"), UInt8(ascii: "d"):
            return .float(number.doubleValue)
        case UInt8(ascii: "Q"), UInt8(ascii: "L"), UInt8(ascii: "I"):
            return try Value.integer(number.uint64Value) { error($0, at: path) }
        default:
            return .int(number.intValue)
        }
    }

    static func object(of value: Value, at path: String, depth: Int, in interpreter: Interpreter?) throws -> Any {
        guard depth < maxDepth else { throw Diagnostic(.value, "nesting deeper than \(maxDepth) levels") }
        switch value {
        case .null: return NSNull()
        case .bool(let bool): return bool
        case .int(let int): return int
        case .float(let double): return double
        case .string(let string): return string
        case .list(let items):
            return try items.enumerated().map { index, item in
                try object(of: item, at: path + "[\(index)]", depth: depth + 1, in: interpreter)
            }
        case .object(let fields):
            var dictionary: [String: Any] = [:]
            for (key, item) in fields {
                dictionary[key] = try object(of: item, at: field(key, in: path), depth: depth + 1, in: interpreter)
            }
            return dictionary
        case .function(let function):
            throw error("cannot convert function '\(function.name)' to JSON-like data", at: path)
        case .host(let host):
            guard let interpreter else {
                throw error("cannot convert a value of type '\(host.typeName)' without an interpreter (jsonObject(in:))", at: path)
            }
            guard let data = try host.data(in: interpreter) else {
                throw error("cannot convert a value of type '\(host.typeName)' to JSON-like data", at: path)
            }
            return try object(of: data, at: path, depth: depth + 1, in: interpreter)
        }
    }

    /// `path.name`, or `path["odd key"]` for a key that is not a plain name.
    private static func field(_ key: String, in path: String) -> String {
        let isName = key.first.map { $0 == "_" || $0.isASCII && $0.isLetter } ?? false
            && key.allSatisfy { $0 == "_" || $0.isASCII && ($0.isLetter || $0.isNumber) }
        if isName { return path.isEmpty ? key : path + "." + key }
        return path + "[\(Value.string(key).debugDescription)]"
    }

    private static func error(_ problem: String, at path: String) -> Diagnostic {
        Diagnostic(.value, path.isEmpty ? problem : "\(path): \(problem)")
    }
}
