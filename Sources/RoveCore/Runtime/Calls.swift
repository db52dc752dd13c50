// Calling functions: frames on the value stack, argument matching, depth limit and traces.

extension Interpreter {
    /// Calls `callee` with evaluated arguments; the general path used by builtins and hosts.
    func callValue(_ callee: Value, _ arguments: [Value], labels: [String?], at location: SourceLocation?) throws -> Value {
        switch callee {
        case .function(let function):
            switch function.body {
            case .script(let code, let captures):
                let frame = try pushFrame(for: code, at: location)
                do {
                    try bind(arguments, labels: labels, to: code, frame: frame, at: location)
                } catch {
                    popFrame(at: frame)
                    throw error
                }
                return try enter(code, captures: captures, frame: frame, at: location)
            case .native(let body):
                let args = Arguments(callee: function.name, values: arguments, labels: labels, interpreter: self)
                return try callNative(body, args, at: location)
            case .bound(let receiver, let method):
                let args = Arguments(callee: method.name, values: arguments, labels: labels, interpreter: self)
                return try callMethod(method, on: receiver, args, at: location)
            }
        case .host(let object):
            let args = Arguments(callee: object.typeName, values: arguments, labels: labels, interpreter: self)
            do {
                return try object.call(with: args)
            } catch {
                throw locate(error, at: location)
            }
        case .null, .bool, .int, .float, .string, .list, .object:
            throw Diagnostic(.type, "cannot call a value of type '\(callee.typeName)'", at: location)
        }
    }

    /// Runs a builtin, giving its errors the call site's location.
    @inline(__always)
    func callNative(_ body: (Arguments) throws -> Value, _ args: Arguments, at location: SourceLocation?) throws -> Value {
        do {
            let result = try body(args)
            try checkNesting(of: result)
            return result
        } catch {
            throw locate(error, at: location)
        }
    }

    func callMethod(_ method: Method, on receiver: Value, _ args: Arguments, at location: SourceLocation?) throws -> Value {
        do {
            switch method.body {
            case .reading(let body):
                let result = try body(receiver, args)
                try checkNesting(of: result)
                return result
            case .mutating:
                // The change would be lost: the receiver is not stored anywhere.
                throw Diagnostic(.immutable, "cannot \(method.name) on a temporary value; store it in a 'var' first")
            }
        } catch {
            throw locate(error, at: location)
        }
    }

    /// Turns any error into a located Diagnostic.
    func locate(_ error: any Error, at location: SourceLocation?) -> Diagnostic {
        if let diagnostic = error as? Diagnostic {
            guard let location else { return diagnostic }
            return diagnostic.located(at: location)
        }
        return Diagnostic(.value, String(describing: error), at: location)
    }

    // MARK: Frames

    /// Reserves a frame for `function` on the value stack and returns its base.
    @inline(__always)
    func pushFrame(for function: CompiledFunction, at location: SourceLocation?) throws -> Int {
        let frame = top
        let newTop = frame + function.slotCount
        if depth >= budget.limits.callDepth || newTop > stackCapacity {
            throw Diagnostic(.stack, "stack overflow: calls nested more than \(budget.limits.callDepth) deep", at: location)
        }
        if newTop > initializedSlots { initializeSlots(upTo: newTop) }
        top = newTop
        return frame
    }

    func initializeSlots(upTo end: Int) {
        (stack + initializedSlots).initialize(repeating: .null, count: end - initializedSlots)
        (boxes + initializedSlots).initialize(repeating: nil, count: end - initializedSlots)
        initializedSlots = end
    }

    /// Releases the values of a frame and drops it.
    @inline(__always)
    func popFrame(at frame: Int, clearingBoxes: Bool = true) {
        var slot = frame
        while slot < top {
            let place = stack + slot
            switch place.pointee {
            case .null, .bool, .int, .float:
                // Nothing to release: overwritten in place, without the outlined destroy call.
                place.initialize(to: .null)
            case .string, .list, .object, .function, .host:
                place.pointee = .null
            }
            if clearingBoxes { boxes[slot] = nil }
            slot += 1
        }
        top = frame
    }

    /// Runs `code` in a new frame whose parameters `bind` stores, given the frame: the fast
    /// path of every call whose arguments go straight into their slots.
    @inline(__always)
    func enterNewFrame(for code: CompiledFunction, captures: [Box], at location: SourceLocation?,
                       binding bind: (_ frame: Int) throws -> Void) throws -> Value {
        let frame = try pushFrame(for: code, at: location)
        do {
            try bind(frame)
        } catch {
            popFrame(at: frame)
            throw error
        }
        return try enter(code, captures: captures, frame: frame, at: location)
    }

