// Freeing deeply nested values without recursion.

import OrderedCollections

/// Swift frees a nested array by releasing its elements, which free theirs, and so on: one
/// native stack frame per level, so a list nested a million deep overflows the stack when it
/// dies. `List` and `Fields` storage past `recursionSafeNesting` hand their contents here
/// instead, and the loop below takes apart every inner list and object it holds the last
/// reference to, keeping the pending values on the heap.
enum Dismantling {
    /// Nesting that Swift's own recursive release frees comfortably on any thread.
    static let recursionSafeNesting = 64

    static func release(_ items: inout [Value]) {
        var pending: [Value] = []
        swap(&pending, &items)
        drain(&pending)
    }

    static func release(_ entries: inout OrderedDictionary<String, Value>) {
        var pending = Array(entries.values)
        entries = [:]
        drain(&pending)
    }

    /// Empties each uniquely held list and object into `pending` before letting it go, so
    /// its deinit finds nothing left to free.
    private static func drain(_ pending: inout [Value]) {
        while var value = pending.popLast() {
            switch value {
            case .list(var list):
                value = .null
                if isKnownUniquelyReferenced(&list.storage) {
                    pending.append(contentsOf: list.storage.items)
                    list.storage.items = []
                }
            case .object(var fields):
                value = .null
                if isKnownUniquelyReferenced(&fields.storage) {
                    pending.append(contentsOf: fields.storage.entries.values)
                    fields.storage.entries = [:]
                }
            case .null, .bool, .int, .float, .string, .function, .host:
                break
            }
        }
    }
}
