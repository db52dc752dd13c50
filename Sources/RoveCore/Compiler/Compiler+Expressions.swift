// Compiling expressions into closures, with integer fast paths for the common operators.

import OrderedCollections

extension Compiler {
    mutating func expression(_ expr: Expr) throws -> Code {
        switch expr {
        case .literal(let value, _):
            return { _ in value }
        case .interpolated(let parts, _):
            let pieces: [InterpolationPiece] = try parts.map { part in
                switch part {
                case .text(let text): return .text(text)
                case .expression(let e): return .code(CodeBox(try expression(e)))
                }
            }
            return Interpolation.code(pieces)
        case .name(let name, let at):
            return variable(name, at: location(at))
        case .dollar(let n, let at):
            return variable("$\(n)", at: location(at))
        case .list(let items, let at):
            let fill = try self.fill(items[...]), count = items.count
            let where_ = location(at)
            return { interpreter in
                var items = [Value](repeating: .null, count: count)
                try items.withUnsafeMutableBufferPointer { buffer in
                    if let values = buffer.baseAddress { try fill(interpreter, values) }
                }
                let list = Value.list(List(items))
                try interpreter.checkNesting(of: list, at: where_)
                return list
            }
        case .object(let entries, let at):
            // The keys are known now: every object this literal makes shares them (and their
            // hash table), and only the values are filled in.
            let keys = OrderedSet(entries.map(\.key))
            let fill = try self.fill(entries.map(\.value)[...])
            let where_ = location(at)
            return { interpreter in
                let fields = try Fields(sharing: keys) { values in try fill(interpreter, values) }
                let object = Value.object(fields)
                try interpreter.checkNesting(of: object, at: where_)
                return object
            }
        case .function(let declaration):
            return try function(declaration)
        case .unary(let op, let operand, let at):
            let value = try expression(operand)
            let where_ = location(at)
            switch op {
            case .not: return { interpreter in .bool(!(try value(interpreter).isTruthy)) }
            case .negate:
                return { interpreter in
                    switch try value(interpreter) {
                    case .int(let i) where i != Int.min: return .int(-i)
                    case .float(let d): return .float(-d)
                    case let other:
                        if case .int = other { throw Diagnostic(.value, "integer overflow in '-'", at: where_) }
                        throw Diagnostic(.type, "cannot negate \(other.typeName)", at: where_)
                    }
                }
            }
        case .binary(let left, let op, let right, let at):
            return try binary(left, op, right, at: location(at))
        case .logical(let left, let op, let right, _):
            switch op {
            case .and, .or:
                // The operands as conditions: `$0.State == "Failed" && …` makes one Value, not three.
                let test = try condition(expr)
                return { interpreter in .bool(try test(interpreter)) }
            case .coalesce:
                let l = try expression(left), r = try expression(right)
                return { interpreter in
                    let value = try l(interpreter)
                    if case .null = value { return try r(interpreter) }
                    return value
                }
            }
        case .conditional(let condition, let whenTrue, let whenFalse, _):
            let test = try self.condition(condition), yes = try expression(whenTrue), no = try expression(whenFalse)
            return { interpreter in try test(interpreter) ? try yes(interpreter) : try no(interpreter) }
        case .range(let low, let high, let closed, let at):
            let l = try expression(low), h = try expression(high)
            let where_ = location(at)
            return { interpreter in
                let lower = try Compiler.integerBound(try l(interpreter), at: where_)
                let upper = try Compiler.integerBound(try h(interpreter), at: where_)
                return .host(RangeValue(lower: lower, upper: upper, isClosed: closed))
            }
        case .member(let object, let name, let optional, let at):
            let value = try expression(object)
            let where_ = location(at)
            let cache = FieldCache()
            // `p.x`, `xs[i].x`, `doc.Items`: the object is read where it is stored and only
            // the field's value is copied out, not the object and the lists above it. Anything
            // else takes the general path, so errors and their locations are unchanged.
            if let address = readAddress(object) {
                return { interpreter in
                    if let place = address(interpreter),
                       let found = Borrowing.fieldValue(name, ofObjectAt: place, cache: cache) {
                        return found
                    }
                    let target = try value(interpreter)
                    if optional, case .null = target { return .null }
                    return try interpreter.member(of: target, name, at: where_)
                }
            }
            return { interpreter in
                let target = try value(interpreter)
                guard case .object(let fields) = target else {
                    if optional, case .null = target { return .null }
                    return try interpreter.member(of: target, name, at: where_)
                }
                // Only `fields` is used from here on, so it takes over the reference (no
                // retain); a missing field reads as nil, as `member(of:)` has it.
                return fields.value(forKey: name, cache: cache) ?? .null
            }
        case .index(let object, let key, let optional, let at):
            let value = try expression(object), keyCode = try expression(key)
            let where_ = location(at)
            if let address = readAddress(expr) {
                return { interpreter in
                    if let place = address(interpreter) { return place.pointee }
                    let target = try value(interpreter)
                    if optional, case .null = target { return .null }
                    return try interpreter.element(of: target, at: try keyCode(interpreter), location: where_)
                }
            }
            return { interpreter in
                let target = try value(interpreter)
                if optional, case .null = target { return .null }
                let key = try keyCode(interpreter)
                if case .list(let items) = target, case .int(let i) = key, i >= 0, i < items.count { return items[i] }
                return try interpreter.element(of: target, at: key, location: where_)
            }
        case .call(let callee, let arguments, let optional, let at):
            return try call(callee, arguments, optional: optional, at: location(at))
        }
    }

