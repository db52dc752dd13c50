// An object's fields: keys shared by objects of one shape, values in the same allocation.

import OrderedCollections

/// The fields of a Rove object: string keys in insertion order. Like `List`, it has value
/// semantics, lives behind one reference so a `Value` stays small, and knows how deeply it
/// nests, so the interpreter can refuse values nested past `Limits.nesting` and a deep object
/// is freed without recursion.
///
/// One allocation holds an object: a header with its keys and the values after it. The keys
/// are an `OrderedSet`, copy-on-write, so every object made by one literal (or decoded from
/// one JSON shape) shares one key set and its hash table, as shapes do in JavaScript engines;
/// only adding or removing a key gives an object keys of its own. 200,000 records of five
/// fields took two allocations each (the storage and a values array) and now take one.
public struct Fields {
    var storage: Storage

    struct Header {
        var keys: OrderedSet<String>
        /// An upper bound on the nesting: 1 + the deepest value's nesting (see `List`).
        var nesting: Int
        /// How many values the allocation has room for; `keys.count` of them are initialized.
        /// (Not `capacity`: `ManagedBuffer` has one, measured with `malloc_usable_size`.)
        var room: Int
    }

    final class Storage: ManagedBuffer<Header, Value> {
        /// Storage with room for `capacity` values, none initialized yet.
        static func make(keys: OrderedSet<String>, nesting: Int, capacity: Int) -> Storage {
            let buffer = Storage.create(minimumCapacity: capacity) { _ in
                Header(keys: keys, nesting: nesting, room: capacity)
            }
            return unsafeDowncast(buffer, to: Storage.self)
        }

        // The header is reached through its address: `ManagedBuffer.header` is a stored
        // property, and each access to it would pay the runtime's exclusivity check.
        @inline(__always)
        private var head: UnsafeMutablePointer<Header> { withUnsafeMutablePointerToHeader { $0 } }

        @inline(__always)
        var keys: OrderedSet<String> {
            get { head.pointee.keys }
            _modify { yield &head.pointee.keys }
        }

        @inline(__always)
        var nesting: Int {
            get { head.pointee.nesting }
            set { head.pointee.nesting = newValue }
        }

        @inline(__always)
        var room: Int { head.pointee.room }

        @inline(__always)
        var count: Int { head.pointee.keys.count }

        /// Where the values start. Stable for the storage's life: a `ManagedBuffer` never moves.
        @inline(__always)
        var values: UnsafeMutablePointer<Value> { withUnsafeMutablePointerToElements { $0 } }

        /// A copy with room for `capacity` values (at least `count`).
        func copy(capacity: Int) -> Storage {
            let copy = Storage.make(keys: keys, nesting: nesting, capacity: Swift.max(capacity, count))
            copy.values.initialize(from: values, count: count)
            return copy
        }

        deinit {
            if nesting > Dismantling.recursionSafeNesting {
                Dismantling.release(values, count: count)
            } else {
                values.deinitialize(count: count)
            }
        }
    }

    public init() {
        self.init(minimumCapacity: 0)
    }

    public init(minimumCapacity: Int) {
        storage = Storage.make(keys: [], nesting: 1, capacity: minimumCapacity)
    }

    /// An object with `keys` (shared, not copied) and every value nil, for a reader that fills
    /// the values in as it reads them (`setValue(_:at:)`).
    init(sharing keys: OrderedSet<String>) {
        let count = keys.count
        storage = Storage.make(keys: keys, nesting: 1, capacity: count)
        storage.values.initialize(repeating: .null, count: count)
    }

    /// An object with `keys` (shared, not copied) whose values `fill` writes. `fill` gets the
    /// values initialized to nil and may throw; the object is then dropped.
    init(sharing keys: OrderedSet<String>, fill: (UnsafeMutablePointer<Value>) throws -> Void) rethrows {
        self.init(sharing: keys)
        let values = storage.values
        try fill(values)
        var nesting = 1
        for index in 0..<keys.count { nesting = Swift.max(nesting, values[index].nesting &+ 1) }
        storage.nesting = nesting
    }

