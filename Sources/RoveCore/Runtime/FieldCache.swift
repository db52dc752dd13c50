// Inline caches for field access: each `o.name` site remembers where it last found `name`.

/// Where one field-access site last found its field. Objects made by one literal (or decoded
/// from one JSON shape) keep their keys in the same order, so a site reading `p.x` in a loop
/// finds `x` at the same index every time: one key comparison instead of a search. The
/// comparison of two equal small strings is one compare of their bits; the search compares
/// the key against every earlier one, and unequal strings take the runtime's slow compare.
final class FieldCache {
    /// The index the field had in the last object this site read; a guess, checked every time.
    @exclusivity(unchecked) var index = 0
}

extension Fields.Storage {
    /// The index of `key`, trying where `cache` last found it first; nil when there is none.
    @inline(__always)
    func index(forKey key: String, cache: FieldCache) -> Int? {
        let guess = cache.index
        // The key is copied out before it is compared: holding the whole key set across the
        // comparison (a runtime call) would retain and release its storage on every read.
        if guess < count {
            let candidate = keys[guess]
            if candidate == key { return guess }
        }
        guard let found = keys.firstIndex(of: key) else { return nil }
        cache.index = found
        return found
    }

    /// The value of `key`, looked up through `cache`; nil when the object has no such field.
    /// On the storage itself, so a borrowed object (`Compiler.withFields`) can be read too.
    @inline(__always)
    func value(forKey key: String, cache: FieldCache) -> Value? {
        guard let index = index(forKey: key, cache: cache) else { return nil }
        return values[index]
    }
}

extension Fields {
    /// `Fields.Storage.index(forKey:cache:)` of this object.
    @inline(__always)
    func index(forKey key: String, cache: FieldCache) -> Int? { storage.index(forKey: key, cache: cache) }

    /// `Fields.Storage.value(forKey:cache:)` of this object.
    @inline(__always)
    func value(forKey key: String, cache: FieldCache) -> Value? { storage.value(forKey: key, cache: cache) }

    /// Moves the value at `index` out, leaving nil in its place, so the caller holds the only
    /// reference and can change it in place; `restoreValue` puts it back.
    mutating func takeValue(at index: Int) -> Value {
        makeUnique()
        return swap(&storage.values[index], .null)
    }

    /// Puts a value taken with `takeValue` (or any new one) at `index`.
    mutating func restoreValue(_ value: Value, at index: Int) {
        makeUnique()
        noteNesting(of: value)
        storage.values[index] = value
    }
}

/// Exchanges `slot` for `replacement` and returns what it held.
@inline(__always)
private func swap(_ slot: inout Value, _ replacement: Value) -> Value {
    var old = replacement
    Swift.swap(&slot, &old)
    return old
}
