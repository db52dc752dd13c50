// Compile-time scopes: where each name lives (a stack slot, a captured box, or a global).

/// How a name was introduced: decides whether it may change, and how an error explains why not.
enum Binding {
    case constant, variable, parameter, loopVariable, caughtError

    var isConstant: Bool {
        switch self {
        case .variable: return false
        case .constant, .parameter, .loopVariable, .caughtError: return true
        }
    }

    /// Completes "cannot change 'x': ..." for a binding that cannot change.
    var immutableReason: String {
        switch self {
        case .constant, .variable: return "it is a 'let' binding; declare it with 'var'"
        case .parameter: return "it is a parameter; copy it into a 'var'"
        case .loopVariable: return "it is a loop variable; copy it into a 'var'"
        case .caughtError: return "it is a caught error; copy it into a 'var'"
        }
    }
}

/// Where a name resolves to.
enum Resolution {
    /// A slot in the current frame; `boxed` when a nested closure captures it.
    case local(slot: Int, binding: Binding, boxed: Bool)
    /// A variable captured from an enclosing function, by index into the closure's captures.
    case captured(index: Int, binding: Binding)
    case global(Box)
}

/// How a closure obtains one captured variable when it is created.
enum CaptureSource {
    /// The box of a local slot of the creating frame.
    case local(Int)
    /// One of the creating closure's own captures.
    case capture(Int)
}

/// The compile-time state of one function being compiled.
final class FunctionScope {
    struct Local {
        let slot: Int
        let binding: Binding
        let boxed: Bool
    }

    let parent: FunctionScope?
    /// True for a program's top level, whose outermost declarations are globals.
    let isProgram: Bool
    /// Names referenced by closures nested in this function: locals with these names are boxed.
    let capturedNames: Set<String>
    /// Block scopes, innermost last.
    var blocks: [[String: Local]] = [[:]]
    var slotCount = 0
    /// Whether any local declared here is boxed.
    var hasBoxedLocals = false
    var captures: [CaptureSource] = []
    var captureIndex: [String: (index: Int, binding: Binding)] = [:]

    init(parent: FunctionScope?, isProgram: Bool, capturedNames: Set<String>) {
        self.parent = parent
        self.isProgram = isProgram
        self.capturedNames = capturedNames
    }

    /// Whether a declaration here defines a global: the outermost block of a program.
    var declaresGlobals: Bool { isProgram && blocks.count == 1 }

    func declare(_ name: String, as binding: Binding) -> Local {
        let local = Local(slot: slotCount, binding: binding, boxed: capturedNames.contains(name))
        if local.boxed { hasBoxedLocals = true }
        slotCount += 1
        blocks[blocks.count - 1][name] = local
        return local
    }

    func lookupLocal(_ name: String) -> Local? {
        for block in blocks.reversed() {
            if let local = block[name] { return local }
        }
        return nil
    }

    /// Every local a reference here could name, in this function and the enclosing ones: the
    /// candidates "did you mean" offers for an undefined name, beside the globals. `$0`-style
    /// parameters are left out; nobody misspells them.
    var visibleNames: [String] {
        var names: [String] = []
        var function: FunctionScope? = self
        while let current = function {
            for block in current.blocks { names += block.keys.filter { !$0.hasPrefix("$") } }
            function = current.parent
        }
        return names
    }

    /// Finds `name` in this function or an enclosing one, adding captures along the way.
    func resolveCapture(_ name: String) -> (index: Int, binding: Binding)? {
        if let existing = captureIndex[name] { return existing }
        guard let parent else { return nil }
        let source: CaptureSource
        let binding: Binding
        if let local = parent.lookupLocal(name) {
            guard local.boxed else { return nil }
            source = .local(local.slot)
            binding = local.binding
        } else if let outer = parent.resolveCapture(name) {
            source = .capture(outer.index)
            binding = outer.binding
        } else {
            return nil
        }
        captures.append(source)
        let entry = (index: captures.count - 1, binding: binding)
        captureIndex[name] = entry
        return entry
    }
}

/// The names a function's nested closures refer to, so the function knows which locals to box.
enum CaptureAnalysis {
    /// Every name referenced inside closures nested (at any depth) in `statements`.
    static func namesCaptured(by statements: [Stmt]) -> Set<String> {
        var names = Set<String>()
        for statement in statements { visit(statement, insideClosure: false, into: &names) }
        return names
    }

    private static func visit(_ statement: Stmt, insideClosure: Bool, into names: inout Set<String>) {
        func expr(_ e: Expr) { visit(e, insideClosure: insideClosure, into: &names) }
        func body(_ list: [Stmt]) { for s in list { visit(s, insideClosure: insideClosure, into: &names) } }
        switch statement {
        case .expression(let e): expr(e)
        case .binding(_, _, let value, _): if let value { expr(value) }
        case .function(let declaration): visitFunction(declaration, into: &names)
        case .assign(let target, _, let value, _): expr(target); expr(value)
        case .if(let condition, let thenBranch, let elseBranch, _):
            expr(condition); body(thenBranch); if let elseBranch { body(elseBranch) }
        case .while(let condition, let loop, _): expr(condition); body(loop)
        case .for(_, let sequence, let loop, _): expr(sequence); body(loop)
        case .return(let value, _): if let value { expr(value) }
        case .throw(let value, _): expr(value)
        case .try(let tryBody, _, let handler, _): body(tryBody); body(handler)
        case .break, .continue, .import: break
        }
    }

    private static func visitFunction(_ declaration: FunctionDecl, into names: inout Set<String>) {
        // A nested function captures by name whatever it mentions, and may mention itself.
        names.insert(declaration.name)
        for parameter in declaration.parameters {
            if let value = parameter.defaultValue { visit(value, insideClosure: true, into: &names) }
        }
        for statement in declaration.body { visit(statement, insideClosure: true, into: &names) }
    }

    private static func visit(_ expression: Expr, insideClosure: Bool, into names: inout Set<String>) {
        func expr(_ e: Expr) { visit(e, insideClosure: insideClosure, into: &names) }
        switch expression {
        case .literal: break
        case .name(let name, _): if insideClosure { names.insert(name) }
        case .dollar(let n, _): if insideClosure { names.insert("$\(n)") }
        case .interpolated(let parts, _):
            for case .expression(let e) in parts { expr(e) }
        case .list(let items, _): items.forEach(expr)
        case .object(let entries, _): entries.forEach { expr($0.value) }
        case .function(let declaration): visitFunction(declaration, into: &names)
        case .unary(_, let operand, _): expr(operand)
        case .binary(let l, _, let r, _), .logical(let l, _, let r, _), .range(let l, let r, _, _): expr(l); expr(r)
        case .conditional(let c, let t, let e, _): expr(c); expr(t); expr(e)
        case .member(let object, _, _, _): expr(object)
        case .index(let object, let key, _, _): expr(object); expr(key)
        case .call(let callee, let arguments, _, _): expr(callee); arguments.forEach { expr($0.value) }
        }
    }
}
