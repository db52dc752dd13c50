// A list's items: one reference in a `Value`, copy-on-write by hand, and how deeply it nests.

/// The items of a Rove list. It behaves like `[Value]` (a random-access, mutable,
/// range-replaceable collection with value semantics) but lives behind one reference, so a
/// `Value` stays small, and it knows how deeply it nests: the interpreter refuses values nested
/// past `Limits.nesting` without walking them, and a deep list is freed without recursion.
public struct List {
    var storage: Storage

    /// Where the items live. Shared by copies of a list until one of them changes.
    final class Storage {
        @exclusivity(unchecked) var items: [Value]
        /// An upper bound on the nesting: 1 + the deepest item's nesting. Exact as items go in;
        /// removing the deepest item leaves it high (see `Value.recountedNesting(within:)`).
        @exclusivity(unchecked) var nesting: Int

        init(items: [Value], nesting: Int) {
            self.items = items
            self.nesting = nesting
        }

        deinit {
            if nesting > Dismantling.recursionSafeNesting { Dismantling.release(&items) }
        }
    }

    public init() {
        storage = Storage(items: [], nesting: 1)
    }

    public init(_ items: [Value]) {
        var nesting = 1
        for item in items { nesting = Swift.max(nesting, item.nesting &+ 1) }
        storage = Storage(items: items, nesting: nesting)
    }

    public init<S: Sequence>(_ items: S) where S.Element == Value {
        self.init(Array(items))
    }

    /// The items as a Swift array (shared, not copied, until either side changes).
    public var array: [Value] { storage.items }

    /// How many levels of lists and objects this list holds, itself included: `[]` is 1,
    /// `[[1]]` is 2. May be higher than exact after the deepest item was removed.
    public var nesting: Int { storage.nesting }

    /// The capacity of the items' buffer, for the memory limit's view of growth.
    public var capacity: Int { storage.items.capacity }

    /// Where index `index` (negative counts from the end) falls among `count` items; nil when
    /// it falls outside them.
    @inline(__always)
    static func position(of index: Int, count: Int) -> Int? {
        let position = index < 0 ? index &+ count : index
        return position >= 0 && position < count ? position : nil
    }

    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(items: storage.items, nesting: storage.nesting)
        }
    }

    /// Moves the item at `position` out, leaving nil there: the caller then holds the only
    /// reference to it and can change it in place before putting it back.
    mutating func takeItem(at position: Int) -> Value {
        makeUnique()
        var item = Value.null
        swap(&item, &storage.items[position])
        return item
    }

    mutating func noteNesting(of item: Value) {
        let nesting = item.nesting &+ 1
        if nesting > storage.nesting { storage.nesting = nesting }
    }
}

extension List: RandomAccessCollection, MutableCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>
    public typealias SubSequence = ArraySlice<Value>

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.items.count }
    public var count: Int { storage.items.count }
    public var isEmpty: Bool { storage.items.isEmpty }
    public var indices: Range<Int> { 0..<storage.items.count }
    public func index(after i: Int) -> Int { i &+ 1 }
    public func index(before i: Int) -> Int { i &- 1 }

    public subscript(position: Int) -> Value {
        get { storage.items[position] }
        _modify {
            makeUnique()
            yield &storage.items[position]
            noteNesting(of: storage.items[position])
        }
    }

    public subscript(bounds: Range<Int>) -> ArraySlice<Value> {
        get { storage.items[bounds] }
        set { replaceSubrange(bounds, with: newValue) }
    }

    public func withContiguousStorageIfAvailable<R>(
        _ body: (UnsafeBufferPointer<Value>) throws -> R
    ) rethrows -> R? {
        try storage.items.withUnsafeBufferPointer(body)
    }

    public mutating func swapAt(_ i: Int, _ j: Int) {
        makeUnique()
        storage.items.swapAt(i, j)
    }
}

extension List: RangeReplaceableCollection {
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newItems: C)
    where C.Element == Value {
        makeUnique()
        for item in newItems { noteNesting(of: item) }
        storage.items.replaceSubrange(subrange, with: newItems)
    }

    public mutating func append(_ item: Value) {
        makeUnique()
        noteNesting(of: item)
        storage.items.append(item)
    }

    public mutating func append<S: Sequence>(contentsOf newItems: S) where S.Element == Value {
        makeUnique()
        let start = storage.items.count
        storage.items.append(contentsOf: newItems)
        for item in storage.items[start...] { noteNesting(of: item) }
    }

    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        makeUnique()
        storage.items.reserveCapacity(minimumCapacity)
    }

    @discardableResult public mutating func removeLast() -> Value {
        makeUnique()
        return storage.items.removeLast()
    }

    @discardableResult public mutating func remove(at index: Int) -> Value {
        makeUnique()
        return storage.items.remove(at: index)
    }

    public mutating func removeAll(keepingCapacity keep: Bool = false) {
        makeUnique()
        storage.items.removeAll(keepingCapacity: keep)
    }

    /// Sorts in place, with the comparison free to throw (a script's comparator may).
    public mutating func sort(by areInIncreasingOrder: (Value, Value) throws -> Bool) rethrows {
        makeUnique()
        try storage.items.sort(by: areInIncreasingOrder)
    }
}

extension List: ExpressibleByArrayLiteral {
    public init(arrayLiteral items: Value...) { self.init(items) }
}

extension List: Equatable {
    public static func == (lhs: List, rhs: List) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.items == rhs.storage.items
    }
}

extension Value {
    /// A list of `items`: the spelling most code builds lists with.
    public static func list(_ items: [Value]) -> Value { .list(List(items)) }

    /// How many levels of lists and objects this value holds: 0 for scalars, functions and
    /// host objects, 1 for `[]` and `{}`. An upper bound: after the deepest item of a list or
    /// object was removed, it may still count that item's levels.
    public var nesting: Int {
        switch self {
        case .list(let items): return items.storage.nesting
        case .object(let fields): return fields.storage.nesting
        case .null, .bool, .int, .float, .string, .function, .host: return 0
        }
    }
}

extension Value {
    /// `nesting` counted again for a value whose stored count is over `limit`: counts may be
    /// stale from removed items, and refusing a value on a stale count would be wrong. Only
    /// items whose own count is over the bound are opened, and each count found is written
    /// back (lowering a bound its sharers can all use), so a stale count is repaired once.
    func recountedNesting(within limit: Int) -> Int {
        // Any list or object is over a bound below 1: no need to open it, and not opening it
        // keeps this recursion within the limit, however deep a value an earlier run allowed.
        guard limit > 0 else { return nesting }
        func recount<Items: Sequence<Value>>(_ items: Items) -> Int {
            var exact = 1
            for item in items {
                var nesting = item.nesting
                if nesting >= limit { nesting = item.recountedNesting(within: limit &- 1) }
                exact = Swift.max(exact, nesting &+ 1)
            }
            return exact
        }
        switch self {
        case .list(let items):
            let exact = recount(items)
            items.storage.nesting = exact
            return exact
        case .object(let fields):
            let exact = recount(fields.values)
            fields.storage.nesting = exact
            return exact
        case .null, .bool, .int, .float, .string, .function, .host:
            return 0
        }
    }
}