    /// Reads a variable from wherever it lives.
    mutating func variable(_ name: String, at where_: SourceLocation) -> Code {
        switch resolve(name) {
        case .local(let slot, _, let boxed):
            if boxed { return { interpreter in interpreter.box(atSlot: slot).value } }
            return { interpreter in interpreter.stack[interpreter.base + slot] }
        case .captured(let index, _):
            return { interpreter in interpreter.captures[index].value }
        case .global(let box):
            // A name undefined now may be defined by the time this runs; if not, the error
            // suggests among the locals in scope here as well as the globals.
            let locals = box.isDefined ? [] : scope.visibleNames
            return { interpreter in
                if box.isDefined { return box.value }
                throw interpreter.undefinedName(name, locals: locals, at: where_)
            }
        }
    }

    /// Binary operators, with the integer cases inline.
    mutating func binary(_ left: Expr, _ op: BinaryOperator, _ right: Expr, at where_: SourceLocation) throws -> Code {
        if op == .equal || op == .notEqual, let test = try textComparison(left, right, equal: op == .equal, at: where_) {
            return { interpreter in .bool(try test(interpreter)) }
        }
        let l = try expression(left), r = try expression(right)
        switch op {
        case .add: return integerFastPath(IntegerAdd.self, l, r, left, right, at: where_)
        case .subtract: return integerFastPath(IntegerSubtract.self, l, r, left, right, at: where_)
        case .multiply: return integerFastPath(IntegerMultiply.self, l, r, left, right, at: where_)
        case .divide: return integerFastPath(IntegerDivide.self, l, r, left, right, at: where_)
        case .remainder: return integerFastPath(IntegerRemainder.self, l, r, left, right, at: where_)
        case .less: return integerFastPath(IntegerLess.self, l, r, left, right, at: where_)
        case .lessEqual: return integerFastPath(IntegerLessEqual.self, l, r, left, right, at: where_)
        case .greater: return integerFastPath(IntegerGreater.self, l, r, left, right, at: where_)
        case .greaterEqual: return integerFastPath(IntegerGreaterEqual.self, l, r, left, right, at: where_)
        case .equal: return integerFastPath(IntegerEqual.self, l, r, left, right, at: where_)
        case .notEqual: return integerFastPath(IntegerNotEqual.self, l, r, left, right, at: where_)
        case .contains:
            return { interpreter in
                try interpreter.binary(op, try l(interpreter), try r(interpreter), at: where_)
            }
        }
    }

