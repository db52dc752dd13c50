// The builtin methods of lists: properties, in-place changes, and reshaping without closures.

enum ListMethods {
    static let table: [Method] = properties + mutating + reshaping + ListClosureMethods.table + [ListProjection.select]

    // MARK: Properties: facts about the list, read without parentheses; some take a closure too.

    static let properties: [Method] = [
        method("count", property: true, doc: "count — the number of items; count { pred } counts the matching ones") { items, args in
            try args.expect(0...1)
            guard let predicate = try args.optionalFunction(0) else { return .int(items.count) }
            var count = 0
            for item in items where try args.test(predicate, item) { count += 1 }
            return .int(count)
        },
        method("isEmpty", property: true, doc: "isEmpty — whether it has no items") { items, args in
            try args.expect(0)
            return .bool(items.isEmpty)
        },
        method("first", property: true, doc: "first — the first item, or nil; first { pred } the first match") { items, args in
            try args.expect(0...1)
            guard let predicate = try args.optionalFunction(0) else { return items.first ?? .null }
            for item in items where try args.test(predicate, item) { return item }
            return .null
        },
        method("last", property: true, doc: "last — the last item, or nil; last { pred } the last match") { items, args in
            try args.expect(0...1)
            guard let predicate = try args.optionalFunction(0) else { return items.last ?? .null }
            for item in items.reversed() where try args.test(predicate, item) { return item }
            return .null
        },
        method("sum", property: true, walks: true, doc: "sum — the total; sum { key } adds what the closure returns") { items, args in
            try args.expect(0...1)
            let key = try args.optionalFunction(0)
            return try sum(items, key: key, args)
        },
        method("min", property: true, walks: true, doc: "min — the smallest item (min { key }: by key), or nil when empty") { items, args in
            try args.expect(0...1)
            return try extreme(items, key: try args.optionalFunction(0), args) { $0 < 0 }
        },
        method("max", property: true, walks: true, doc: "max — the largest item (max { key }: by key), or nil when empty") { items, args in
            try args.expect(0...1)
            return try extreme(items, key: try args.optionalFunction(0), args) { $0 > 0 }
        },
    ]

    // MARK: In-place changes: only on a `var`.

    static let mutating: [Method] = [
        change("append", doc: "append(x) — adds x at the end (on a var)") { items, args in
            try args.expect(1)
            try args.interpreter.reserveRoom(in: items)
            items.append(args.values[0])
            return .null
        },
        change("insert", doc: "insert(x, at: i) — inserts x before index i (on a var)") { items, args in
            try args.expect(1...1, required: ["at"])
            let index = try args.int(labelled: "at")
            guard index >= 0, index <= items.count else {
                throw indexError(index, count: items.count)
            }
            items.insert(try args.value(0), at: index)
            return .null
        },
        change("remove", doc: "remove(at: i) — removes and returns the item at i (on a var)") { items, args in
            try args.expect(0...0, required: ["at"])
            let index = try args.int(labelled: "at")
            guard index >= 0, index < items.count else {
                throw indexError(index, count: items.count)
            }
            return items.remove(at: index)
        },
        change("removeLast", doc: "removeLast() — removes and returns the last item (on a var)") { items, args in
            try args.expect(0)
            guard let last = items.popLast() else {
                throw Diagnostic(.index, "cannot remove the last item of an empty list")
            }
            return last
        },
    ]

    // MARK: New lists from old ones, without closures.

    static let reshaping: [Method] = [
        method("sort", doc: "sort() — sorted: numbers by value, strings in Unicode order") { items, args in
            try args.expect(0)
            // A million items take a few hundred milliseconds; an interrupt is seen every 4,096
            // comparisons instead of at the end.
            var comparisons = 0
            return .list(try items.sorted { a, b in
                comparisons &+= 1
                if comparisons & 4095 == 0 { try args.interpreter.checkpoint(at: nil) }
                return try ValueOrdering.less(a, b)
            })
        },
        method("reverse", walks: true, doc: "reverse() — in reverse order") { items, args in
            try args.expect(0)
            return .list(items.reversed())
        },
        method("unique", walks: true, doc: "unique() — without repeats, first occurrence kept") { items, args in
            try args.expect(0)
            return .list(unique(items))
        },
        method("take", doc: "take(n) — the first n items") { items, args in
            try args.expect(1)
            return .list(Array(items.prefix(try args.nonNegativeInt(0))))
        },
        method("drop", doc: "drop(n) — all but the first n items") { items, args in
            try args.expect(1)
            return .list(Array(items.dropFirst(try args.nonNegativeInt(0))))
        },
        method("enumerated", walks: true, doc: "enumerated() — [index, item] pairs, for for (i, x) in xs.enumerated()") { items, args in
            try args.expect(0)
            return .list(items.enumerated().map { .list([.int($0.offset), $0.element]) })
        },
        method("zip", walks: true, doc: "zip(other) — [a, b] pairs, as long as the shorter list") { items, args in
            try args.expect(1)
            return .list(zip(items, try args.list(0)).map { .list([$0, $1]) })
        },
        method("join", walks: true, doc: "join(sep) — the items as text with sep between") { items, args in
            try args.expect(0...1)
            let separator = args.count == 0 ? "" : try args.string(0)
            return .string(try args.interpreter.joined(items.array, separator: separator))
        },
        method("contains", walks: true, doc: "contains(x) — whether an item equals x") { items, args in
            try args.expect(1)
            return .bool(items.contains(args.values[0]))
        },
        method("indexOf", walks: true, doc: "indexOf(x) — the index of the first item equal to x, or nil") { items, args in
            try args.expect(1)
            return items.firstIndex(of: args.values[0]).map(Value.int) ?? .null
        },
        // `xs[i]` that gives nil out of range instead of an error: `args.at(1) ?? "Staging"`.
        method("at", doc: "at(i) — the item at i (negative counts from the end), or nil out of range") { items, args in
            try args.expect(1)
            return List.position(of: try args.int(0), count: items.count).map { items[$0] } ?? .null
        },
    ]

