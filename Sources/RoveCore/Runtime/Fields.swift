// An object's fields: one reference in a `Value`, copy-on-write by hand, and how deeply it nests.

import OrderedCollections

/// The fields of a Rove object: string keys in insertion order. Like `List`, it has value
/// semantics, lives behind one reference so a `Value` stays small, and knows how deeply it
/// nests, so the interpreter can refuse values nested past `Limits.nesting` and a deep object
/// is freed without recursion.
public struct Fields {
    var storage: Storage

    final class Storage {
        @exclusivity(unchecked) var entries: OrderedDictionary<String, Value>
        /// An upper bound on the nesting: 1 + the deepest value's nesting (see `List`).
        @exclusivity(unchecked) var nesting: Int

        init(entries: OrderedDictionary<String, Value>, nesting: Int) {
            self.entries = entries
            self.nesting = nesting
        }

        deinit {
            if nesting > Dismantling.recursionSafeNesting { Dismantling.release(&entries) }
        }
    }

    public init() {
        storage = Storage(entries: [:], nesting: 1)
    }

    public init(_ entries: OrderedDictionary<String, Value>) {
        var nesting = 1
        for value in entries.values { nesting = Swift.max(nesting, value.nesting &+ 1) }
        storage = Storage(entries: entries, nesting: nesting)
    }

    public init(minimumCapacity: Int) {
        storage = Storage(entries: OrderedDictionary(minimumCapacity: minimumCapacity), nesting: 1)
    }

    public init<S: Sequence>(uniqueKeysWithValues pairs: S) where S.Element == (String, Value) {
        self.init(OrderedDictionary(uniqueKeysWithValues: pairs))
    }

    /// The fields as an ordered dictionary (shared, not copied, until either side changes).
    public var dictionary: OrderedDictionary<String, Value> { storage.entries }

    /// How many levels of lists and objects this object holds, itself included (see `List`).
    public var nesting: Int { storage.nesting }

    public var count: Int { storage.entries.count }
    public var isEmpty: Bool { storage.entries.isEmpty }
    public var keys: OrderedSet<String> { storage.entries.keys }
    public var values: OrderedDictionary<String, Value>.Values { storage.entries.values }
    public var elements: OrderedDictionary<String, Value>.Elements { storage.entries.elements }

    public func index(forKey key: String) -> Int? { storage.entries.index(forKey: key) }

    public subscript(key: String) -> Value? {
        get { storage.entries[key] }
        set {
            makeUnique()
            if let newValue { noteNesting(of: newValue) }
            storage.entries[key] = newValue
        }
        _modify {
            makeUnique()
            yield &storage.entries[key]
            if let value = storage.entries[key] { noteNesting(of: value) }
        }
    }

    public subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { storage.entries[key] ?? defaultValue() }
        _modify {
            makeUnique()
            yield &storage.entries[key, default: defaultValue()]
            if let value = storage.entries[key] { noteNesting(of: value) }
        }
    }

    @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: String) -> Value? {
        makeUnique()
        noteNesting(of: value)
        return storage.entries.updateValue(value, forKey: key)
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? {
        makeUnique()
        return storage.entries.removeValue(forKey: key)
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        makeUnique()
        storage.entries.reserveCapacity(minimumCapacity)
    }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(entries: storage.entries, nesting: storage.nesting)
        }
    }

    mutating func noteNesting(of value: Value) {
        let nesting = value.nesting &+ 1
        if nesting > storage.nesting { storage.nesting = nesting }
    }
}

extension Fields: Sequence {
    public typealias Element = (key: String, value: Value)

    public func makeIterator() -> OrderedDictionary<String, Value>.Iterator {
        storage.entries.makeIterator()
    }

    public var underestimatedCount: Int { storage.entries.count }
}

extension Fields: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(uniqueKeysWithValues: elements)
    }
}

extension Fields: Equatable {
    /// Key order counts here, as it does for `OrderedDictionary`; the language's `==` on
    /// objects (`Value ==`) ignores it.
    public static func == (lhs: Fields, rhs: Fields) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.entries == rhs.storage.entries
    }
}
