// Compiling paths such as `p.x`, `xs[i].hits` and `doc.Items` to where their value is stored.

/// Where a path's value is stored, found without running script code and without failing:
/// nil whenever anything along the path is not as the fast path needs (an undefined global,
/// no such field, an index out of range, a `let` root when writing). The caller then takes
/// the general path, which evaluates the path again and reports what is wrong; since finding
/// an address has no effects, doing it twice changes nothing a script can see.
typealias Address = (Interpreter) -> UnsafeMutablePointer<Value>?

extension Compiler {
    /// The address of `expr` for reading its value in place, when it is a path of variables,
    /// fields and integer indexes. Only the final value needs copying.
    mutating func readAddress(_ expr: Expr) -> Address? {
        address(expr, forWriting: false)
    }

    /// The address of `expr` for changing it in place: every list and object along the path is
    /// made unique to it first, as `Place.modify` would, and a `let` root has none. Whoever
    /// stores through it must keep nesting counts right: storing a value of nesting 0 deepens nothing.
    mutating func writeAddress(_ expr: Expr) -> Address? {
        address(expr, forWriting: true)
    }

    /// path -> name | path "." name | path "[" directOperand "]"
    private mutating func address(_ expr: Expr, forWriting writing: Bool) -> Address? {
        switch expr {
        case .name(let name, _):
            return variableAddress(name, forWriting: writing)
        case .dollar(let n, _):
            return variableAddress("$\(n)", forWriting: writing)
        case .member(let object, let name, _, _):
            guard let parent = address(object, forWriting: writing) else { return nil }
            let cache = FieldCache()
            return { interpreter in
                guard let place = parent(interpreter) else { return nil }
                return Borrowing.field(name, ofObjectAt: place, cache: cache, unique: writing)
            }
        case .index(let object, let key, _, _):
            // Only keys that are read in place: anything else could run code or fail, and the
            // general path must then evaluate it once, in its order.
            guard let key = directOperand(key), let parent = address(object, forWriting: writing) else { return nil }
            return { interpreter in
                guard let index = key.integer(interpreter), let place = parent(interpreter) else { return nil }
                return Borrowing.item(index, ofListAt: place, unique: writing)
            }
        case .literal, .interpolated, .list, .object, .function, .unary, .binary, .logical,
             .conditional, .range, .call:
            return nil
        }
    }

    private mutating func variableAddress(_ name: String, forWriting writing: Bool) -> Address? {
        switch resolve(name) {
        case .local(let slot, let binding, let boxed):
            if writing && binding.isConstant { return nil }
            if boxed { return { interpreter in interpreter.box(atSlot: slot).valueAddress } }
            return { interpreter in interpreter.stack + (interpreter.base &+ slot) }
        case .captured(let index, let binding):
            if writing && binding.isConstant { return nil }
            return { interpreter in interpreter.captures[index].valueAddress }
        case .global(let box):
            // Globals can be redefined with `let` by later REPL lines: checked when it runs.
            if writing { return { _ in box.isDefined && !box.isConstant ? box.valueAddress : nil } }
            return { _ in box.isDefined ? box.valueAddress : nil }
        }
    }
}
