// What the JSON reader remembers about a document's structure while it reads: the keys of the
// objects found at each place, and how long the lists there were.

import OrderedCollections

/// One place in a document's structure: the root, the value of one remembered key, the values
/// of objects that followed no shape, or the items of a list.
///
/// Items of an API collection share one shape, and so do the objects nested in them at the
/// same key; remembering shapes per place rather than per depth keeps two kinds of object at
/// one depth (an item's `Arguments` and its `Links`) from evicting each other's shape.
final class JSONSlot {
    /// The keys of the last object read here that could be remembered.
    @exclusivity(unchecked) var shape: ObjectShape?
    /// The size of the last object and list read here, capped: reserving that much up front
    /// spares regrowing and rehashing, and one huge value cannot make later small ones reserve a lot.
    @exclusivity(unchecked) var fieldCountHint = 0
    @exclusivity(unchecked) var itemCountHint = 0
    @exclusivity(unchecked) private var items: JSONSlot?
    @exclusivity(unchecked) private var otherFields: JSONSlot?

    static let maxHint = 64

    /// Where the items of a list read here are read.
    var itemSlot: JSONSlot {
        if let items { return items }
        let slot = JSONSlot()
        items = slot
        return slot
    }

    /// Where the values of an object read here are read once it stops following `shape`.
    var fieldSlot: JSONSlot {
        if let otherFields { return otherFields }
        let slot = JSONSlot()
        otherFields = slot
        return slot
    }
}

/// The keys of an object, kept to build the next object of the same shape.
final class ObjectShape {
    /// The keys, shared (hash table and all) by every object of this shape.
    let keys: OrderedSet<String>
    let count: Int
    /// Each key's UTF-8 bytes, compared with the raw bytes of the next object's keys. Key `i`
    /// starts at `keyStarts[i]`, a multiple of 8, and is padded with zeros to the next one, so
    /// that it can be compared a whole word at a time.
    private let keyBytes: UnsafeMutablePointer<UInt8>
    private let keyStarts: UnsafeMutablePointer<Int>
    private let keyLengths: UnsafeMutablePointer<Int>
    /// The raw bytes last seen before each key's value, from the end of the previous value
    /// (or the first key) to the value: `,\n    "Name": ` in a pretty-printed document. Items
    /// of a collection repeat them exactly, so one comparison stands for the comma, the
    /// whitespace, the key and the colon. Gap `i` takes `maxGap` bytes from `i * maxGap`; a
    /// length of 0 means none was kept.
    private let gapBytes: UnsafeMutablePointer<UInt8>
    private let gapLengths: UnsafeMutablePointer<Int>
    private static let maxGap = 64
    private static let maxKeys = 128
    /// Where the value of each key is read. Made with the shape, which happens once per kind of
    /// object, rather than checked for on every value; `ownedSlots` keeps them alive.
    let slots: [Unmanaged<JSONSlot>]
    private let ownedSlots: [JSONSlot]

    /// Nil for objects of over `maxKeys` keys, and when a key holds a quote, a backslash or a control character: raw JSON bytes equal
    /// to such a key would be malformed, or spell another key, and must go through the decoder.
    init?(_ fields: OrderedDictionary<String, Value>) {
        // A shape costs about 130 bytes a key; a map of thousands of keys is read once and
        // would only waste that.
        guard fields.count <= Self.maxKeys else { return nil }
        for key in fields.keys {
            for byte in key.utf8 where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                return nil
            }
        }
        count = fields.count
        keyStarts = .allocate(capacity: count)
        keyLengths = .allocate(capacity: count)
        var padded = 0
        for (index, key) in fields.keys.enumerated() {
            keyStarts[index] = padded
            keyLengths[index] = key.utf8.count
            padded += (key.utf8.count + 7) & ~7
        }
        keyBytes = .allocate(capacity: max(padded, 8))
        keyBytes.initialize(repeating: 0, count: max(padded, 8))
        for (index, key) in fields.keys.enumerated() {
            var offset = keyStarts[index]
            for byte in key.utf8 {
                keyBytes[offset] = byte
                offset += 1
            }
        }
        gapBytes = .allocate(capacity: count * Self.maxGap)
        gapBytes.initialize(repeating: 0, count: count * Self.maxGap)
        gapLengths = .allocate(capacity: count)
        gapLengths.initialize(repeating: 0, count: count)
        keys = fields.keys
        ownedSlots = (0..<count).map { _ in JSONSlot() }
        slots = ownedSlots.map { .passUnretained($0) }
    }

    deinit {
        keyBytes.deallocate()
        keyStarts.deallocate()
        keyLengths.deallocate()
        gapBytes.deallocate()
        gapLengths.deallocate()
    }

    /// The length of the raw key that matches key `index` at `cursor` (its opening quote),
    /// quotes included, or 0 when the bytes there are not exactly that key.
    @inline(__always)
    func matchKey(_ index: Int, at cursor: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Int {
        let length = keyLengths[index]
        guard end - cursor > length + 1, cursor.pointee == UInt8(ascii: "\""),
              cursor[length + 1] == UInt8(ascii: "\"") else { return 0 }
        return Self.equal(cursor + 1, keyBytes + keyStarts[index], length, end: end) ? length &+ 2 : 0
    }

    /// The length of the gap before the value of key `index` when the bytes at `cursor` repeat
    /// it exactly, or 0. Being bytes that parsed before as this key with its punctuation and
    /// whitespace, they parse the same way again.
    @inline(__always)
    func matchGap(_ index: Int, at cursor: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Int {
        let length = gapLengths[index]
        guard length > 0, end - cursor >= length else { return 0 }
        return Self.equal(cursor, gapBytes + index &* Self.maxGap, length, end: end) ? length : 0
    }

    /// Keeps `first..<last`, the bytes before the value of key `index`, when they are short enough.
    func recordGap(_ index: Int, from first: UnsafePointer<UInt8>, to last: UnsafePointer<UInt8>) {
        let length = last - first
        guard length <= Self.maxGap else {
            gapLengths[index] = 0
            return
        }
        (gapBytes + index &* Self.maxGap).update(from: first, count: length)
        gapLengths[index] = length
    }

    /// Whether the `length` bytes at `raw`, in the document, equal those at `stored`, which
    /// has whole words of room. Whole words, the last one masked to the length, while reading
    /// a word past them stays inside the document; byte by byte near its end.
    @inline(__always)
    private static func equal(_ raw: UnsafePointer<UInt8>, _ stored: UnsafePointer<UInt8>, _ length: Int, end: UnsafePointer<UInt8>) -> Bool {
        guard end - raw >= length + 8 else {
            for offset in 0..<length where raw[offset] != stored[offset] { return false }
            return true
        }
        let document = UnsafeRawPointer(raw)
        let kept = UnsafeRawPointer(stored)
        var offset = 0
        while offset < length {
            let difference = UInt64(littleEndian: document.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                ^ UInt64(littleEndian: kept.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let remaining = length &- offset
            let mask: UInt64 = remaining >= 8 ? ~0 : (1 << (UInt64(remaining) << 3)) &- 1
            if difference & mask != 0 { return false }
            offset &+= 8
        }
        return true
    }

    /// The first `count` fields of `object`, an object of this shape whose first `count`
    /// values were filled in, to go on with where the next object leaves the shape.
    func prefix(_ count: Int, of object: Fields, reserving capacity: Int) -> OrderedDictionary<String, Value> {
        var prefix = OrderedDictionary<String, Value>(minimumCapacity: max(count, capacity))
        for field in object.prefix(count) { prefix[field.key] = field.value }
        return prefix
    }
}
