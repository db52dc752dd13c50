// A function value a builtin calls once per item: map, where, sortBy, reduce.

/// A function value made ready to be called many times. `xs.map { … }` calls its closure once
/// per item; taking the value apart on every call (matching `.function`, reading its code and
/// captures out of it) cost a retain and a release of the function and of its captures each
/// time. Here that is done once: the callable holds the function, so its code and captures
/// stay alive, and each call only pushes a frame, stores the arguments and runs the body.
public struct Callable {
    /// The function value, called the general way when the fast path does not apply. Holding
    /// it keeps `code` alive.
    public let value: Value
    private let interpreter: Interpreter
    /// The code of a script function that takes plain positional parameters; nil otherwise.
    /// Unmanaged, so reaching it on a call is no retain (binding an optional unowned
    /// reference with `if let` makes a strong one), with what a call checks beside it.
    private let code: Unmanaged<CompiledFunction>?
    private let parameterCount: Int
    private let isClosure: Bool
    private let captures: [Box]

    init(_ value: Value, in interpreter: Interpreter) {
        self.value = value
        self.interpreter = interpreter
        if case .function(let function) = value, function.simpleArity >= 0, let code = function.unretainedCode {
            self.code = code
            parameterCount = function.simpleArity
            isClosure = code._withUnsafeGuaranteedRef(\.isClosure)
            captures = function.captures
        } else {
            code = nil
            parameterCount = 0
            isClosure = false
            captures = []
        }
    }

    /// Calls the function with one argument; a closure may ignore it (`map { 0 }`).
    public func callAsFunction(_ argument: Value) throws -> Value {
        if let code, parameterCount == 1 || isClosure {
            return try code._withUnsafeGuaranteedRef { code in
                try interpreter.enterNewFrame(for: code, captures: captures, at: nil) { frame in
                    if parameterCount > 0 { interpreter.stack[frame] = argument }
                }
            }
        }
        return try interpreter.callValue(value, [argument], labels: [], at: nil)
    }

    /// Calls the function with two arguments (`reduce`'s accumulator and item).
    public func callAsFunction(_ first: Value, _ second: Value) throws -> Value {
        if let code, parameterCount == 2 || isClosure {
            return try code._withUnsafeGuaranteedRef { code in
                try interpreter.enterNewFrame(for: code, captures: captures, at: nil) { frame in
                    if parameterCount >= 1 { interpreter.stack[frame] = first }
                    if parameterCount >= 2 { interpreter.stack[frame + 1] = second }
                }
            }
        }
        return try interpreter.callValue(value, [first, second], labels: [], at: nil)
    }

    /// Whether the function answers a truthy value for `item`: predicates.
    public func accepts(_ item: Value) throws -> Bool {
        try self(item).isTruthy
    }
}
