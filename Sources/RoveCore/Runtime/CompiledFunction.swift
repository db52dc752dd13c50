// What the compiler produces: closures over the interpreter, and the functions they make up.

/// Compiled expression: evaluates to a value.
typealias Code = (Interpreter) throws -> Value
/// Compiled statement: runs and says how control leaves it.
typealias Exec = (Interpreter) throws -> Flow

/// A compiled statement kept in an array. A closure stored directly in an Array is called through
/// two reabstraction thunks (in and out of the array's generic storage); a class field is not.
final class ExecBox {
    let run: Exec
    init(_ run: @escaping Exec) { self.run = run }
}

/// A compiled expression kept in an array, for the same reason as `ExecBox`.
final class CodeBox {
    let run: Code
    init(_ run: @escaping Code) { self.run = run }
}

/// How control leaves a statement.
enum Flow {
    case normal, breakLoop, continueLoop, returned
}

/// A function after compilation: parameters resolved to slots, body compiled to closures.
final class CompiledFunction {
    struct Parameter {
        let label: String?
        let name: String
        let defaultValue: Code?
    }

    let name: String
    let parameters: [Parameter]
    /// Closures forgive missing and extra arguments, as the builtins that call them expect.
    let isClosure: Bool
    let location: SourceLocation
    /// Slots the frame needs: parameters first, then every local declared in the body.
    let slotCount: Int
    /// The body. `let`, like the other fields a call reads, so a call borrows the closure from
    /// the function instead of retaining and releasing its context (about 40 instructions).
    let body: Exec
    /// Set when the body is one expression (`{ $0.Name }`, `fn f(x) { return x * 2 }`): the
    /// call evaluates it directly, skipping statements, `Flow` and `returnValue`.
    let expressionBody: Code?
    /// What a call runs: `expressionBody` when there is one, else `body` with its `return`
    /// value taken from `returnValue`. One non-optional closure, so a call borrows it from
    /// the function; loading the optional `expressionBody` copied it (a retain and a release
    /// of its context per call).
    let run: Code
    /// Whether any local is boxed; frames without boxes skip clearing them on return.
    let hasBoxedLocals: Bool
    /// True when every parameter is positional without a default: calls can skip matching.
    let isSimple: Bool

    init(name: String, parameters: [Parameter], isClosure: Bool, location: SourceLocation, body: @escaping Exec,
         expressionBody: Code? = nil, slotCount: Int, hasBoxedLocals: Bool = true) {
        self.name = name
        self.parameters = parameters
        self.isClosure = isClosure
        self.location = location
        self.body = body
        self.expressionBody = expressionBody
        // Not `expressionBody ?? { … }`: through `??`'s generic autoclosure the stored closure
        // would be wrapped in two reabstraction thunks, called on every call.
        if let expressionBody {
            self.run = expressionBody
        } else {
            self.run = { interpreter in
                switch try body(interpreter) {
                case .returned:
                    let value = interpreter.returnValue
                    interpreter.returnValue = .null
                    return value
                case .normal, .breakLoop, .continueLoop:
                    return .null
                }
            }
        }
        self.slotCount = slotCount
        self.hasBoxedLocals = hasBoxedLocals
        self.isSimple = parameters.allSatisfy { $0.label == nil && $0.defaultValue == nil }
    }
}
