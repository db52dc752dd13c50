// Compiling conditions (`if`, `while`, `c ? a : b`) to code that answers a Swift `Bool`.

/// A compiled condition: whether it holds. `if i % 3 == 0` then makes no `Value.bool` only to
/// take it apart again, and an integer comparison of variables calls no closure at all.
typealias Test = (Interpreter) throws -> Bool

/// The integer case of a comparison, as a `Bool`.
protocol IntegerComparison: IntegerOperation {
    static func holds(_ x: Int, _ y: Int) -> Bool
}

extension IntegerLess: IntegerComparison {
    @inline(__always) static func holds(_ x: Int, _ y: Int) -> Bool { x < y }
}

extension IntegerLessEqual: IntegerComparison {
    @inline(__always) static func holds(_ x: Int, _ y: Int) -> Bool { x <= y }
}

extension IntegerGreater: IntegerComparison {
    @inline(__always) static func holds(_ x: Int, _ y: Int) -> Bool { x > y }
}

extension IntegerGreaterEqual: IntegerComparison {
    @inline(__always) static func holds(_ x: Int, _ y: Int) -> Bool { x >= y }
}

extension IntegerEqual: IntegerComparison {
    @inline(__always) static func holds(_ x: Int, _ y: Int) -> Bool { x == y }
}

extension IntegerNotEqual: IntegerComparison {
    @inline(__always) static func holds(_ x: Int, _ y: Int) -> Bool { x != y }
}

extension Compiler {
    /// `expr` as a condition: truthiness of its value, with comparisons, `!`, `&&` and `||`
    /// answered directly. Operands are evaluated in the same order, and a comparison that is
    /// not between integers takes the operator's general path, so errors are the same.
    mutating func condition(_ expr: Expr) throws -> Test {
        switch expr {
        case .binary(let left, let op, let right, let at):
            let where_ = location(at)
            switch op {
            case .less: return try comparison(IntegerLess.self, left, right, at: where_)
            case .lessEqual: return try comparison(IntegerLessEqual.self, left, right, at: where_)
            case .greater: return try comparison(IntegerGreater.self, left, right, at: where_)
            case .greaterEqual: return try comparison(IntegerGreaterEqual.self, left, right, at: where_)
            // Not `textComparison(…) ?? comparison(…)`: through `??`'s generic the closure would
            // be wrapped in a reabstraction thunk, called on every test.
            case .equal, .notEqual:
                if let test = try textComparison(left, right, equal: op == .equal, at: where_) { return test }
                if op == .equal { return try comparison(IntegerEqual.self, left, right, at: where_) }
                return try comparison(IntegerNotEqual.self, left, right, at: where_)
            case .add, .subtract, .multiply, .divide, .remainder, .contains: break
            }
        case .logical(let left, .and, let right, _):
            let l = try condition(left), r = try condition(right)
            return { interpreter in try l(interpreter) && (try r(interpreter)) }
        case .logical(let left, .or, let right, _):
            let l = try condition(left), r = try condition(right)
            return { interpreter in try l(interpreter) || (try r(interpreter)) }
        case .unary(.not, let operand, _):
            let test = try condition(operand)
            return { interpreter in !(try test(interpreter)) }
        case .literal, .interpolated, .name, .dollar, .list, .object, .function, .unary, .logical,
             .conditional, .range, .member, .index, .call:
            break
        }
        let value = try expression(expr)
        return { interpreter in try value(interpreter).isTruthy }
    }

    /// `x == "text"` and `x != "text"`, the usual test of a state or a name
    /// (`$0.State == "Failed"`): compared without evaluating the literal or calling the
    /// operator; anything but a string on the left takes the operator's path. Nil when the
    /// right operand is not a string literal.
    mutating func textComparison(_ left: Expr, _ right: Expr, equal: Bool, at where_: SourceLocation) throws -> Test? {
        guard case .literal(.string(let text), _) = right else { return nil }
        let l = try expression(left)
        return { interpreter in
            let a = try l(interpreter)
            if case .string(let x) = a { return (x == text) == equal }
            return try interpreter.binary(equal ? .equal : .notEqual, a, .string(text), at: where_).isTruthy
        }
    }

    private mutating func comparison<Comparison: IntegerComparison>(
        _: Comparison.Type, _ left: Expr, _ right: Expr, at where_: SourceLocation
    ) throws -> Test {
        let l = try expression(left), r = try expression(right)
        if let a = directOperand(left), let b = directOperand(right) {
            return { interpreter in
                if let x = a.integer(interpreter), let y = b.integer(interpreter) { return Comparison.holds(x, y) }
                return try interpreter.binary(Comparison.op, try l(interpreter), try r(interpreter), at: where_).isTruthy
            }
        }
        if let b = directOperand(right) {
            return { interpreter in
                let a = try l(interpreter)
                if case .int(let x) = a, let y = b.integer(interpreter) { return Comparison.holds(x, y) }
                return try interpreter.binary(Comparison.op, a, try r(interpreter), at: where_).isTruthy
            }
        }
        return { interpreter in
            let a = try l(interpreter), b = try r(interpreter)
            if case .int(let x) = a, case .int(let y) = b { return Comparison.holds(x, y) }
            return try interpreter.binary(Comparison.op, a, b, at: where_).isTruthy
        }
    }
}
