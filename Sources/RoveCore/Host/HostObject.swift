// The embedding API: how Swift code (the stdlib, the providers, a host program) shows objects to scripts.

/// An object provided by Swift code. Every requirement has a default, so a host object
/// implements only what it supports; anything else is a clear runtime error for the script.
public protocol HostObject: AnyObject {
    /// The name `type(x)` returns and errors use, such as `Resource` or `range`.
    var typeName: String { get }

    /// Reads `x.name`. Return nil when there is no such member (the script then gets an error,
    /// or nil through `?.`).
    func member(_ name: String, in interpreter: Interpreter) throws -> Value?

    /// Calls `x.name(arguments)`. Return nil when there is no such method; the interpreter then
    /// reads `member(name)` and calls what it returns.
    func callMethod(_ name: String, with arguments: Arguments) throws -> Value?

    /// Assigns `x.name = value`. Return false when the member cannot be assigned.
    func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws -> Bool

    /// Calls the object itself: `collection(partialName: "Web")`.
    func call(with arguments: Arguments) throws -> Value

    /// Reads `x[key]`. Return nil when the object cannot be indexed.
    func element(at key: Value, in interpreter: Interpreter) throws -> Value?

    /// Lazily yields the object's items for `for x in`, list methods and `all`. Return nil when
    /// the object is not iterable.
    func makeIterator(in interpreter: Interpreter) throws -> (any HostIterator)?

    /// Answers `needle in x`. Return nil to have its items searched instead (when iterable).
    func contains(_ needle: Value, in interpreter: Interpreter) throws -> Bool?

    /// Equality with another host object; identity is checked before this is asked.
    func isEqual(to other: any HostObject) -> Bool

    /// The text `print` and `str` show.
    func describe(in interpreter: Interpreter) -> String

    /// The plain data form of the object: used by `json(x)`, tables and `--output` formats.
    /// Nil when the object has no data form (it is then shown by `describe`).
    func data(in interpreter: Interpreter) throws -> Value?

    /// Member names offered by Tab completion in the REPL.
    func completions(in interpreter: Interpreter) -> [String]

    /// Argument labels offered by Tab completion inside a call of the object itself: a link's
    /// template variables, for `octopus.Tasks(sta` → `states:`.
    func parameterCompletions(in interpreter: Interpreter) -> [String]

    /// What `help(x)` shows: the object's members with one line each, read from the table
    /// they are declared in (`HostMembers`). Nil lets the interpreter list `completions(in:)`
    /// under the object's description.
    func help(in interpreter: Interpreter) throws -> HelpTopic?
}

/// A lazy stream of values; `next()` returns nil at the end.
public protocol HostIterator: AnyObject {
    func next() throws -> Value?
}

extension HostObject {
    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? { nil }
    public func callMethod(_ name: String, with arguments: Arguments) throws -> Value? { nil }
    public func setMember(_ name: String, to value: Value, in interpreter: Interpreter) throws -> Bool { false }
    public func call(with arguments: Arguments) throws -> Value {
        throw Diagnostic(.type, "cannot call a value of type '\(typeName)'")
    }
    public func element(at key: Value, in interpreter: Interpreter) throws -> Value? { nil }
    public func makeIterator(in interpreter: Interpreter) throws -> (any HostIterator)? { nil }
    public func contains(_ needle: Value, in interpreter: Interpreter) throws -> Bool? { nil }
    public func isEqual(to other: any HostObject) -> Bool { false }
    public func describe(in interpreter: Interpreter) -> String { "<\(typeName)>" }
    public func data(in interpreter: Interpreter) throws -> Value? { nil }
    public func completions(in interpreter: Interpreter) -> [String] { [] }
    public func parameterCompletions(in interpreter: Interpreter) -> [String] { [] }
    public func help(in interpreter: Interpreter) throws -> HelpTopic? { nil }
}

/// Iterates a Swift sequence of values; handy for host objects backed by an array.
public final class SequenceIterator<Base: IteratorProtocol>: HostIterator where Base.Element == Value {
    @exclusivity(unchecked) private var base: Base
    public init(_ base: Base) { self.base = base }
    public func next() throws -> Value? { base.next() }
}