    // MARK: Helpers

    /// Declares a method whose receiver is a list. One that `walks` every item in native code
    /// counts them as steps at the checkpoint first, so limits and interrupts bound it as they
    /// bound a loop.
    static func method(
        _ name: String, property: Bool = false, walks: Bool = false, doc: String,
        _ body: @escaping (List, Arguments) throws -> Value
    ) -> Method {
        Method(name, property: property, doc: doc) { receiver, args in
            guard case .list(let items) = receiver else {
                throw Diagnostic(.type, "'\(name)' needs a list, got \(receiver.typeName)")
            }
            if walks { try args.interpreter.checkpoint(walking: items.count, at: nil) }
            return try body(items, args)
        }
    }

    /// Declares a mutating method whose receiver is a list, changed in place without a copy.
    private static func change(_ name: String, doc: String,
                               _ body: @escaping (inout List, Arguments) throws -> Value) -> Method {
        Method(mutating: name, doc: doc) { receiver, args in
            guard case .list(var items) = receiver else {
                throw Diagnostic(.type, "'\(name)' needs a list, got \(receiver.typeName)")
            }
            // Drop the receiver's reference so `items` is uniquely owned and changes in place.
            receiver = .null
            defer { receiver = .list(items) }
            return try body(&items, args)
        }
    }

    private static func indexError(_ index: Int, count: Int) -> Diagnostic {
        Diagnostic(.index, "index \(index) out of range for list of \(count) item\(count == 1 ? "" : "s")")
    }

    /// Adds numbers (or the numbers `key` maps items to): integers stay integers, one float
    /// makes the total a float.
    private static func sum(_ items: List, key: Value?, _ args: Arguments) throws -> Value {
        var integer = 0
        var float = 0.0
        var isFloat = false
        for (index, item) in items.enumerated() {
            let number = try key.map { try args.call($0, item) } ?? item
            switch number {
            case .int(let i):
                let (total, overflow) = integer.addingReportingOverflow(i)
                guard !overflow else { throw Diagnostic(.value, "integer overflow in 'sum'") }
                integer = total
            case .float(let d):
                float += d
                isFloat = true
            case .null, .bool, .string, .list, .object, .function, .host:
                throw Diagnostic(.type, "cannot sum item #\(index + 1) (number expected, got \(number.typeName))")
            }
        }
        return isFloat ? .float(Double(integer) + float) : .int(integer)
    }

    /// The smallest (or largest) item, by itself or by `key`; the first one wins a tie; nil
    /// for an empty list.
    private static func extreme(
        _ items: List, key: Value?, _ args: Arguments, isBetter: (Int) -> Bool
    ) throws -> Value {
        guard var best = items.first else { return .null }
        var bestKey = try key.map { try args.call($0, best) } ?? best
        for item in items.dropFirst() {
            let itemKey = try key.map { try args.call($0, item) } ?? item
            if isBetter(try ValueOrdering.compare(itemKey, bestKey)) {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }

    /// Items in first-seen order without repeats; scalars are found by hashing, so this stays
    /// linear for long lists of ids or names.
    private static func unique(_ items: List) -> [Value] {
        var seen = Set<ValueKey>()
        var unhashable: [Value] = []
        var result: [Value] = []
        for item in items {
            if let key = ValueKey(item) {
                if seen.insert(key).inserted { result.append(item) }
            } else if !unhashable.contains(item) {
                unhashable.append(item)
                result.append(item)
            }
        }
        return result
    }
}
