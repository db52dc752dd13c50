// Hosts declare their Swift functions as the builtin tables do: name, arity, one-line doc, body.

extension Interpreter {
    /// Defines `builtin` as a global function, as the interpreter installs its own builtins:
    /// its arity is checked on every call, completion offers its name, help reads its doc.
    /// Scripts may shadow it, as they may shadow `print`.
    public func register(_ builtin: Builtin) {
        define(builtin.name, as: .function(Function(builtin)))
    }

    /// Defines a global function taking exactly `arity` positional arguments:
    /// `interpreter.register("approve", arity: 1, doc: "approves the ticket") { args in … }`.
    /// A call with another count fails before `body` runs, with the same `argument` error a
    /// builtin gives (`too many arguments to 'approve' (expected at most 1 argument, got 2)`).
    public func register(_ name: String, arity: Int, doc: String, _ body: @escaping (Arguments) throws -> Value) {
        register(Builtin(name, arity: arity, doc: doc, body))
    }

    /// Defines a global function taking between `arity.lowerBound` and `arity.upperBound`
    /// positional arguments; `body` reads the optional ones with `args.count`.
    public func register(_ name: String, arity: ClosedRange<Int>, doc: String,
                         _ body: @escaping (Arguments) throws -> Value) {
        register(Builtin(name, arity: arity, doc: doc, body))
    }

    /// The declaration of the builtin the global `name` holds, for help: nil when `name` is not
    /// defined, or holds anything else (a script function, or a value a script bound over it).
    public func builtin(named name: String) -> Builtin? {
        guard case .function(let function)? = global(name) else { return nil }
        return function.builtin
    }
}
