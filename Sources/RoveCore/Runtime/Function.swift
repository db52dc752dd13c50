// Callable values: script functions and closures, builtins, and methods bound to a receiver.

/// A function value. Identity is equality: two closures are equal only if they are the same value.
public final class Function {
    /// The name traces and errors show; closures are named `closure`.
    public let name: String
    /// Changed only as the function dies (see `deinit`).
    @exclusivity(unchecked) private(set) var body: Body

    enum Body {
        /// A function written in Rove, with the variables it captured.
        case script(CompiledFunction, captures: [Box])
        /// A builtin written in Swift.
        case native((Arguments) throws -> Value)
        /// A builtin method read without calling it (`let f = xs.map`), bound to its receiver.
        case bound(receiver: Value, method: Method)
    }

    /// The compiled code and captures of a script function, as plain fields: the call fast path
    /// reads them without copying the `body` enum's payload on every call.
    let code: CompiledFunction?
    /// `code` again, read by the call fast path without a retain: the strong `code` above
    /// keeps it alive as long as this function, and the caller holds the function. Unmanaged,
    /// because binding an optional unowned reference (`if let`) makes a strong one.
    let unretainedCode: Unmanaged<CompiledFunction>?
    /// How many parameters the fast path stores straight into the frame: the parameter count
    /// of a script function whose parameters are plain and positional (`isSimple`), else -1.
    let simpleArity: Int
    let captures: [Box]
    /// A one-argument builtin's direct body (`Builtin.unary`), for calls with one argument.
    let unary: ((Value, Interpreter) throws -> Value)?
    /// Boxed, so the closures a script makes by the thousand carry one nil reference for it.
    private let declaration: Declaration?

    /// The table entry a builtin was made from (name, arity, one-line doc), for help; nil for
    /// functions written in Rove and for bare `Function(name:_:)` values.
    public var builtin: Builtin? { declaration?.builtin }

    init(name: String, body: Body, builtin: Builtin? = nil) {
        self.name = name
        self.body = body
        self.declaration = builtin.map(Declaration.init)
        self.unary = builtin?.unary
        switch body {
        case .script(let code, let captures):
            self.code = code
            self.unretainedCode = Unmanaged.passUnretained(code)
            self.simpleArity = code.isSimple ? code.parameters.count : -1
            self.captures = captures
        case .native, .bound:
            self.code = nil
            self.unretainedCode = nil
            self.simpleArity = -1
            self.captures = []
        }
    }

    deinit {
        // `[xs.map]` wrapped a million times over is a chain through bound receivers.
        if case .bound(var receiver, let method) = body {
            body = .bound(receiver: .null, method: method)
            Dismantling.release(&receiver)
        }
    }

    /// A builtin function for hosts to hand to scripts; the body checks its own arguments.
    public convenience init(name: String, _ body: @escaping (Arguments) throws -> Value) {
        self.init(name: name, body: .native(body))
    }

    /// The function a builtin declaration describes. When the declaration states an arity, a
    /// call with another number of arguments fails before the body runs, with the `argument`
    /// error `Arguments.expect` gives every builtin.
    public convenience init(_ builtin: Builtin) {
        let body = builtin.body
        guard let arity = builtin.arity else {
            self.init(name: builtin.name, body: .native(body), builtin: builtin)
            return
        }
        self.init(name: builtin.name, body: .native { args in
            try args.expect(arity)
            return try body(args)
        }, builtin: builtin)
    }

    private final class Declaration {
        let builtin: Builtin
        init(_ builtin: Builtin) { self.builtin = builtin }
    }
}

/// A shared, mutable variable: a global, or a local that closures capture (shared, not copied).
final class Box {
    @exclusivity(unchecked) var value: Value
    /// False for a global that has been referenced but not yet defined.
    @exclusivity(unchecked) var isDefined: Bool
    /// True for a global bound with `let`.
    @exclusivity(unchecked) var isConstant = false

    init(_ value: Value, isDefined: Bool = true) {
        self.value = value
        self.isDefined = isDefined
    }

    deinit {
        // A closure capturing a closure (or a list holding one) capturing…: freed without
        // recursion. Scalars and strings cannot start a chain and skip the thread lookup.
        switch value {
        case .list, .object, .function, .host: Dismantling.release(&value)
        case .null, .bool, .int, .float, .string: break
        }
    }
}

/// A global builtin function, as declared in the builtin tables and by hosts
/// (`Interpreter.register`): dispatch, argument checks, completion and help all read it.
public struct Builtin {
    public let name: String
    /// How many positional arguments it takes, checked before `body` runs; nil when `body`
    /// checks its arguments itself (labels, or counts that depend on them).
    public let arity: ClosedRange<Int>?
    /// One line saying what it does, for help; nil when undocumented. The builtins' own start
    /// with how they are called: `len(x) — characters of a string, items of a list, …`.
    public let doc: String?
    public let body: (Arguments) throws -> Value
    /// The body of a builtin that takes exactly one argument, called with it directly: `len(p)`
    /// in a loop then builds no argument array. Nil for the others; `body` does the same work.
    let unary: ((Value, Interpreter) throws -> Value)?

    public init(_ name: String, _ body: @escaping (Arguments) throws -> Value) {
        self.name = name
        self.arity = nil
        self.doc = nil
        self.body = body
        self.unary = nil
    }

    /// A documented builtin of one argument, callable without an argument array (see `unary`).
    init(_ name: String, doc: String, unary: @escaping (Value, Interpreter) throws -> Value) {
        self.name = name
        self.arity = nil
        self.doc = doc
        self.body = { args in
            try args.expect(1)
            return try unary(args.values[0], args.interpreter)
        }
        self.unary = unary
    }

    /// A documented builtin whose body checks its own arguments (labels, or counts that depend
    /// on them).
    public init(_ name: String, doc: String, _ body: @escaping (Arguments) throws -> Value) {
        self.name = name
        self.arity = nil
        self.doc = doc
        self.body = body
        self.unary = nil
    }

    public init(_ name: String, arity: ClosedRange<Int>, doc: String, _ body: @escaping (Arguments) throws -> Value) {
        self.name = name
        self.arity = arity
        self.doc = doc
        self.body = body
        self.unary = nil
    }

    public init(_ name: String, arity: Int, doc: String, _ body: @escaping (Arguments) throws -> Value) {
        self.init(name, arity: arity...arity, doc: doc, body)
    }
}

/// A builtin method of strings, lists or objects, as declared in the method tables.
public struct Method {
    public enum Body {
        /// Returns a new value; the receiver is untouched.
        case reading((Value, Arguments) throws -> Value)
        /// Changes the receiver in place: only allowed on a `var` (`xs.append(1)`).
        case mutating((inout Value, Arguments) throws -> Value)
    }

    public let name: String
    /// Whether `x.name` without parentheses runs the method (`xs.count`, `s.isEmpty`, `xs.first`).
    public let isProperty: Bool
    /// How it is called and what it does, in one line, for help: `take(n) — the first n items`.
    public let doc: String?
    public let body: Body

    public init(_ name: String, property: Bool = false, doc: String? = nil,
                _ body: @escaping (Value, Arguments) throws -> Value) {
        self.name = name
        self.isProperty = property
        self.doc = doc
        self.body = .reading(body)
    }

    public init(mutating name: String, doc: String? = nil, _ body: @escaping (inout Value, Arguments) throws -> Value) {
        self.name = name
        self.isProperty = false
        self.doc = doc
        self.body = .mutating(body)
    }
}

extension Array where Element == Method {
    /// The table form the interpreter looks methods up in.
    func keyedByName() -> [String: Method] {
        Dictionary(map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
