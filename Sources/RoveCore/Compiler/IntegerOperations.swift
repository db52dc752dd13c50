// The integer cases of the arithmetic and comparison operators, inlined into compiled code.

/// The integer case of a binary operator: nil sends the operands down the general path
/// (overflow, division by zero), which reports the error.
protocol IntegerOperation {
    static var op: BinaryOperator { get }
    static func apply(_ x: Int, _ y: Int) -> Value?
}

enum IntegerAdd: IntegerOperation {
    static let op = BinaryOperator.add
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? {
        let (result, overflow) = x.addingReportingOverflow(y)
        return overflow ? nil : .int(result)
    }
}

enum IntegerSubtract: IntegerOperation {
    static let op = BinaryOperator.subtract
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? {
        let (result, overflow) = x.subtractingReportingOverflow(y)
        return overflow ? nil : .int(result)
    }
}

enum IntegerMultiply: IntegerOperation {
    static let op = BinaryOperator.multiply
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? {
        let (result, overflow) = x.multipliedReportingOverflow(by: y)
        return overflow ? nil : .int(result)
    }
}

enum IntegerDivide: IntegerOperation {
    static let op = BinaryOperator.divide
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? {
        y == 0 || (x == .min && y == -1) ? nil : .int(x / y)
    }
}

enum IntegerRemainder: IntegerOperation {
    static let op = BinaryOperator.remainder
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? {
        y == 0 || (x == .min && y == -1) ? nil : .int(x % y)
    }
}

enum IntegerLess: IntegerOperation {
    static let op = BinaryOperator.less
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? { .bool(x < y) }
}

enum IntegerLessEqual: IntegerOperation {
    static let op = BinaryOperator.lessEqual
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? { .bool(x <= y) }
}

enum IntegerGreater: IntegerOperation {
    static let op = BinaryOperator.greater
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? { .bool(x > y) }
}

enum IntegerGreaterEqual: IntegerOperation {
    static let op = BinaryOperator.greaterEqual
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? { .bool(x >= y) }
}

enum IntegerEqual: IntegerOperation {
    static let op = BinaryOperator.equal
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? { .bool(x == y) }
}

enum IntegerNotEqual: IntegerOperation {
    static let op = BinaryOperator.notEqual
    @inline(__always) static func apply(_ x: Int, _ y: Int) -> Value? { .bool(x != y) }
}

/// An operand the integer fast path reads where it lives instead of calling its closure: an
/// unboxed local's slot, a global's box, an integer literal. Reading it copies no `Value`, so
/// `n - 1` or `acc * 31` costs no closure call, retain or release for the variable.
enum DirectOperand {
    case local(slot: Int)
    case global(Box)
    case literal(Int)

    /// The operand's integer, or nil when it holds something else (or, for a global, is not
    /// defined yet): the caller then takes the general path, which evaluates the operand's
    /// closure and reports what is wrong.
    @inline(__always)
    func integer(_ interpreter: Interpreter) -> Int? {
        switch self {
        case .local(let slot):
            if case .int(let x) = interpreter.stack[interpreter.base &+ slot] { return x }
            return nil
        case .global(let box):
            if box.isDefined, case .int(let x) = box.value { return x }
            return nil
        case .literal(let k):
            return k
        }
    }
}

extension Compiler {
    /// The integer case of a compound assignment (`n += 1`, `total -= d`): nil sends it down
    /// the general path, as for the operators.
    @inline(__always)
    static func integerResult(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Value? {
        switch op {
        case .add: return IntegerAdd.apply(x, y)
        case .subtract: return IntegerSubtract.apply(x, y)
        case .multiply: return IntegerMultiply.apply(x, y)
        case .divide: return IntegerDivide.apply(x, y)
        case .remainder: return IntegerRemainder.apply(x, y)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .contains: return nil
        }
    }
}
