// The compiler: resolves every name to a slot, box or global, and turns the syntax tree into
// closures that run without looking anything up (statements here, expressions in the extensions).

/// Compiles one source file's syntax tree for an interpreter.
struct Compiler {
    unowned let interpreter: Interpreter
    let file: SourceFile
    var scope: FunctionScope
    /// Nesting of loops in the current function, so `break` outside one is a syntax error.
    var loopDepth = 0

    init(interpreter: Interpreter, file: SourceFile) {
        self.interpreter = interpreter
        self.file = file
        self.scope = FunctionScope(parent: nil, isProgram: true, capturedNames: [])
    }

    func location(_ offset: Int) -> SourceLocation { SourceLocation(file: file, offset: offset) }

    /// Compiles a whole program into a function whose frame holds its block-scoped locals.
    /// The value of a final expression statement is left in `interpreter.lastResult`.
    mutating func compileProgram(_ statements: [Stmt]) throws -> CompiledFunction {
        scope = FunctionScope(parent: nil, isProgram: true, capturedNames: CaptureAnalysis.namesCaptured(by: statements))
        // Top-level functions are defined first, so a script may call one declared further down.
        let hoisted = statements.filter { if case .function = $0 { return true } else { return false } }
        let rest = statements.filter { if case .function = $0 { return false } else { return true } }
        let code = try hoisted.map { ExecBox(try statement($0)) }
        let body = sequence(code + (try bodyStatements(rest) { interpreter, value in
            interpreter.lastResult = value
            return .normal
        }))
        return CompiledFunction(name: "main", parameters: [], isClosure: false, location: location(0), body: body,
                                slotCount: scope.slotCount)
    }

    /// Compiles a body whose final expression statement, if any, is its result: `finish`
    /// receives that value (a program's result for the REPL, a function's return value).
    mutating func bodyStatements(_ list: [Stmt], finish: @escaping (Interpreter, Value) -> Flow) throws -> [ExecBox] {
        try list.enumerated().map { index, statement in
            if index == list.count - 1, case .expression(let expr) = statement {
                let value = try expression(expr)
                return ExecBox { interpreter in finish(interpreter, try value(interpreter)) }
            }
            return ExecBox(try self.statement(statement))
        }
    }

    // MARK: Statements

    mutating func statement(_ statement: Stmt) throws -> Exec {
        switch statement {
        case .expression(let expr):
            let value = try expression(expr)
            return { interpreter in _ = try value(interpreter); return .normal }
        case .binding(let name, let isConstant, let value, let at):
            let code = try value.map { try expression($0) } ?? { _ in .null }
            return declare(name, as: isConstant ? .constant : .variable, at: at, value: code)
        case .function(let declaration):
            if scope.declaresGlobals {
                let make = try function(declaration)
                return declare(declaration.name, as: .variable, at: declaration.offset, value: make)
            }
            // Declared before its body is compiled, so a local function can call itself.
            let local = scope.declare(declaration.name, as: .variable)
            let make = try function(declaration)
            return store(into: local, make)
        case .assign(let target, let op, let value, let at):
            return try assignment(target, op, value, at: at)
        case .if(let condition, let thenBranch, let elseBranch, _):
            let test = try self.condition(condition)
            let whenTrue = try block(thenBranch)
            guard let elseBranch else {
                return { interpreter in try test(interpreter) ? try whenTrue(interpreter) : .normal }
            }
            let whenFalse = try block(elseBranch)
            return { interpreter in try test(interpreter) ? try whenTrue(interpreter) : try whenFalse(interpreter) }
        case .while(let condition, let body, let at):
            return try whileLoop(condition, body, at: at)
        case .for(let names, let sequence, let body, let at):
            return try forLoop(names, sequence, body, at: at)
        case .break(let at):
            guard loopDepth > 0 else { throw Diagnostic.syntax("'break' outside a loop", at: location(at)) }
            return { _ in .breakLoop }
        case .continue(let at):
            guard loopDepth > 0 else { throw Diagnostic.syntax("'continue' outside a loop", at: location(at)) }
            return { _ in .continueLoop }
        case .return(let value, let at):
            guard scope.parent != nil || !scope.isProgram else {
                throw Diagnostic.syntax("'return' outside a function", at: location(at))
            }
            guard let value else { return { _ in .returned } }
            let code = try expression(value)
            return { interpreter in
                interpreter.returnValue = try code(interpreter)
                return .returned
            }
        case .throw(let value, let at):
            let code = try expression(value)
            let where_ = location(at)
            return { interpreter in throw interpreter.thrown(try code(interpreter), at: where_) }
        case .try(let body, let errorName, let handler, _):
            return try tryStatement(body, errorName, handler)
        case .import(let path, let at):
            let where_ = location(at)
            return { interpreter in
                try interpreter.importFile(path, at: where_)
                return .normal
            }
        }
    }

    /// Compiles a block in a new scope.
    mutating func block(_ statements: [Stmt]) throws -> Exec {
        scope.blocks.append([:])
        defer { scope.blocks.removeLast() }
        return sequence(try statements.map { ExecBox(try statement($0)) })
    }

