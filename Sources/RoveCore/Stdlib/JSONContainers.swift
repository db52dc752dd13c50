// Lists and objects built by the JSON reader, which counts their nesting as it reads them.

import OrderedCollections

extension Fields {
    /// Fields whose nesting the caller counted while it read the values.
    init(entries: OrderedDictionary<String, Value>, nesting: Int) {
        storage = Storage(entries: entries, nesting: nesting)
    }
}

extension List {
    /// A list whose nesting the caller counted while it read the items.
    init(items: [Value], nesting: Int) {
        storage = Storage(items: items, nesting: nesting)
    }
}