    /// Runs `function` in the frame at `frame`, whose parameters are already bound.
    @inline(__always)
    func enter(_ function: CompiledFunction, captures: [Box], frame: Int, at location: SourceLocation?) throws -> Value {
        let savedBase = base
        // Most calls capture nothing on either side; skip the array swap (two retains) then.
        let swapsCaptures = !captures.isEmpty || !self.captures.isEmpty
        let savedCaptures = swapsCaptures ? self.captures : []
        base = frame
        if swapsCaptures { self.captures = captures }
        depth += 1
        defer {
            depth -= 1
            popFrame(at: frame, clearingBoxes: function.hasBoxedLocals)
            base = savedBase
            if swapsCaptures { self.captures = savedCaptures }
        }
        try checkpoint(at: location)
        do {
            return try function.run(self)
        } catch let diagnostic as Diagnostic {
            throw unwinding(diagnostic, from: function, calledAt: location)
        }
    }

    /// The error leaving `function`, with the function recorded in its trace. Out of `enter`,
    /// so the rare path does not make every call's native frame larger.
    @inline(never)
    private func unwinding(_ error: Diagnostic, from function: CompiledFunction, calledAt location: SourceLocation?) -> Diagnostic {
        var diagnostic = error
        // Functions of the bundled library act like builtins: their errors point at the call.
        if function.location.file.isBundled, let location, !location.file.isBundled,
           diagnostic.location?.file.isBundled ?? true {
            diagnostic.location = location
            diagnostic.trace.removeAll()
            diagnostic.unwindSite = location
            return diagnostic
        }
        // Record this function in the trace, then continue unwinding from the call site.
        if let here = diagnostic.unwindSite ?? diagnostic.location, diagnostic.kind != .interrupted {
            diagnostic.record(TraceFrame(function: function.name, location: here))
        }
        diagnostic.unwindSite = location
        return diagnostic
    }

    // MARK: Argument matching

    /// Stores `arguments` into the parameter slots of `frame`, matching labels and filling defaults.
    func bind(_ arguments: [Value], labels: [String?], to function: CompiledFunction, frame: Int,
              at location: SourceLocation?) throws {
        let parameters = function.parameters
        if function.isSimple && labels.isEmpty {
            if arguments.count != parameters.count && !function.isClosure {
                throw argumentCountError(function, got: arguments.count, at: location)
            }
            for index in 0..<min(arguments.count, parameters.count) { stack[frame + index] = arguments[index] }
            return
        }
        var filled = [Bool](repeating: false, count: parameters.count)
        var nextPositional = 0
        for (index, argument) in arguments.enumerated() {
            let label = labels.isEmpty ? nil : labels[index]
            if let label {
                guard let slot = parameters.firstIndex(where: { $0.label == label }) else {
                    let message = "'\(function.name)' has no parameter labelled '\(label):'"
                    throw Diagnostic(.argument, Suggestion.appending(to: message, forLabel: label,
                                                                     in: parameters.compactMap(\.label)), at: location)
                }
                if filled[slot] { throw Diagnostic(.argument, "argument '\(label):' given twice to '\(function.name)'", at: location) }
                stack[frame + slot] = argument
                filled[slot] = true
            } else {
                while nextPositional < parameters.count, parameters[nextPositional].label != nil { nextPositional += 1 }
                guard nextPositional < parameters.count else {
                    if function.isClosure { continue }
                    // An extra positional argument usually means a label was left out.
                    if let missing = parameters.indices.first(where: { !filled[$0] && parameters[$0].label != nil && parameters[$0].defaultValue == nil }) {
                        throw Diagnostic(.argument, "missing argument label '\(parameters[missing].label!):' in call to '\(function.name)'", at: location)
                    }
                    throw argumentCountError(function, got: arguments.count, at: location)
                }
                stack[frame + nextPositional] = argument
                filled[nextPositional] = true
                nextPositional += 1
            }
        }
        for (slot, parameter) in parameters.enumerated() where !filled[slot] {
            if let defaultValue = parameter.defaultValue {
                // Defaults are evaluated in the callee's frame, so they can use earlier parameters.
                let savedBase = base
                base = frame
                defer { base = savedBase }
                stack[frame + slot] = try defaultValue(self)
            } else if !function.isClosure {
                let shown = parameter.label.map { "'\($0):'" } ?? "'\(parameter.name)'"
                throw Diagnostic(.argument, "missing argument \(shown) in call to '\(function.name)'", at: location)
            }
        }
    }

    func argumentCountError(_ function: CompiledFunction, got count: Int, at location: SourceLocation?) -> Diagnostic {
        let expected = function.parameters.filter { $0.label == nil }.count
        let plural = expected == 1 ? "" : "s"
        return Diagnostic(.argument,
            "'\(function.name)' takes \(expected) argument\(plural) but was given \(count)", at: location)
    }
}

extension Interpreter {
    /// The box of a captured local in the running frame, made on demand if the declaration has
    /// not run (a closure can only see declared names, so this is a safety net, not a path).
    func box(atSlot slot: Int) -> Box {
        let index = base + slot
        if let box = boxes[index] { return box }
        let box = Box(stack[index])
        boxes[index] = box
        return box
    }
}
