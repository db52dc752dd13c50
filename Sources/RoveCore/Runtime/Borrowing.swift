// Reading and changing values where they are stored, without copying the lists and objects above them.

/// Reaching into a stored value by address. A `Value` copied out of a variable, a list or an
/// object is a retain and a release of its storage; `xs[i].x` copied the list and then the
/// object to read one integer. These functions take a pointer to where a `Value` is stored and
/// reach the list or object storage it holds without retaining it.
///
/// They rely on one fact of the layout: a multi-payload enum keeps its payload at offset 0
/// (the case is in the extra tag byte after it), and `List` and `Fields` are each one
/// reference, so the first word of a `.list` or `.object` value is its storage. Debug builds
/// check that against a pattern match on every use, so the whole test corpus checks it.
///
/// A pointer into a list's or an object's storage is valid until that storage changes or is
/// freed; callers use it at once, with no script code run in between (Compiler+Addresses).
enum Borrowing {
    /// The storage of the list at `place` (which must hold `.list`), borrowed: neither
    /// retained nor released.
    @inline(__always)
    static func listStorage(at place: UnsafePointer<Value>) -> Unmanaged<List.Storage> {
        firstWord(of: place) { if case .list(let items) = $0 { items.storage } else { nil } }
    }

    /// The storage of the object at `place` (which must hold `.object`), borrowed.
    @inline(__always)
    static func fieldsStorage(at place: UnsafePointer<Value>) -> Unmanaged<Fields.Storage> {
        firstWord(of: place) { if case .object(let fields) = $0 { fields.storage } else { nil } }
    }

    /// The reference in the first word of the value at `place`; debug builds check it is the
    /// one `payload` finds by pattern matching.
    @inline(__always)
    private static func firstWord<Storage: AnyObject>(
        of place: UnsafePointer<Value>, checkedAgainst payload: (Value) -> Storage?
    ) -> Unmanaged<Storage> {
        let storage = UnsafeRawPointer(place).load(as: Unmanaged<Storage>.self)
        assert(payload(place.pointee) === storage.takeUnretainedValue(), "Value's layout changed")
        return storage
    }

    /// Where item `index` (negative counts from the end) of the list at `place` is stored; nil
    /// when `place` holds no list or the index is out of range. With `unique`, the list's
    /// storage and its buffer are first made unique to `place`, so the item can be changed
    /// in place without another list seeing it.
    @inline(__always)
    static func item(_ index: Int, ofListAt place: UnsafeMutablePointer<Value>, unique: Bool) -> UnsafeMutablePointer<Value>? {
        guard case .list = place.pointee else { return nil }
        if unique { list(at: place).pointee.makeUnique() }
        return listStorage(at: place)._withUnsafeGuaranteedRef { storage in
            guard let position = List.position(of: index, count: storage.items.count) else { return nil }
            if unique { return storage.items.withUnsafeMutableBufferPointer { $0.baseAddress! + position } }
            return storage.items.withUnsafeBufferPointer { UnsafeMutablePointer(mutating: $0.baseAddress! + position) }
        }
    }

    /// Where field `name` of the object at `place` is stored, found through `cache`; nil when
    /// `place` holds no object or the object has no such field. `unique` as for `item`.
    @inline(__always)
    static func field(_ name: String, ofObjectAt place: UnsafeMutablePointer<Value>, cache: FieldCache,
                      unique: Bool) -> UnsafeMutablePointer<Value>? {
        guard case .object = place.pointee else { return nil }
        if unique { fields(at: place).pointee.makeUnique() }
        return fieldsStorage(at: place)._withUnsafeGuaranteedRef { storage in
            guard let index = storage.index(forKey: name, cache: cache) else { return nil }
            return storage.values + index
        }
    }

    /// The value of field `name` of the object at `place`, copied out (`.null` when the object
    /// has no such field); nil when `place` holds no object.
    @inline(__always)
    static func fieldValue(_ name: String, ofObjectAt place: UnsafePointer<Value>, cache: FieldCache) -> Value? {
        guard case .object = place.pointee else { return nil }
        return fieldsStorage(at: place)._withUnsafeGuaranteedRef { $0.value(forKey: name, cache: cache) ?? .null }
    }

    /// The list at `place` (which must hold `.list`) seen as a `List` where it is, so it can
    /// be changed (made unique, appended to) without moving it out of the value and back.
    @inline(__always)
    static func list(at place: UnsafeMutablePointer<Value>) -> UnsafeMutablePointer<List> {
        _ = listStorage(at: place)  // debug builds check the layout
        return UnsafeMutableRawPointer(place).assumingMemoryBound(to: List.self)
    }

    /// The object at `place` (which must hold `.object`) seen as `Fields` where it is.
    @inline(__always)
    static func fields(at place: UnsafeMutablePointer<Value>) -> UnsafeMutablePointer<Fields> {
        _ = fieldsStorage(at: place)
        return UnsafeMutableRawPointer(place).assumingMemoryBound(to: Fields.self)
    }
}

extension Box {
    /// Where the box keeps its value. A final class's stored property stays at one address for
    /// the box's life, and the compiled code that asks holds the box.
    var valueAddress: UnsafeMutablePointer<Value> {
        withUnsafeMutablePointer(to: &value) { $0 }
    }
}
