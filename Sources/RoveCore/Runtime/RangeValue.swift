// Integer ranges, `a..<b` and `a...b`: lazy, so `for i in 0..<3_000_000` allocates nothing.

/// An integer range, stored by its first and last members so that no bound ever overflows,
/// even `0...Int.max`.
public final class RangeValue: HostObject {
    public let lower: Int
    /// The last member; meaningless when `isEmpty`.
    public let last: Int
    public let isEmpty: Bool
    /// Whether it was written `a...b`, so it prints the way it was written.
    public let isClosed: Bool

    public init(lower: Int, upper: Int, isClosed: Bool) {
        self.lower = lower
        self.isClosed = isClosed
        isEmpty = isClosed ? upper < lower : upper <= lower
        last = isEmpty ? lower : (isClosed ? upper : upper - 1)
    }

    public var typeName: String { "range" }

    /// The number of members, or an error when there are more than the largest integer.
    public func count() throws -> Int {
        if isEmpty { return 0 }
        let (span, overflow) = last.subtractingReportingOverflow(lower)
        guard !overflow, span < Int.max else {
            throw Diagnostic(.value, "range \(text) has more than \(Int.max) members")
        }
        return span + 1
    }

    /// `x in range`, without iterating.
    public func contains(_ needle: Value, in interpreter: Interpreter) throws -> Bool? {
        contains(needle)
    }

    func contains(_ value: Value) -> Bool {
        switch value {
        case .int(let i): return !isEmpty && i >= lower && i <= last
        case .float(let d): return !isEmpty && d == d.rounded() && d >= Double(lower) && d <= Double(last)
        case .null, .bool, .string, .list, .object, .function, .host: return false
        }
    }

    var text: String {
        if isClosed { return "\(lower)...\(last)" }
        return isEmpty ? "\(lower)..<\(lower)" : "\(lower)..<\(last + 1)"
    }

    /// Dispatch, completion and help read this table.
    static let members = HostMembers<RangeValue>([
        .property("count", doc: "count — how many integers it holds") { range, _ in .int(try range.count()) },
        .property("isEmpty", doc: "isEmpty — whether it holds none") { range, _ in .bool(range.isEmpty) },
        .property("lower", doc: "lower — the first bound as written") { range, _ in .int(range.lower) },
        .property("upper", doc: "upper — the second bound as written") { range, _ in
            range.isEmpty ? .int(range.lower) : .int(range.isClosed ? range.last : range.last + 1)
        },
        .property("first", doc: "first — the first integer, or nil when empty") { range, _ in range.isEmpty ? .null : .int(range.lower) },
        .property("last", doc: "last — the last integer, or nil when empty") { range, _ in range.isEmpty ? .null : .int(range.last) },
    ])

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        try Self.members.read(name, of: self, in: interpreter)
    }

    public func element(at key: Value, in interpreter: Interpreter) throws -> Value? {
        guard case .int(let index) = key else { return nil }
        // Offsets from the nearer end, so no step can overflow.
        let (position, overflow) = index >= 0 ? lower.addingReportingOverflow(index) : (last + 1).addingReportingOverflow(index)
        guard !isEmpty, !overflow, position >= lower, position <= last else {
            throw Diagnostic(.index, "index \(index) out of range for range \(text)")
        }
        return .int(position)
    }

    public func makeIterator(in interpreter: Interpreter) throws -> (any HostIterator)? {
        RangeIterator(lower: lower, last: last, isEmpty: isEmpty)
    }

    public func isEqual(to other: any HostObject) -> Bool {
        guard let other = other as? RangeValue else { return false }
        return isEmpty ? other.isEmpty : (!other.isEmpty && lower == other.lower && last == other.last)
    }

    public func describe(in interpreter: Interpreter) -> String { text }

    public func data(in interpreter: Interpreter) throws -> Value? {
        guard try count() <= 10_000_000 else {
            throw Diagnostic(.value, "range \(text) is too large to list")
        }
        return isEmpty ? .list([]) : .list((lower...last).map { .int($0) })
    }

    public func completions(in interpreter: Interpreter) -> [String] {
        Self.members.names
    }

    public func help(in interpreter: Interpreter) throws -> HelpTopic? {
        HelpTopic(title: "range \(text)",
                  lines: ["Integers from lower up to upper (a..<b leaves b out, a...b keeps it), made as they are read."],
                  sections: [HelpTopic.Section("Members", Self.members.helpEntries),
                             HelpTopic.Section("List methods, over its integers",
                                               ListMethods.table.map { HelpTopic.Entry(name: $0.name) })])
    }
}

/// Counts through a range. Not `(lower...last).lazy.map(...).makeIterator()` in a
/// `SequenceIterator`: that generic chain is not specialized across the existential, and each
/// step looked up type metadata at run time (about 4,500 instructions an item for
/// `(0..<200000).map { $0 }`).
private final class RangeIterator: HostIterator {
    @exclusivity(unchecked) private var upcoming: Int
    private let last: Int
    @exclusivity(unchecked) private var isFinished: Bool

    init(lower: Int, last: Int, isEmpty: Bool) {
        upcoming = lower
        self.last = last
        isFinished = isEmpty
    }

    func next() throws -> Value? {
        guard !isFinished else { return nil }
        let value = upcoming
        // Stops at `last` itself rather than past it, so `...Int.max` cannot overflow.
        if value == last { isFinished = true } else { upcoming = value &+ 1 }
        return .int(value)
    }
}