    /// Runs statements in order until one leaves by `break`, `continue` or `return`.
    func sequence(_ code: [ExecBox]) -> Exec {
        switch code.count {
        case 0: return { _ in .normal }
        case 1: return code[0].run
        case 2:
            let first = code[0].run, second = code[1].run
            return { interpreter in
                let flow = try first(interpreter)
                if case .normal = flow { return try second(interpreter) }
                return flow
            }
        case 3:
            let first = code[0].run, second = code[1].run, third = code[2].run
            return { interpreter in
                var flow = try first(interpreter)
                guard case .normal = flow else { return flow }
                flow = try second(interpreter)
                guard case .normal = flow else { return flow }
                return try third(interpreter)
            }
        default:
            return { interpreter in
                for statement in code {
                    let flow = try statement.run(interpreter)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    /// The body as one expression, when it is only guards and returns:
    /// `if n < 2 { return n }; return fib(n - 1) + fib(n - 2)` becomes `n < 2 ? n : ...`.
    /// Such a call then evaluates one expression, with no statements, `Flow` or `returnValue`.
    mutating func returnedExpression(_ statements: [Stmt]) throws -> Code? {
        guard let first = statements.first else { return nil }
        switch first {
        case .return(let value?, _) where statements.count == 1:
            return try expression(value)
        case .expression(let value) where statements.count == 1:
            return try expression(value)
        case .if(let condition, let thenBranch, let elseBranch, _):
            let rest = elseBranch ?? Array(statements.dropFirst())
            guard elseBranch == nil || statements.count == 1,
                  let whenTrue = try returnedExpression(thenBranch), endsInReturn(thenBranch),
                  let whenFalse = try returnedExpression(rest) else { return nil }
            let test = try self.condition(condition)
            return { interpreter in try test(interpreter) ? try whenTrue(interpreter) : try whenFalse(interpreter) }
        default:
            return nil
        }
    }

    /// Whether `statements` always leave by `return` (a guard's branch must not fall through).
    private func endsInReturn(_ statements: [Stmt]) -> Bool {
        guard let last = statements.last else { return false }
        switch last {
        case .return: return true
        case .if(_, let thenBranch, let elseBranch?, _): return endsInReturn(thenBranch) && endsInReturn(elseBranch)
        default: return false
        }
    }

    // MARK: Declarations

    /// `let`/`var`/`fn` at `at`: a global at a program's top level, otherwise a new local.
    mutating func declare(_ name: String, as binding: Binding, at: Int, value: @escaping Code) -> Exec {
        if scope.declaresGlobals {
            let box = interpreter.globalBox(for: name)
            return { interpreter in
                box.value = try value(interpreter)
                box.isDefined = true
                box.isConstant = binding.isConstant
                return .normal
            }
        }
        // The value is compiled before the name is declared: `let x = x + 1` reads the outer x.
        return store(into: scope.declare(name, as: binding), value)
    }

    /// Initialises a freshly declared local; a boxed one gets a new box each time, so each loop
    /// iteration's closures capture their own variable.
    func store(into local: FunctionScope.Local, _ value: @escaping Code) -> Exec {
        let slot = local.slot
        if local.boxed {
            return { interpreter in
                let box = Box(.null)
                interpreter.boxes[interpreter.base + slot] = box
                box.value = try value(interpreter)
                return .normal
            }
        }
        return { interpreter in
            interpreter.stack[interpreter.base + slot] = try value(interpreter)
            return .normal
        }
    }

    /// Compiles a function declaration or closure into code that creates the function value.
    mutating func function(_ declaration: FunctionDecl) throws -> Code {
        let defaults = declaration.parameters.compactMap { $0.defaultValue.map(Stmt.expression) }
        let captured = CaptureAnalysis.namesCaptured(by: defaults + declaration.body)
        let inner = FunctionScope(parent: scope, isProgram: false, capturedNames: captured)
        let outerScope = scope, outerLoops = loopDepth
        scope = inner
        loopDepth = 0
        defer { scope = outerScope; loopDepth = outerLoops }

        var parameters: [CompiledFunction.Parameter] = []
        var prologue: [ExecBox] = []
        for parameter in declaration.parameters {
            let local = inner.declare(parameter.name, as: .parameter)
            let defaultValue = try parameter.defaultValue.map { try expression($0) }
            parameters.append(.init(label: parameter.label, name: parameter.name, defaultValue: defaultValue))
            if local.boxed {
                let slot = local.slot
                prologue.append(ExecBox { interpreter in
                    let index = interpreter.base + slot
                    interpreter.boxes[index] = Box(interpreter.stack[index])
                    return .normal
                })
            }
        }
        // A function returns its last expression statement's value when it has no `return`.
        let body = sequence(prologue + (try bodyStatements(declaration.body) { interpreter, value in
            interpreter.returnValue = value
            return .returned
        }))
        let slotCount = inner.slotCount, hasBoxedLocals = inner.hasBoxedLocals
        let expressionBody = prologue.isEmpty ? try returnedExpression(declaration.body) : nil
        let compiled = CompiledFunction(name: declaration.name, parameters: parameters, isClosure: declaration.isClosure,
                                        location: location(declaration.offset), body: body,
                                        expressionBody: expressionBody, slotCount: slotCount,
                                        hasBoxedLocals: hasBoxedLocals)
        let sources = inner.captures
        let name = declaration.name
        if sources.isEmpty {
            return { _ in .function(Function(name: name, body: .script(compiled, captures: []))) }
        }
        return { interpreter in
            let captures = sources.map { source -> Box in
                switch source {
                case .local(let slot): return interpreter.box(atSlot: slot)
                case .capture(let index): return interpreter.captures[index]
                }
            }
            return .function(Function(name: name, body: .script(compiled, captures: captures)))
        }
    }
}
