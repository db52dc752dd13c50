// The arithmetic, comparison and membership operators on values (the slow, general paths;
// compiled code handles integer fast paths inline).

enum Operators {
    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, interpreter: Interpreter) throws -> Value {
        switch op {
        case .add: return try add(left, right, interpreter: interpreter)
        case .subtract, .multiply, .divide, .remainder: return try arithmetic(op, left, right)
        case .equal: return .bool(left == right)
        case .notEqual: return .bool(left != right)
        case .less: return .bool(try compare(left, right, op) < 0)
        case .lessEqual: return .bool(try compare(left, right, op) <= 0)
        case .greater: return .bool(try compare(left, right, op) > 0)
        case .greaterEqual: return .bool(try compare(left, right, op) >= 0)
        case .contains: return .bool(try contains(right, left, interpreter: interpreter))
        }
    }

    static func add(_ left: Value, _ right: Value, interpreter: Interpreter) throws -> Value {
        switch (left, right) {
        case let (.int(a), .int(b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            if overflow { throw overflowError("+") }
            return .int(sum)
        case let (.string(a), .string(b)):
            // `s = s + s` doubles: the memory limit looks before the copy, not after.
            try interpreter.reserveMemory(a.utf8.count + b.utf8.count)
            return .string(a + b)
        case let (.list(a), .list(b)):
            try interpreter.reserveMemory((a.count + b.count) * MemoryLayout<Value>.stride)
            return .list(a + b)
        case let (.object(a), .object(b)):
            var merged = a
            for (key, value) in b { merged[key] = value }
            return .object(merged)
        case (.string, _), (_, .string):
            throw Diagnostic(.type, "cannot add \(left.typeName) and \(right.typeName); use interpolation: \"\\(x)\"")
        default:
            return try arithmetic(.add, left, right)
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        switch (left, right) {
        case let (.int(a), .int(b)):
            let result: (partialValue: Int, overflow: Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            case .divide, .remainder:
                if b == 0 { throw Diagnostic(.value, "division by zero") }
                result = op == .divide ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains:
                preconditionFailure("not arithmetic")
            }
            if result.overflow { throw overflowError(op.symbol) }
            return .int(result.partialValue)
        case (.int, .float), (.float, .int), (.float, .float):
            let a = number(left)!, b = number(right)!
            switch op {
            case .add: return .float(a + b)
            case .subtract: return .float(a - b)
            case .multiply: return .float(a * b)
            case .divide: return .float(a / b)
            case .remainder: return .float(a.truncatingRemainder(dividingBy: b))
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains:
                preconditionFailure("not arithmetic")
            }
        default:
            throw Diagnostic(.type, "cannot apply '\(op.symbol)' to \(left.typeName) and \(right.typeName)")
        }
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .null, .bool, .string, .list, .object, .function, .host: return nil
        }
    }

    static func overflowError(_ symbol: String) -> Diagnostic {
        Diagnostic(.value, "integer overflow in '\(symbol)'")
    }

    /// Orders numbers with numbers, strings with strings and lists element by element (the
    /// order `sort()` uses); anything else is a type error naming the operator.
    static func compare(_ left: Value, _ right: Value, _ op: BinaryOperator) throws -> Int {
        do {
            return try ValueOrdering.compare(left, right)
        } catch {
            throw Diagnostic(.type, "cannot compare \(left.typeName) and \(right.typeName) with '\(op.symbol)'")
        }
    }

    /// `needle in container`: list elements, object keys, substrings, range members, host items.
    static func contains(_ container: Value, _ needle: Value, interpreter: Interpreter) throws -> Bool {
        switch container {
        case .list(let items):
            try interpreter.checkpoint(walking: items.count, at: nil)
            return items.contains(needle)
        case .object(let fields):
            guard case .string(let key) = needle else { return false }
            return fields[key] != nil
        case .string(let text):
            guard case .string(let part) = needle else {
                throw Diagnostic(.type, "'in' needs a string on the left when the right is a string, got \(needle.typeName)")
            }
            return part.isEmpty || text.contains(part)
        case .host(let object):
            if let answer = try object.contains(needle, in: interpreter) { return answer }
            guard let iterator = try object.makeIterator(in: interpreter) else {
                throw Diagnostic(.type, "'in' cannot search a value of type '\(object.typeName)'")
            }
            while let item = try iterator.next() {
                try interpreter.checkpoint(at: nil)
                if item == needle { return true }
            }
            return false
        case .null, .bool, .int, .float, .function:
            throw Diagnostic(.type, "'in' cannot search a value of type '\(container.typeName)'")
        }
    }
}
