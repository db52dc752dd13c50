// The arguments of a builtin call, and the shared helpers that check them with one wording.

/// The arguments a builtin, method or host object receives.
///
/// Every check goes through these helpers so that every message reads the same way, after Lua's
/// `luaL_typeerror`: `bad argument #2 to 'take' (integer expected, got string)`.
public struct Arguments {
    /// The name errors mention: `take`, `json`, `Collection.find`.
    public let callee: String
    /// The argument values in call order, labelled ones included.
    public var values: [Value]
    /// The label of each value, or nil for a positional one; empty when no argument is labelled.
    public var labels: [String?]
    /// The interpreter making the call: for calling closures and reaching the host.
    public unowned(unsafe) let interpreter: Interpreter

    public init(callee: String, values: [Value], labels: [String?] = [], interpreter: Interpreter) {
        self.callee = callee
        self.values = values
        self.labels = labels
        self.interpreter = interpreter
    }

    public var count: Int { values.count }

    /// The label of argument `index`, if it has one.
    public func label(at index: Int) -> String? { labels.isEmpty ? nil : labels[index] }

    /// The values passed without labels, in order.
    public var positional: [Value] {
        // Not `compactMap { $1 == nil ? $0 : nil }`: `Value` is ExpressibleByNilLiteral, so that
        // `nil` would be `.null` and every labelled value would count as a positional nil.
        guard !labels.isEmpty else { return values }
        return zip(values, labels).filter { $0.1 == nil }.map(\.0)
    }

    // MARK: Errors

    /// `bad argument #N to 'callee' (detail)`, for argument `index` (0-based).
    public func badArgument(_ index: Int, _ detail: String) -> Diagnostic {
        Diagnostic(.argument, "bad argument #\(index + 1) to '\(callee)' (\(detail))")
    }

    /// `bad argument #N to 'callee' (expected expected, got type)`.
    public func typeError(_ index: Int, expected: String) -> Diagnostic {
        let got = index < values.count ? values[index].typeName : "no value"
        return badArgument(index, "\(expected) expected, got \(got)")
    }

    /// Checks the number of positional arguments and that every label is one of `labels`.
    public func expect(_ arity: ClosedRange<Int>, labels allowed: Set<String> = []) throws {
        for (index, label) in labels.enumerated() {
            if let label, !allowed.contains(label) {
                throw badArgument(index, Suggestion.appending(to: "unexpected label '\(label):'", forLabel: label, in: allowed))
            }
        }
        let positionalCount = labels.isEmpty ? values.count : labels.lazy.filter { $0 == nil }.count
        if positionalCount < arity.lowerBound {
            throw badArgument(positionalCount, "value expected")
        }
        if positionalCount > arity.upperBound {
            let expected = arity.upperBound == 0 ? "no arguments"
                : "at most \(arity.upperBound) argument\(arity.upperBound == 1 ? "" : "s")"
            throw Diagnostic(.argument, "too many arguments to '\(callee)' (expected \(expected), got \(positionalCount))")
        }
    }

    public func expect(_ count: Int, labels allowed: Set<String> = []) throws {
        try expect(count...count, labels: allowed)
    }

    // MARK: Positional arguments (index counts every argument, as written)

    public func value(_ index: Int) throws -> Value {
        guard index < values.count else { throw typeError(index, expected: "value") }
        return values[index]
    }

    public func string(_ index: Int) throws -> String {
        if index < values.count, case .string(let s) = values[index] { return s }
        throw typeError(index, expected: "string")
    }

    public func int(_ index: Int) throws -> Int {
        if index < values.count {
            switch values[index] {
            case .int(let i): return i
            case .float(let d) where d.rounded() == d && abs(d) < 9.2e18: return Int(d)
            default: break
            }
        }
        throw typeError(index, expected: "integer")
    }

    /// An integer or a float, as a Double.
    public func number(_ index: Int) throws -> Double {
        if index < values.count {
            switch values[index] {
            case .int(let i): return Double(i)
            case .float(let d): return d
            default: break
            }
        }
        throw typeError(index, expected: "number")
    }

    public func bool(_ index: Int) throws -> Bool {
        if index < values.count, case .bool(let b) = values[index] { return b }
        throw typeError(index, expected: "boolean")
    }

    public func list(_ index: Int) throws -> List {
        if index < values.count, case .list(let l) = values[index] { return l }
        throw typeError(index, expected: "list")
    }

    public func object(_ index: Int) throws -> Fields {
        if index < values.count, case .object(let o) = values[index] { return o }
        throw typeError(index, expected: "object")
    }

    /// A value that can be called: a function or a callable host object.
    public func function(_ index: Int) throws -> Value {
        if index < values.count {
            switch values[index] {
            case .function, .host: return values[index]
            default: break
            }
        }
        throw typeError(index, expected: "function")
    }

    /// The function at `index`, made ready for a builtin to call once per item.
    public func callable(_ index: Int) throws -> Callable {
        Callable(try function(index), in: interpreter)
    }

    // MARK: Labelled arguments

    /// The index of the argument labelled `label`, if it was passed.
    public func index(ofLabel label: String) -> Int? {
        labels.firstIndex { $0 == label }
    }

    /// The value labelled `label`, or nil when it was not passed.
    public func labelled(_ label: String) -> Value? {
        index(ofLabel: label).map { values[$0] }
    }

    public func bool(labelled label: String, default fallback: Bool) throws -> Bool {
        guard let index = index(ofLabel: label) else { return fallback }
        return try bool(index)
    }

    public func int(labelled label: String, default fallback: Int) throws -> Int {
        guard let index = index(ofLabel: label) else { return fallback }
        return try int(index)
    }

    public func string(labelled label: String) throws -> String? {
        guard let index = index(ofLabel: label) else { return nil }
        return try string(index)
    }

    // MARK: Calling back into the script

    /// Calls `function` with positional `arguments`: how builtins run closures such as `map { }`.
    public func call(_ function: Value, _ arguments: Value...) throws -> Value {
        switch arguments.count {
        case 1: return try interpreter.call(function, with: arguments[0])
        case 2: return try interpreter.call(function, with: arguments[0], arguments[1])
        default: return try interpreter.call(function, arguments)
        }
    }

    /// Calls `function` with one argument; no array is built on the way.
    public func call(_ function: Value, _ argument: Value) throws -> Value {
        try interpreter.call(function, with: argument)
    }

    /// Calls `function` with two arguments; no array is built on the way.
    public func call(_ function: Value, _ first: Value, _ second: Value) throws -> Value {
        try interpreter.call(function, with: first, second)
    }
}
