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
