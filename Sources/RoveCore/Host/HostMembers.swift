// A host object's own members, declared once in a table that dispatch, completion, help and "did you mean" all read.

/// One member of a host object type: its name, one line of documentation, and what reading or
/// calling it does.
///
/// ```swift
/// static let members = HostMembers<Inventory>([
///     .property("count", doc: "count — how many items there are") { inventory, _ in .int(inventory.items.count) },
///     .method("restock", doc: "restock(n) — orders n more") { inventory, args in try inventory.restock(args) },
/// ])
/// ```
public struct HostMember<Owner> {
    public let name: String
    /// How it is used, then what it gives, in one line: `take(n) — the first n items`.
    public let doc: String
    /// What `x.name` gives; nil for a member that must be called.
    let read: ((Owner, Interpreter) throws -> Value?)?
    /// What `x.name(…)` gives; nil (or a nil answer) makes the call read the member and call
    /// what it gives.
    let call: ((Owner, Arguments) throws -> Value?)?

    /// A member read without parentheses: `collection.count`, `link.url`.
    public static func property(_ name: String, doc: String,
                                _ read: @escaping (Owner, Interpreter) throws -> Value?) -> HostMember {
        HostMember(name: name, doc: doc, read: read, call: nil)
    }

    /// A member called with parentheses: `collection.take(3)`, `resource.reload()`.
    public static func method(_ name: String, doc: String,
                              _ call: @escaping (Owner, Arguments) throws -> Value?) -> HostMember {
        HostMember(name: name, doc: doc, read: nil, call: call)
    }

    /// A member that is a property when read and a method when called:
    /// `collection.first` and `collection.first { $0.Name == "Web" }`.
    public static func property(_ name: String, doc: String,
                                read: @escaping (Owner, Interpreter) throws -> Value?,
                                call: @escaping (Owner, Arguments) throws -> Value?) -> HostMember {
        HostMember(name: name, doc: doc, read: read, call: call)
    }
}

/// The table of a host object type's own members, looked up by name.
public struct HostMembers<Owner> {
    public let members: [HostMember<Owner>]
    private let positions: [String: Int]

    public init(_ members: [HostMember<Owner>]) {
        self.members = members
        self.positions = Dictionary(members.enumerated().map { ($0.element.name, $0.offset) }) { first, _ in first }
    }

    /// Whether `name` is one of the table's members.
    public func contains(_ name: String) -> Bool { positions[name] != nil }

    /// What reading `name` gives, or nil when the table has no such property.
    public func read(_ name: String, of owner: Owner, in interpreter: Interpreter) throws -> Value? {
        guard let position = positions[name], let read = members[position].read else { return nil }
        return try read(owner, interpreter)
    }

    /// What calling `name` gives, or nil when the table has no such method (or leaves this
    /// call to the property: `first` without arguments).
    public func call(_ name: String, on owner: Owner, with arguments: Arguments) throws -> Value? {
        guard let position = positions[name], let call = members[position].call else { return nil }
        return try call(owner, arguments)
    }

    /// The names, in the table's order, for completion and suggestions.
    public var names: [String] { members.map(\.name) }

    /// The entries help lists.
    public var helpEntries: [HelpTopic.Entry] {
        members.map { HelpTopic.Entry(name: $0.name, doc: $0.doc) }
    }
}
