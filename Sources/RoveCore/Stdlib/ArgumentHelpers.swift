// Argument helpers the stdlib tables share, beyond the core ones in Runtime/Arguments.swift.

extension Arguments {
    /// Checks arity like `expect(_:labels:)`, and also that each of `required` labels was passed.
    ///
    /// A required label that is missing is reported at the position it belongs to, so that
    /// `xs.insert(1, 0)` reads `bad argument #2 to 'insert' (label 'at:' expected)` rather than
    /// complaining about the argument count.
    public func expect(_ arity: ClosedRange<Int>, required: [String], optional: Set<String> = []) throws {
        for (offset, label) in required.enumerated() where index(ofLabel: label) == nil {
            throw badArgument(arity.upperBound + offset, "label '\(label):' expected")
        }
        try expect(arity, labels: optional.union(required))
    }

    /// The value labelled `label`; call after `expect(_:required:)` has checked it is there.
    public func value(labelled label: String) throws -> Value {
        guard let index = index(ofLabel: label) else {
            throw Diagnostic(.argument, "missing argument '\(label):' to '\(callee)'")
        }
        return values[index]
    }

    /// The integer labelled `label`, which must be present.
    public func int(labelled label: String) throws -> Int {
        guard let index = index(ofLabel: label) else {
            throw Diagnostic(.argument, "missing argument '\(label):' to '\(callee)'")
        }
        return try int(index)
    }

    /// The string labelled `label`, which must be present.
    public func requiredString(labelled label: String) throws -> String {
        guard let index = index(ofLabel: label) else {
            throw Diagnostic(.argument, "missing argument '\(label):' to '\(callee)'")
        }
        return try string(index)
    }

    /// An integer that must not be negative, such as a count for `take(n)`.
    public func nonNegativeInt(_ index: Int) throws -> Int {
        let n = try int(index)
        guard n >= 0 else { throw badArgument(index, "non-negative integer expected, got \(n)") }
        return n
    }

    /// The function at `index`, or nil when fewer arguments were passed: for optional closures
    /// such as `xs.count { pred }` beside plain `xs.count`.
    public func optionalFunction(_ index: Int) throws -> Value? {
        guard index < positional.count else { return nil }
        return try function(index)
    }

    /// `optionalFunction(index)`, made ready for a builtin to call once per item.
    public func optionalCallable(_ index: Int) throws -> Callable? {
        try optionalFunction(index).map { Callable($0, in: interpreter) }
    }

    /// Calls `function` with `item` and reports whether the result is truthy: predicates.
    @inline(__always)
    func test(_ function: Value, _ item: Value) throws -> Bool {
        try interpreter.call(function, with: item).isTruthy
    }
}
