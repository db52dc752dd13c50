// Rove values into Swift values through Decodable: what a script returns becomes a host's struct.

/// Makes any `Decodable` from a `Value`, as `JSONDecoder` does from JSON: objects decode keyed
/// types and dictionaries, lists arrays, `nil` optionals. An integer decodes any integer type
/// it fits and the floating-point types; a float decodes `Double`, `Float` when it fits, and an
/// integer type when it is whole. A `Value` field takes the value as it is.
///
/// ```swift
/// let verdict = try ValueDecoder().decode(Verdict.self, from: result)
/// ```
///
/// A mismatch is a `Diagnostic` naming the path of the value, in the words of an argument
/// error: `tags[2]: string expected, got integer` (kind `type`), `missing field 'owner.id'`,
/// `count: 300 does not fit in UInt8` (kind `value`).
public struct ValueDecoder {
    /// Handed to the decoded types, as `JSONDecoder.userInfo` is.
    public var userInfo: [CodingUserInfoKey: Any] = [:]
    /// Reads host objects (a resource, a page of a collection) through their data form, as
    /// `json()` does; without an interpreter they are type errors.
    public var interpreter: Interpreter?

    public init(interpreter: Interpreter? = nil) {
        self.interpreter = interpreter
    }

    public func decode<T: Decodable>(_ type: T.Type, from value: Value) throws -> T {
        do {
            return try NodeDecoder(value: value, codingPath: [], options: self).decode(type)
        } catch {
            throw CodingPath.diagnostic(for: error)
        }
    }
}

extension Arguments {
    /// Argument `index` decoded as `T`: `let ticket = try args.decode(Ticket.self, 0)`. A
    /// mismatch is this call's argument error:
    /// `bad argument #1 to 'approve' (id: string expected, got integer)`.
    public func decode<T: Decodable>(_ type: T.Type, _ index: Int) throws -> T {
        let argument = try value(index)
        do {
            return try ValueDecoder(interpreter: interpreter).decode(type, from: argument)
        } catch let diagnostic as Diagnostic {
            throw badArgument(index, diagnostic.message)
        }
    }
}

/// The `Decoder` handed to each type's `init(from:)`, and its single-value container.
private struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let value: Value
    let codingPath: [any CodingKey]
    let options: ValueDecoder

    var userInfo: [CodingUserInfoKey: Any] { options.userInfo }

    /// `value`, with a host object replaced by its data form.
    func plain() throws -> Value {
        guard case .host(let object) = value else { return value }
        guard let interpreter = options.interpreter else {
            throw CodingPath.error(.type, "cannot decode a value of type '\(object.typeName)' without an interpreter (ValueDecoder(interpreter:))", at: codingPath)
        }
        guard let data = try object.data(in: interpreter) else {
            throw CodingPath.error(.type, "cannot decode a value of type '\(object.typeName)': it has no data form", at: codingPath)
        }
        return data
    }

    func mismatch(_ expected: String, _ found: Value) -> Diagnostic {
        CodingPath.error(.type, "\(expected) expected, got \(found.typeName)", at: codingPath)
    }

    func child(_ value: Value, _ key: any CodingKey) -> NodeDecoder {
        NodeDecoder(value: value, codingPath: codingPath + [key], options: options)
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let found = try plain()
        guard case .object(let fields) = found else { throw mismatch("object", found) }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(fields: fields, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let found = try plain()
        guard case .list(let items) = found else { throw mismatch("list", found) }
        return UnkeyedNodeContainer(items: items.array, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        let found = try plain()
        guard case .bool(let bool) = found else { throw mismatch("boolean", found) }
        return bool
    }

    func decode(_ type: String.Type) throws -> String {
        let found = try plain()
        guard case .string(let string) = found else { throw mismatch("string", found) }
        return string
    }

    func decode(_ type: Double.Type) throws -> Double {
        let found = try plain()
        switch found {
        case .int(let int): return Double(int)
        case .float(let double): return double
        case .null, .bool, .string, .list, .object, .function, .host: throw mismatch("number", found)
        }
    }

    func decode(_ type: Float.Type) throws -> Float {
        let double = try decode(Double.self)
        let float = Float(double)
        // nan and inf stay themselves; a finite double past Float's range is an error, not inf.
        guard float.isFinite || !double.isFinite else {
            throw CodingPath.error(.value, "\(Interpreter.format(double)) does not fit in Float", at: codingPath)
        }
        return float
    }

    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    /// An integer, or a whole float, that fits in `I`.
    func integer<I: FixedWidthInteger>() throws -> I {
        let found = try plain()
        switch found {
        case .int(let int):
            guard let fitting = I(exactly: int) else {
                throw CodingPath.error(.value, "\(int) does not fit in \(I.self)", at: codingPath)
            }
            return fitting
        case .float(let double):
            guard double.rounded() == double, double.isFinite else { throw mismatch("integer", found) }
            guard let fitting = I(exactly: double) else {
                throw CodingPath.error(.value, "\(Interpreter.format(double)) does not fit in \(I.self)", at: codingPath)
            }
            return fitting
        case .null, .bool, .string, .list, .object, .function, .host:
            throw mismatch("integer", found)
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // A `Value` field takes the value as it is: host objects and functions included.
        if let value = value as? T { return value }
        try CodingPath.checkDepth(of: codingPath)
        return try T(from: self)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: Fields
    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { fields.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { fields[key.stringValue] != nil }

    private func child(_ key: any CodingKey) throws -> NodeDecoder {
        guard let value = fields[key.stringValue] else {
            throw Diagnostic(.value, "missing field '\(CodingPath.text(codingPath + [key]))'")
        }
        return decoder.child(value, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try child(key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    /// A superclass decodes from the `super` field, as JSONDecoder has it; `nil` when absent.
    func superDecoder() throws -> any Decoder {
        decoder.child(fields[BridgeKey.super.stringValue] ?? .null, BridgeKey.super)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(fields[key.stringValue] ?? .null, key)
    }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let items: [Value]
    let decoder: NodeDecoder
    private(set) var currentIndex = 0

    init(items: [Value], decoder: NodeDecoder) {
        self.items = items
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The decoder of the next item, moving past it.
    private mutating func next() throws -> NodeDecoder {
        let key = BridgeKey.index(currentIndex)
        guard !isAtEnd else {
            throw CodingPath.error(.value, "missing item (the list has \(items.count))", at: codingPath + [key])
        }
        currentIndex += 1
        return decoder.child(items[currentIndex - 1], key)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else {
            _ = try next()  // the missing item's error
            return false
        }
        guard case .null = items[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next().decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try next()
    }
}
