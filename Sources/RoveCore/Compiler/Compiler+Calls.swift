// Compiling calls: script functions take a fast path straight into a new frame; methods
// that change their receiver (`xs.append(x)`) are run on the variable in place.

extension Compiler {
    /// call -> callee "(" arguments ")" trailing-closure?
    mutating func call(_ callee: Expr, _ arguments: [Argument], optional: Bool, at where_: SourceLocation) throws -> Code {
        let argumentCodes = try arguments.map { CodeBox(try expression($0.value)) }
        let labels: [String?] = arguments.contains { $0.label != nil } ? arguments.map(\.label) : []
        if case .member(let object, let name, let memberOptional, _) = callee {
            return try methodCall(object, name, argumentCodes, labels: labels, optional: memberOptional || optional, at: where_)
        }
        let function = try expression(callee)
        let count = argumentCodes.count
        if labels.isEmpty, count == 1 {
            if case .name(let name, _) = callee, case .global(let box) = resolve(name) {
                return singleArgumentCall(global: box, function, argumentCodes[0].run, optional: optional, at: where_)
            }
            return singleArgumentCall(function, argumentCodes[0].run, optional: optional, at: where_)
        }
        return { interpreter in
            let calleeValue = try function(interpreter)
            if labels.isEmpty, case .function(let f) = calleeValue, f.simpleArity == count, let code = f.unretainedCode {
                // Arguments go straight into the new frame's parameter slots.
                return try code._withUnsafeGuaranteedRef { code in
                    try interpreter.enterNewFrame(for: code, captures: f.captures, at: where_) { frame in
                        for index in 0..<count { interpreter.stack[frame + index] = try argumentCodes[index].run(interpreter) }
                    }
                }
            }
            if optional, case .null = calleeValue { return .null }
            let values = try Compiler.evaluate(argumentCodes, interpreter)
            return try interpreter.callValue(calleeValue, values, labels: labels, at: where_)
        }
    }

    /// `f(x)` where `f` is a global (a script's functions, the builtins): the box is read in
    /// place, without the variable's closure; an undefined name goes through it for its error.
    func singleArgumentCall(global box: Box, _ function: @escaping Code, _ argument: @escaping Code, optional: Bool,
                            at where_: SourceLocation) -> Code {
        return { interpreter in
            // The function taken straight out of the box: one retain, not a copy of the `Value`
            // through its outlined copy and destroy.
            if box.isDefined, case .function(let f) = box.value {
                return try Compiler.call(f, withOneArgument: argument, at: where_, interpreter)
            }
            let calleeValue = box.isDefined ? box.value : try function(interpreter)
            return try Compiler.callWithOneArgument(calleeValue, argument, optional: optional, at: where_, interpreter)
        }
    }

    /// The most common call shape, `f(x)`, without arrays on the way into the frame.
    func singleArgumentCall(_ function: @escaping Code, _ argument: @escaping Code, optional: Bool,
                            at where_: SourceLocation) -> Code {
        return { interpreter in
            try Compiler.callWithOneArgument(try function(interpreter), argument, optional: optional, at: where_, interpreter)
        }
    }

    /// Calls `calleeValue` with the one argument `argument` evaluates (see `call(_:withOneArgument:)`).
    @inline(__always)
    static func callWithOneArgument(_ calleeValue: consuming Value, _ argument: Code, optional: Bool,
                                    at where_: SourceLocation, _ interpreter: Interpreter) throws -> Value {
        guard case .function(let f) = calleeValue else {
            if optional, case .null = calleeValue { return .null }
            return try interpreter.callValue(calleeValue, [try argument(interpreter)], labels: [], at: where_)
        }
        // Only `f` is used from here on, so it takes over the callee's reference: no copy.
        return try call(f, withOneArgument: argument, at: where_, interpreter)
    }

    /// Calls `f` with the one argument `argument` evaluates: a script function gets it straight
    /// in its new frame, a one-argument builtin directly; anything else the general way.
    @inline(__always)
    static func call(_ f: Function, withOneArgument argument: Code, at where_: SourceLocation,
                     _ interpreter: Interpreter) throws -> Value {
        if f.simpleArity == 1, let code = f.unretainedCode {
            return try code._withUnsafeGuaranteedRef { code in
                try interpreter.enterNewFrame(for: code, captures: f.captures, at: where_) { frame in
                    interpreter.stack[frame] = try argument(interpreter)
                }
            }
        }
        if let unary = f.unary {
            // A one-argument builtin (`len(p)`): what `callNative` does, without the arrays.
            let value = try argument(interpreter)
            do {
                let result = try unary(value, interpreter)
                try interpreter.checkNesting(of: result)
                return result
            } catch {
                throw interpreter.locate(error, at: where_)
            }
        }
        return try interpreter.callValue(.function(f), [try argument(interpreter)], labels: [], at: where_)
    }

