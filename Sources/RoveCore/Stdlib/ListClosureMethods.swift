// The builtin methods of lists that run a closure per item: map, where, reduce, sortBy, groupBy, ...

import OrderedCollections

enum ListClosureMethods {
    static let table: [Method] = [
        ListMethods.method("map", doc: "map { x in … } — each item transformed") { items, args in
            try args.expect(1)
            let transform = try args.callable(0)
            var result: [Value] = []
            try args.interpreter.reserveMemory(items.count &* MemoryLayout<Value>.stride)
            result.reserveCapacity(items.count)
            for item in items { result.append(try transform(item)) }
            return .list(result)
        },
        ListMethods.method("where", doc: "where { pred } — the items the predicate accepts", filter),
        ListMethods.method("filter", doc: "filter { pred } — the items the predicate accepts (as where)", filter),
        ListMethods.method("find", doc: "find { pred } — the first item the predicate accepts, or nil") { items, args in
            try args.expect(1)
            let predicate = try args.callable(0)
            for item in items where try predicate.accepts(item) { return item }
            return .null
        },
        ListMethods.method("flatMap", doc: "flatMap { x in … } — each item's list, concatenated") { items, args in
            try args.expect(1)
            let transform = try args.callable(0)
            var result: [Value] = []
            for item in items {
                // A closure that returns a single value adds it as it is, as Ruby's flat_map does.
                let mapped = try transform(item)
                try args.interpreter.reserveRoom(in: result)
                if case .list(let inner) = mapped { result.append(contentsOf: inner) } else { result.append(mapped) }
            }
            return .list(result)
        },
        ListMethods.method("reduce", doc: "reduce(initial) { acc, x in … } — folds the items into one value") { items, args in
            try args.expect(2)
            var accumulator = try args.value(0)
            let combine = try args.callable(1)
            for item in items { accumulator = try combine(accumulator, item) }
            return accumulator
        },
        ListMethods.method("any", doc: "any { pred } — whether some item matches") { items, args in
            try args.expect(0...1)
            guard let predicate = try args.optionalCallable(0) else { return .bool(items.contains { $0.isTruthy }) }
            for item in items where try predicate.accepts(item) { return true }
            return false
        },
        ListMethods.method("all", doc: "all { pred } — whether every item matches") { items, args in
            try args.expect(0...1)
            guard let predicate = try args.optionalCallable(0) else { return .bool(items.allSatisfy { $0.isTruthy }) }
            for item in items where !(try predicate.accepts(item)) { return false }
            return true
        },
        ListMethods.method("sortBy", doc: "sortBy { key } — sorted by what the closure returns, ties keep their order") { items, args in
            try args.expect(1)
            let key = try args.callable(0)
            // Each key is computed once; ties keep their original order (a stable sort), so
            // sorting by one field after another composes.
            let keys = try items.map { try key($0) }
            if let order = SortKeys.stableOrder(of: keys) { return .list(order.map { items[$0] }) }
            let keyed = keys.enumerated().map { (key: $0.element, offset: $0.offset) }
            let sorted = try keyed.sorted { a, b in
                let order = try ValueOrdering.compare(a.key, b.key)
                return order != 0 ? order < 0 : a.offset < b.offset
            }
            return .list(sorted.map { items[$0.offset] })
        },
        ListMethods.method("groupBy", doc: "groupBy { key } — an object from each key to the items with that key") { items, args in
            try args.expect(1)
            let key = try args.callable(0)
            // Keyed by `str(key)`, in the order each key is first seen.
            var groups = OrderedDictionary<String, [Value]>()
            for item in items {
                groups[args.interpreter.describe(try key(item)), default: []].append(item)
            }
            return .object(Fields(groups.mapValues { .list($0) }))
        },
    ]

    /// `where { pred }` and its alias `filter { pred }`: the items the predicate accepts.
    private static func filter(_ items: List, _ args: Arguments) throws -> Value {
        try args.expect(1)
        let predicate = try args.callable(0)
        var result: [Value] = []
        for item in items where try predicate.accepts(item) {
            try args.interpreter.reserveRoom(in: result)
            result.append(item)
        }
        return .list(result)
    }
}
