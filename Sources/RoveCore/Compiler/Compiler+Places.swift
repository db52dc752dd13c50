// Compiling assignment targets: variables, members and elements that can be changed in place.

/// Something that can be assigned or changed in place: `x`, `o.k`, `xs[i]`, `o.items[0].tags`.
///
/// Keys along the path are evaluated before any storage is touched, so script code never runs
/// while an inout access to a variable is open.
struct Place {
    /// The variable at the root of the path, for messages.
    let name: String
    /// Why the root cannot change, or nil when it can (checked at run time: globals may be
    /// redefined by later REPL lines).
    let immutableReason: (Interpreter) -> String?
    /// Runs `change` on the stored value in place and returns its result. With `enforcingLet`
    /// false, a `let` root is allowed through: the caller checks it once it knows whether the
    /// value will really change.
    let access: (Interpreter, _ enforcingLet: Bool, (inout Value) throws -> Value) throws -> Value
    /// Stores a new value without reading the old one, where reading could fail or cost: a
    /// host object's member may not exist yet (`resource.new_field = 1`). Nil to go through `access`.
    var store: ((Interpreter, Value) throws -> Void)?

    init(name: String, immutableReason: @escaping (Interpreter) -> String?,
         store: ((Interpreter, Value) throws -> Void)? = nil,
         access: @escaping (Interpreter, _ enforcingLet: Bool, (inout Value) throws -> Value) throws -> Value) {
        self.name = name
        self.immutableReason = immutableReason
        self.store = store
        self.access = access
    }

    func modify(_ interpreter: Interpreter, _ change: (inout Value) throws -> Value) throws -> Value {
        try access(interpreter, true, change)
    }

    func assign(_ interpreter: Interpreter, _ value: Value) throws {
        if let store { return try store(interpreter, value) }
        _ = try modify(interpreter) { stored in
            stored = value
            return .null
        }
    }
}

extension Compiler {
    /// The place `expr` names; expressions that are not variables are changed as temporaries.
    mutating func place(_ expr: Expr) throws -> Place {
        switch expr {
        case .name(let name, let at):
            return variablePlace(name, at: location(at))
        case .dollar(let n, let at):
            return variablePlace("$\(n)", at: location(at))
        case .member(let object, let name, _, let at):
            let parent = try place(object)
            let where_ = location(at)
            let cache = FieldCache()
            let store: (Interpreter, Value) throws -> Void = { interpreter, value in
                _ = try parent.access(interpreter, true) { target in
                    try interpreter.setMember(of: &target, name, to: value, at: where_, cache: cache)
                    try interpreter.checkNesting(of: target, at: where_)
                    return .null
                }
            }
            return Place(name: parent.name, immutableReason: parent.immutableReason, store: store) { interpreter, enforcingLet, change in
                try parent.access(interpreter, enforcingLet) { target in
                    switch target {
                    case .object:
                        let result = try interpreter.modifyMember(of: &target, name, at: where_, cache: cache, change)
                        try interpreter.checkNesting(of: target, at: where_)
                        return result
                    case .host:
                        var value = try interpreter.member(of: target, name, at: where_)
                        let result = try change(&value)
                        try interpreter.setMember(of: &target, name, to: value, at: where_)
                        return result
                    case .null, .bool, .int, .float, .string, .list, .function:
                        // Throws "cannot assign member ... of <type>".
                        try interpreter.setMember(of: &target, name, to: .null, at: where_)
                        return .null
                    }
                }
            }
        case .index(let object, let key, _, let at):
            let parent = try place(object)
            let keyCode = try expression(key)
            let where_ = location(at)
            return Place(name: parent.name, immutableReason: parent.immutableReason) { interpreter, enforcingLet, change in
                let key = try keyCode(interpreter)
                return try parent.access(interpreter, enforcingLet) { target in
                    let result = try interpreter.modifyElement(of: &target, at: key, location: where_, change)
                    try interpreter.checkNesting(of: target, at: where_)
                    return result
                }
            }
        case .literal, .interpolated, .list, .object, .function, .unary, .binary, .logical,
             .conditional, .range, .call:
            let value = try expression(expr)
            return Place(name: "", immutableReason: { _ in nil }) { interpreter, _, change in
                var temporary = try value(interpreter)
                return try change(&temporary)
            }
        }
    }

    private mutating func variablePlace(_ name: String, at where_: SourceLocation) -> Place {
        func immutable(_ reason: String) -> Diagnostic {
            Diagnostic(.immutable, "cannot change '\(name)': \(reason)", at: where_)
        }
        switch resolve(name) {
        case .local(let slot, let binding, let boxed):
            let reason = binding.isConstant ? binding.immutableReason : nil
            return Place(name: name, immutableReason: { _ in reason }) { interpreter, enforcingLet, change in
                if enforcingLet, let reason { throw immutable(reason) }
                if boxed { return try change(&interpreter.box(atSlot: slot).value) }
                return try change(&interpreter.stack[interpreter.base + slot])
            }
        case .captured(let index, let binding):
            let reason = binding.isConstant ? binding.immutableReason : nil
            return Place(name: name, immutableReason: { _ in reason }) { interpreter, enforcingLet, change in
                if enforcingLet, let reason { throw immutable(reason) }
                return try change(&interpreter.captures[index].value)
            }
        case .global(let box):
            let reason = Binding.constant.immutableReason
            let locals = box.isDefined ? [] : scope.visibleNames
            return Place(name: name, immutableReason: { _ in box.isConstant ? reason : nil }) { interpreter, enforcingLet, change in
                guard box.isDefined else { throw interpreter.undefinedName(name, locals: locals, at: where_) }
                if enforcingLet, box.isConstant { throw immutable(reason) }
                return try change(&box.value)
            }
        }
    }

    /// A direct store into the variable `name`, for plain assignment; nil when the binding
    /// cannot change (the place reports that error).
    mutating func variableStore(_ name: String, at where_: SourceLocation) -> ((Interpreter, Value) throws -> Void)? {
        switch resolve(name) {
        case .local(let slot, let binding, let boxed):
            guard !binding.isConstant else { return nil }
            if boxed { return { interpreter, value in interpreter.box(atSlot: slot).value = value } }
            return { interpreter, value in interpreter.stack[interpreter.base + slot] = value }
        case .captured(let index, let binding):
            guard !binding.isConstant else { return nil }
            return { interpreter, value in interpreter.captures[index].value = value }
        case .global(let box):
            let locals = box.isDefined ? [] : scope.visibleNames
            return { interpreter, value in
                guard box.isDefined else { throw interpreter.undefinedName(name, locals: locals, at: where_) }
                if box.isConstant {
                    throw Diagnostic(.immutable, "cannot change '\(name)': \(Binding.constant.immutableReason)", at: where_)
                }
                box.value = value
            }
        }
    }

    /// Finds where `name` lives from the current scope outwards.
    mutating func resolve(_ name: String) -> Resolution {
        if let local = scope.lookupLocal(name) {
            return .local(slot: local.slot, binding: local.binding, boxed: local.boxed)
        }
        if let captured = scope.resolveCapture(name) {
            return .captured(index: captured.index, binding: captured.binding)
        }
        return .global(interpreter.globalBox(for: name))
    }
}
