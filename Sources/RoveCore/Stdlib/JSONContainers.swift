// Lists built by the JSON reader, which counts their nesting as it reads them.

extension List {
    /// A list whose nesting the caller counted while it read the items.
    init(items: [Value], nesting: Int) {
        storage = Storage(items: items, nesting: nesting)
    }
}