    /// `target.name(values)` for a method that may change its receiver, the arguments already
    /// evaluated. One access to the variable decides and, for `append` and friends, changes it
    /// in place. Any other method leaves the access first: it may run script code.
    static func callInPlace(_ target: Place, _ name: String, _ values: [Value], labels: [String?], optional: Bool,
                            at where_: SourceLocation, _ interpreter: Interpreter) throws -> Value {
        var otherReceiver: Value? = nil
        let result = try target.access(interpreter, false) { stored in
            if optional, case .null = stored { return .null }
            guard let method = Methods.table(for: stored)?[name], case .mutating = method.body,
                  !stored.hasField(name) else {
                otherReceiver = stored
                return .null
            }
            if let reason = target.immutableReason(interpreter) {
                throw Diagnostic(.immutable, "cannot change '\(target.name)' with '\(name)': \(reason)", at: where_)
            }
            return try interpreter.callMember(inPlace: &stored, name, values, labels: labels, at: where_)
        }
        guard let otherReceiver else { return result }
        return try interpreter.callMember(otherReceiver, name, values, labels: labels, at: where_)
    }

    static func evaluate(_ codes: [CodeBox], _ interpreter: Interpreter) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(codes.count)
        for code in codes { values.append(try code.run(interpreter)) }
        return values
    }

    /// receiver.name(arguments)
    mutating func methodCall(_ object: Expr, _ name: String, _ argumentCodes: [CodeBox], labels: [String?],
                             optional: Bool, at where_: SourceLocation) throws -> Code {
        let receiver = try expression(object)
        if Methods.mutatingNames.contains(name), let target = try? place(object), !target.name.isEmpty {
            if name == "append", argumentCodes.count == 1, labels.isEmpty {
                return appendCall(target, writeAddress(object), argumentCodes[0].run, optional: optional, at: where_)
            }
            return { interpreter in
                let values = try Compiler.evaluate(argumentCodes, interpreter)
                return try Compiler.callInPlace(target, name, values, labels: labels, optional: optional,
                                                at: where_, interpreter)
            }
        }
        return { interpreter in
            let current = try receiver(interpreter)
            if optional, case .null = current { return .null }
            let values = try Compiler.evaluate(argumentCodes, interpreter)
            return try interpreter.callMember(current, name, values, labels: labels, at: where_)
        }
    }
}

extension Compiler {
    /// `xs.append(x)` on a variable: the call every list-building loop makes, run without the
    /// method table or an argument array when the variable holds a list. What it does is the
    /// `append` method's body (ListMethods.swift): room for the item against the memory limit,
    /// the item in place, the list's nesting checked; anything but a list takes the general path.
    /// A receiver with a write address (`xs`, `groups[i].items`) is appended to where it is.
    func appendCall(_ target: Place, _ address: Address?, _ argument: @escaping Code, optional: Bool,
                    at where_: SourceLocation) -> Code {
        return { interpreter in
            let item = try argument(interpreter)
            if let address, let place = address(interpreter), case .list = place.pointee {
                let list = Borrowing.list(at: place)
                do {
                    try interpreter.reserveRoom(in: list.pointee)
                    list.pointee.append(item)
                    if list.pointee.nesting > interpreter.budget.limits.nesting { try interpreter.checkNesting(of: place.pointee) }
                } catch {
                    throw interpreter.locate(error, at: where_)
                }
                return .null
            }
            var isList = false
            let result = try target.access(interpreter, false) { stored in
                guard case .list(var items) = stored else { return .null }
                isList = true
                if let reason = target.immutableReason(interpreter) {
                    throw Diagnostic(.immutable, "cannot change '\(target.name)' with 'append': \(reason)", at: where_)
                }
                // Drop the variable's reference so `items` is uniquely owned and grows in place.
                stored = .null
                do {
                    try interpreter.reserveRoom(in: items)
                } catch {
                    stored = .list(items)
                    throw interpreter.locate(error, at: where_)
                }
                items.append(item)
                stored = .list(items)
                if stored.nesting > interpreter.budget.limits.nesting {
                    do {
                        try interpreter.checkNesting(of: stored)
                    } catch {
                        throw interpreter.locate(error, at: where_)
                    }
                }
                return .null
            }
            if isList { return result }
            return try Compiler.callInPlace(target, "append", [item], labels: [], optional: optional,
                                            at: where_, interpreter)
        }
    }
}

extension Value {
    /// Whether this is an object with a field `name` (a field holding a function wins over a method).
    func hasField(_ name: String) -> Bool {
        if case .object(let fields) = self { return fields[name] != nil }
        return false
    }
}
