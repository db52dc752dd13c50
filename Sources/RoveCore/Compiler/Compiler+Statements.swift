// Compiling loops, try/catch and assignment.

extension Compiler {
    /// while -> "while" expression block
    mutating func whileLoop(_ condition: Expr, _ body: [Stmt], at: Int) throws -> Exec {
        let test = try self.condition(condition)
        loopDepth += 1
        let run = try block(body)
        loopDepth -= 1
        let where_ = location(at)
        return { interpreter in
            while try test(interpreter) {
                try interpreter.checkpoint(at: where_)
                switch try run(interpreter) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                }
            }
            return .normal
        }
    }

    /// for -> "for" names "in" expression block
    mutating func forLoop(_ names: [String], _ sequence: Expr, _ body: [Stmt], at: Int) throws -> Exec {
        let where_ = location(at)
        // `for i in a..<b` counts without making a range value.
        var bounds: (Code, Code, Bool)? = nil
        if names.count == 1, case .range(let low, let high, let closed, _) = sequence {
            bounds = (try expression(low), try expression(high), closed)
        }
        let items = bounds == nil ? try expression(sequence) : nil
        scope.blocks.append([:])
        defer { scope.blocks.removeLast() }
        let variables = names.map { scope.declare($0, as: .loopVariable) }
        loopDepth += 1
        let run = try block(body)
        loopDepth -= 1
        let assign = variables.map { local in store(into: local, { interpreter in interpreter.loopItem }) }

        if let (low, high, closed) = bounds {
            let bindFirst = LoopVariable(variables[0])
            return { interpreter in
                let start = try Compiler.integerBound(try low(interpreter), at: where_)
                let bound = try Compiler.integerBound(try high(interpreter), at: where_)
                if closed ? bound < start : bound <= start { return .normal }
                // Count up to the last member itself, so `a...Int.max` never steps past it.
                let last = closed ? bound : bound - 1
                var n = start
                while true {
                    try interpreter.checkpoint(at: where_)
                    bindFirst.bind(.int(n), in: interpreter)
                    switch try run(interpreter) {
                    case .normal, .continueLoop: break
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    }
                    if n == last { return .normal }
                    n += 1
                }
            }
        }
        let sequenceCode = items!
        let count = names.count
        let bindFirst = LoopVariable(variables[0])
        return { interpreter in
            let sequence = try sequenceCode(interpreter)
            if count == 1, case .list(let items) = sequence {
                // A list (the common case) is walked by index: no iterator object and no
                // existential call per item. `items` is the loop's own copy, as the
                // iterator's was, so changing the variable inside the loop does not change it.
                var index = 0
                while index < items.count {
                    try interpreter.checkpoint(at: where_)
                    bindFirst.bind(items[index], in: interpreter)
                    switch try run(interpreter) {
                    case .normal, .continueLoop: break
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    }
                    index &+= 1
                }
                return .normal
            }
            let iterator = try interpreter.iterate(sequence, at: where_)
            while let item = try interpreter.next(of: iterator, at: where_) {
                try interpreter.checkpoint(at: where_)
                if count == 1 {
                    interpreter.loopItem = item
                    _ = try assign[0](interpreter)
                } else {
                    let parts = try interpreter.destructure(item, into: count, at: where_)
                    for index in 0..<count {
                        interpreter.loopItem = parts[index]
                        _ = try assign[index](interpreter)
                    }
                }
                switch try run(interpreter) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                }
            }
            return .normal
        }
    }

    /// Where a one-name loop puts each item: straight into its slot, or into a new box per
    /// iteration when closures capture it. What `store(into:)` does, without handing the item
    /// over through `loopItem` and a closure (and, out of an array, two reabstraction thunks).
    struct LoopVariable {
        let slot: Int
        let boxed: Bool

        init(_ local: FunctionScope.Local) {
            slot = local.slot
            boxed = local.boxed
        }

        @inline(__always)
        func bind(_ item: Value, in interpreter: Interpreter) {
            if boxed {
                interpreter.boxes[interpreter.base + slot] = Box(item)
            } else {
                interpreter.stack[interpreter.base + slot] = item
            }
        }
    }

    static func integerBound(_ value: Value, at location: SourceLocation) throws -> Int {
        guard case .int(let n) = value else {
            throw Diagnostic(.type, "range bounds must be integers, got \(value.typeName)", at: location)
        }
        return n
    }

    /// try -> "try" block "catch" IDENTIFIER? block
    mutating func tryStatement(_ body: [Stmt], _ errorName: String?, _ handler: [Stmt]) throws -> Exec {
        let protected = try block(body)
        scope.blocks.append([:])
        defer { scope.blocks.removeLast() }
        let bindError = errorName.map { store(into: scope.declare($0, as: .caughtError), { $0.loopItem }) }
        let recover = try block(handler)
        return { interpreter in
            do {
                return try protected(interpreter)
            } catch let error {
                let diagnostic = interpreter.locate(error, at: nil)
                // An interrupt or a limit stops the whole evaluation; scripts cannot swallow them.
                if diagnostic.kind.passesThroughCatch { throw diagnostic }
                if let bindError {
                    interpreter.loopItem = .host(ErrorValue(diagnostic))
                    _ = try bindError(interpreter)
                }
                return try recover(interpreter)
            }
        }
    }

    /// assignment -> target ("=" | op "=") expression
    mutating func assignment(_ target: Expr, _ op: BinaryOperator?, _ value: Expr, at: Int) throws -> Exec {
        let newValue = try expression(value)
        let place = try self.place(target)
        let where_ = location(at)
        if let op {
            // A path of variables, fields and integer indexes (`points[i].hits += d`) changes
            // in place: found after the value is computed, as the place would be.
            let address = writeAddress(target)
            // The target's path (and any index in it) is evaluated once, for the read and the write.
            return { interpreter in
                let operand = try newValue(interpreter)
                if let address, case .int(let y) = operand, let stored = address(interpreter),
                   case .int(let x) = stored.pointee, let result = Compiler.integerResult(op, x, y) {
                    stored.pointee = result
                    return .normal
                }
                _ = try place.modify(interpreter) { stored in
                    if case .int(let x) = stored, case .int(let y) = operand, let result = Compiler.integerResult(op, x, y) {
                        stored = result
                    } else {
                        stored = try interpreter.binary(op, stored, operand, at: where_)
                    }
                    return .null
                }
                return .normal
            }
        }
        // `x = value` on a variable stores directly; paths go through the place. The commonest
        // two, an unboxed local and a global, store without calling a second closure.
        if case .name(let name, _) = target {
            switch resolve(name) {
            case .local(let slot, let binding, false) where !binding.isConstant:
                return { interpreter in
                    interpreter.stack[interpreter.base + slot] = try newValue(interpreter)
                    return .normal
                }
            case .global(let box):
                let locals = box.isDefined ? [] : scope.visibleNames
                return { interpreter in
                    let value = try newValue(interpreter)
                    // The checks `variableStore` makes, in its order: after the value.
                    guard box.isDefined else { throw interpreter.undefinedName(name, locals: locals, at: where_) }
                    if box.isConstant {
                        throw Diagnostic(.immutable, "cannot change '\(name)': \(Binding.constant.immutableReason)", at: where_)
                    }
                    box.value = value
                    return .normal
                }
            case .local, .captured:
                break
            }
        }
        if case .name(let name, _) = target, let store = variableStore(name, at: where_) {
            return { interpreter in
                try store(interpreter, try newValue(interpreter))
                return .normal
            }
        }
        let address = writeAddress(target)
        return { interpreter in
            let value = try newValue(interpreter)
            if value.nesting == 0, let address, let stored = address(interpreter) {
                stored.pointee = value
                return .normal
            }
            try place.assign(interpreter, value)
            return .normal
        }
    }
}