    /// An operator whose integer case runs inline; generic so each one is specialised and
    /// inlined, with a variant for an integer literal on the right (`n - 1`, `i % 3`).
    private mutating func integerFastPath<Operation: IntegerOperation>(
        _: Operation.Type, _ l: @escaping Code, _ r: @escaping Code, _ left: Expr, _ right: Expr, at where_: SourceLocation
    ) -> Code {
        // Both operands read in place (`n < 2`, `acc * 31`, `i % 3`): no closure calls at all.
        if let a = directOperand(left), let b = directOperand(right) {
            return { interpreter in
                if let x = a.integer(interpreter), let y = b.integer(interpreter), let result = Operation.apply(x, y) {
                    return result
                }
                return try interpreter.binary(Operation.op, try l(interpreter), try r(interpreter), at: where_)
            }
        }
        if let b = directOperand(right) {
            return { interpreter in
                let a = try l(interpreter)
                if case .int(let x) = a, let y = b.integer(interpreter), let result = Operation.apply(x, y) { return result }
                return try interpreter.binary(Operation.op, a, try r(interpreter), at: where_)
            }
        }
        if let a = directOperand(left) {
            return { interpreter in
                if let x = a.integer(interpreter) {
                    let b = try r(interpreter)
                    if case .int(let y) = b, let result = Operation.apply(x, y) { return result }
                    return try interpreter.binary(Operation.op, .int(x), b, at: where_)
                }
                let a = try l(interpreter)
                return try interpreter.binary(Operation.op, a, try r(interpreter), at: where_)
            }
        }
        if case .literal(.int(let k), _) = right {
            return { interpreter in
                let a = try l(interpreter)
                if case .int(let x) = a, let result = Operation.apply(x, k) { return result }
                return try interpreter.binary(Operation.op, a, .int(k), at: where_)
            }
        }
        return { interpreter in
            let a = try l(interpreter), b = try r(interpreter)
            if case .int(let x) = a, case .int(let y) = b, let result = Operation.apply(x, y) { return result }
            return try interpreter.binary(Operation.op, a, b, at: where_)
        }
    }
}

extension Compiler {
    /// The operand as a `DirectOperand` when the integer fast path can read it in place.
    mutating func directOperand(_ expr: Expr) -> DirectOperand? {
        switch expr {
        case .literal(.int(let k), _):
            return .literal(k)
        case .name(let name, _):
            return directOperand(named: name)
        case .dollar(let n, _):
            return directOperand(named: "$\(n)")
        case .literal, .interpolated, .list, .object, .function, .unary, .binary, .logical,
             .conditional, .range, .member, .index, .call:
            return nil
        }
    }

    private mutating func directOperand(named name: String) -> DirectOperand? {
        switch resolve(name) {
        case .local(let slot, _, let boxed): return boxed ? nil : .local(slot: slot)
        case .global(let box): return .global(box)
        case .captured: return nil
        }
    }
}

extension Interpreter {
    /// The general path of every binary operator, with errors located at the operator.
    func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, at location: SourceLocation) throws -> Value {
        // Comparing two strings for equality (`$0.State == "Failed"`) is the commonest case
        // that reaches here; it cannot fail, so it skips the operator table.
        if case .string(let x) = left, case .string(let y) = right {
            switch op {
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            case .add, .subtract, .multiply, .divide, .remainder, .less, .lessEqual, .greater, .greaterEqual,
                 .contains:
                break
            }
        }
        do {
            return try Operators.binary(op, left, right, interpreter: self)
        } catch {
            throw locate(error, at: location)
        }
    }
}

/// Evaluates a literal's items, in order, into consecutive initialized values.
typealias Fill = (Interpreter, UnsafeMutablePointer<Value>) throws -> Void

extension Compiler {
    /// The items compiled into nested closures of up to four items each, not into an array of
    /// boxes: calling a closure held by the running closure's context costs no retain, taking
    /// one out of an array retains and releases it, and a closure stored in an array (or passed
    /// through a generic) is called through a reabstraction thunk.
    mutating func fill(_ items: ArraySlice<Expr>) throws -> Fill {
        let start = items.startIndex
        switch items.count {
        case 0:
            return { _, _ in }
        case 1:
            let a = try expression(items[start])
            return { interpreter, values in values[0] = try a(interpreter) }
        case 2:
            let a = try expression(items[start]), b = try expression(items[start + 1])
            return { interpreter, values in
                values[0] = try a(interpreter)
                values[1] = try b(interpreter)
            }
        case 3:
            let a = try expression(items[start]), b = try expression(items[start + 1])
            let c = try expression(items[start + 2])
            return { interpreter, values in
                values[0] = try a(interpreter)
                values[1] = try b(interpreter)
                values[2] = try c(interpreter)
            }
        default:
            let a = try expression(items[start]), b = try expression(items[start + 1])
            let c = try expression(items[start + 2]), d = try expression(items[start + 3])
            if items.count == 4 {
                return { interpreter, values in
                    values[0] = try a(interpreter)
                    values[1] = try b(interpreter)
                    values[2] = try c(interpreter)
                    values[3] = try d(interpreter)
                }
            }
            // Not an optional closure: calling one goes through a reabstraction thunk.
            let rest = try fill(items.dropFirst(4))
            return { interpreter, values in
                values[0] = try a(interpreter)
                values[1] = try b(interpreter)
                values[2] = try c(interpreter)
                values[3] = try d(interpreter)
                try rest(interpreter, values + 4)
            }
        }
    }
}