    /// Fields whose nesting the caller counted while it read the values.
    init(entries: OrderedDictionary<String, Value>, nesting: Int) {
        self.init(sharing: entries.keys)
        storage.nesting = nesting
        let values = storage.values
        entries.values.withUnsafeBufferPointer { read in
            for index in read.indices { values[index] = read[index] }
        }
    }

    /// Sets the value at `index` of an object only its reader holds.
    mutating func setValue(_ value: Value, at index: Int) {
        assert(isKnownUniquelyReferenced(&storage))
        noteNesting(of: value)
        storage.values[index] = value
    }

    public init(_ entries: OrderedDictionary<String, Value>) {
        var nesting = 1
        for value in entries.values { nesting = Swift.max(nesting, value.nesting &+ 1) }
        self.init(entries: entries, nesting: nesting)
    }

    public init<S: Sequence>(uniqueKeysWithValues pairs: S) where S.Element == (String, Value) {
        self.init(OrderedDictionary(uniqueKeysWithValues: pairs))
    }

    /// The fields as an ordered dictionary (a copy).
    public var dictionary: OrderedDictionary<String, Value> {
        OrderedDictionary(uncheckedUniqueKeys: storage.keys, values: values)
    }

    /// How many levels of lists and objects this object holds, itself included (see `List`).
    public var nesting: Int { storage.nesting }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.count == 0 }
    public var keys: OrderedSet<String> { storage.keys }
    public var values: [Value] { Array(UnsafeBufferPointer(start: storage.values, count: storage.count)) }

    public func index(forKey key: String) -> Int? { storage.keys.firstIndex(of: key) }

    public subscript(key: String) -> Value? {
        get { index(forKey: key).map { storage.values[$0] } }
        set {
            if let newValue { updateValue(newValue, forKey: key) } else { removeValue(forKey: key) }
        }
    }

    public subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            let index = self.index(forKey: key) ?? append(key, defaultValue())
            makeUnique()
            yield &storage.values[index]
            noteNesting(of: storage.values[index])
        }
    }

    @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: String) -> Value? {
        guard let index = index(forKey: key) else {
            append(key, value)
            return nil
        }
        makeUnique()
        noteNesting(of: value)
        let old = storage.values[index]
        storage.values[index] = value
        return old
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> Value? {
        guard let index = index(forKey: key) else { return nil }
        makeUnique()
        let values = storage.values, count = storage.count
        let removed = (values + index).move()
        (values + index).moveInitialize(from: values + index + 1, count: count - index - 1)
        storage.keys.remove(at: index)
        return removed
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        if minimumCapacity > storage.room || !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: minimumCapacity)
        }
    }

    /// Adds a field that is not there yet and returns its index.
    @discardableResult
    private mutating func append(_ key: String, _ value: Value) -> Int {
        let index = storage.count
        if index == storage.room || !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: Swift.max(4, index * 2))
        }
        noteNesting(of: value)
        (storage.values + index).initialize(to: value)
        storage.keys.append(key)
        return index
    }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.count) }
    }

    mutating func noteNesting(of value: Value) {
        let nesting = value.nesting &+ 1
        if nesting > storage.nesting { storage.nesting = nesting }
    }
}

extension Fields: Sequence {
    public typealias Element = (key: String, value: Value)

    public struct Iterator: IteratorProtocol {
        let fields: Fields
        var index = 0

        public mutating func next() -> Element? {
            guard index < fields.count else { return nil }
            defer { index += 1 }
            return (fields.storage.keys[index], fields.storage.values[index])
        }
    }

    public func makeIterator() -> Iterator { Iterator(fields: self) }

    public var underestimatedCount: Int { storage.count }
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
        if lhs.storage === rhs.storage { return true }
        guard lhs.keys == rhs.keys else { return false }
        for index in 0..<lhs.count where lhs.storage.values[index] != rhs.storage.values[index] { return false }
        return true
    }
}