extension Interpreter {
    /// A lazy iterator over anything `for` accepts.
    func iterate(_ value: Value, at location: SourceLocation) throws -> any HostIterator {
        switch value {
        case .list(let items): return SequenceIterator(items.makeIterator())
        case .object(let fields):
            return SequenceIterator(fields.lazy.map { Value.list([.string($0.key), $0.value]) }.makeIterator())
        case .string(let text): return SequenceIterator(text.lazy.map { Value.string(String($0)) }.makeIterator())
        case .host(let object):
            do {
                if let iterator = try object.makeIterator(in: self) { return iterator }
            } catch {
                throw locate(error, at: location)
            }
            throw Diagnostic(.type, "cannot iterate a value of type '\(object.typeName)'", at: location)
        case .null, .bool, .int, .float, .function:
            throw Diagnostic(.type, "cannot iterate a value of type '\(value.typeName)'", at: location)
        }
    }

    /// The iterator's next item; a failure while fetching it (a page a collection walk needed)
    /// is located at the loop, as the same failure through `.all` is at its call.
    @inline(__always)
    func next(of iterator: any HostIterator, at location: SourceLocation) throws -> Value? {
        do {
            return try iterator.next()
        } catch {
            throw locate(error, at: location)
        }
    }

    /// Splits `for (a, b) in` items: a list of exactly `count` values.
    func destructure(_ item: Value, into count: Int, at location: SourceLocation) throws -> List {
        guard case .list(let parts) = item, parts.count == count else {
            throw Diagnostic(.type, "cannot split \(repr(item).prefix(40)) into \(count) loop variables", at: location)
        }
        return parts
    }

    /// The error a `throw` statement raises for `value`.
    func thrown(_ value: Value, at location: SourceLocation) -> Diagnostic {
        switch value {
        case .string(let message):
            return Diagnostic(.thrown, message, at: location)
        case .host(let object as ErrorValue):
            return object.diagnostic  // rethrowing a caught error keeps its kind and origin
        case .object(let fields):
            var diagnostic = Diagnostic(.thrown, fields["message"].map(describe) ?? repr(value), at: location)
            diagnostic.value = value
            return diagnostic
        case .null, .bool, .int, .float, .list, .function, .host:
            var diagnostic = Diagnostic(.thrown, repr(value), at: location)
            diagnostic.value = value
            return diagnostic
        }
    }
}
