// Swift values into Rove values through Encodable: a host's struct becomes an object a script reads.

import OrderedCollections

/// Makes a `Value` from any `Encodable`, as `JSONEncoder` makes JSON: structs and dictionaries
/// become objects (fields in encoding order), arrays lists, `nil` `nil`. Every integer type
/// becomes an integer, `Float` and `Double` a float (`nan` and `inf` included: Rove floats hold
/// them, though `json()` refuses them). A `Value` inside passes through untouched, so a struct
/// can carry a host object or a function to the script.
///
/// ```swift
/// interpreter.define("ticket", as: try ValueEncoder().encode(ticket))
/// ```
///
/// Errors are `Diagnostic`s (kind `value`) that name the path of the value: a `UInt64` above
/// `Int.max` (`size: 18446744073709551615 does not fit in an integer`), nesting deeper than 512
/// levels, or an `EncodingError` the type threw itself.
public struct ValueEncoder {
    /// Handed to the encoded types, as `JSONEncoder.userInfo` is.
    public var userInfo: [CodingUserInfoKey: Any] = [:]

    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> Value {
        do {
            return try EncodingNode.encoding(value, at: [], userInfo: userInfo).value
        } catch {
            throw CodingPath.diagnostic(for: error)
        }
    }
}

extension Value {
    /// `value` encoded by `ValueEncoder`.
    public init<T: Encodable>(encoding value: T) throws {
        self = try ValueEncoder().encode(value)
    }
}

/// A value being encoded. A class, so that a nested container can keep adding to its part of
/// the tree after its parent container has moved on.
final class EncodingNode {
    private enum Shape { case unset, scalar, list, object }

    private var shape = Shape.unset
    private var scalar = Value.null
    var items: [EncodingNode] = []
    var fields: OrderedDictionary<String, EncodingNode> = [:]

    /// The finished value. A type that encoded nothing at all is an empty object, as
    /// `JSONEncoder` writes `{}` for it.
    var value: Value {
        switch shape {
        case .unset: return .object([:])
        case .scalar: return scalar
        case .list: return .list(items.map(\.value))
        case .object: return .object(Fields(uniqueKeysWithValues: fields.map { ($0.key, $0.value.value) }))
        }
    }

    func set(_ value: Value) {
        shape = .scalar
        scalar = value
    }

    /// Makes this node a list, keeping the items already added (a second `unkeyedContainer()`).
    func becomeList() {
        if shape != .list { shape = .list; items = [] }
    }

    /// Makes this node an object, keeping the fields already added (a subclass and its
    /// superclass asking for the same encoder's keyed container).
    func becomeObject() {
        if shape != .object { shape = .object; fields = [:] }
    }

    /// The node for `value`: scalars directly, anything else through its own `encode(to:)`.
    static func encoding<T: Encodable>(_ value: T, at path: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) throws -> EncodingNode {
        let node = EncodingNode()
        if let scalar = try Value.scalar(value, problem: { CodingPath.error(.value, $0, at: path) }) {
            node.set(scalar)
        } else {
            try CodingPath.checkDepth(of: path)
            try value.encode(to: NodeEncoder(node: node, codingPath: path, userInfo: userInfo))
        }
        return node
    }
}

/// The `Encoder` handed to each type's `encode(to:)`.
private struct NodeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath, userInfo: userInfo))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeList()
        return UnkeyedNodeContainer(node: node, codingPath: codingPath, userInfo: userInfo)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath, userInfo: userInfo)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    private func child(_ key: any CodingKey) -> EncodingNode {
        let child = EncodingNode()
        node.fields[key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.fields[key.stringValue] = try EncodingNode.encoding(value, at: codingPath + [key], userInfo: userInfo)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: child(key), codingPath: codingPath + [key], userInfo: userInfo).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: child(key), codingPath: codingPath + [key], userInfo: userInfo).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(node: child(BridgeKey.super), codingPath: codingPath + [BridgeKey.super], userInfo: userInfo)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: child(key), codingPath: codingPath + [key], userInfo: userInfo)
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    var count: Int { node.items.count }

    private var nextKey: BridgeKey { .index(node.items.count) }

    private func append() -> EncodingNode {
        let child = EncodingNode()
        node.items.append(child)
        return child
    }

    mutating func encodeNil() throws { append().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.items.append(try EncodingNode.encoding(value, at: codingPath + [nextKey], userInfo: userInfo))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [nextKey]
        return NodeEncoder(node: append(), codingPath: path, userInfo: userInfo).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [nextKey]
        return NodeEncoder(node: append(), codingPath: path, userInfo: userInfo).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [nextKey]
        return NodeEncoder(node: append(), codingPath: path, userInfo: userInfo)
    }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    mutating func encodeNil() throws { node.set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let encoded = try EncodingNode.encoding(value, at: codingPath, userInfo: userInfo)
        node.set(encoded.value)
    }
}
