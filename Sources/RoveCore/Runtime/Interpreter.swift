// The interpreter: compiles source to closures and runs them on a value stack.

import Synchronization

/// Runs Rove programs. One interpreter serves the REPL, files, `-e`, stdin and embedding hosts;
/// globals persist across `run` calls, so a REPL session is a sequence of runs.
public final class Interpreter {
    /// Output, environment, clock and files: everything outside the language.
    public var host: Host
    /// Calls nested deeper than this raise a catchable `stack` error instead of crashing.
    public var maxCallDepth: Int = 1000

    // MARK: Machine state, used by compiled code

    /// Local variable slots of every active call; frames are windows starting at `base`.
    var stack: UnsafeMutablePointer<Value>
    /// Boxes of captured locals, indexed like `stack`.
    var boxes: UnsafeMutablePointer<Box?>
    let stackCapacity = 1 << 18
    /// Slots below this index have been initialized at least once.
    var initializedSlots = 0
    /// The first slot of the running function's frame.
    var base = 0
    /// The first free slot.
    var top = 0
    /// The captured variables of the running closure.
    var captures: [Box] = []
    /// The value a `return` statement left for its caller.
    var returnValue: Value = .null
    /// Current call depth, for the stack limit.
    var depth = 0
    /// The functions running, innermost last, for traces.
    var callStack: [(name: String, location: SourceLocation)] = []

    /// Global variables by slot; nil marks a name referenced but not (yet) defined.
    var globals: ContiguousArray<Value?> = []
    var globalIsConstant: [Bool] = []
    /// Global slot of each global name.
    var globalSlots: [String: Int] = [:]
    var globalNamesBySlot: [String] = []
    /// Files already imported, by path: each runs once.
    var importedFiles: Set<String> = []

    /// Set from any thread (a signal handler's watcher, a host) to stop the running evaluation.
    let interruptRequested = Atomic<Bool>(false)

    public init(host: Host = Host()) {
        self.host = host
        stack = .allocate(capacity: stackCapacity)
        boxes = .allocate(capacity: stackCapacity)
        Builtins.install(in: self)
    }

    deinit {
        stack.deinitialize(count: initializedSlots)
        boxes.deinitialize(count: initializedSlots)
        stack.deallocate()
        boxes.deallocate()
    }

    // MARK: Embedding API

    /// Compiles and runs `source`. Returns the value of the last statement when it is an
    /// expression (what the REPL and `-e` print), nil otherwise.
    ///
    /// - Throws: `Diagnostic` for syntax errors (kind `syntax` or `incomplete`) and uncaught
    ///   runtime errors, with a trace.
    @discardableResult
    public func run(_ source: String, file: String) throws -> Value? {
        try run(SourceFile(name: file, text: source))
    }

    @discardableResult
    public func run(_ file: SourceFile) throws -> Value? {
        let program = try Parser(file: file).parseProgram()
        let code = try Compiler(interpreter: self, file: file).compileProgram(program)
        interruptRequested.store(false, ordering: .relaxed)
        return try execute(code)
    }

    /// Checks `source` for syntax errors without running it.
    public func check(_ source: String, file: String) throws {
        _ = try Parser(file: SourceFile(name: file, text: source)).parseProgram()
    }

    /// Defines or replaces the global `name`: how hosts hand values (such as `octopus`) to scripts.
    public func define(_ name: String, as value: Value, constant: Bool = false) {
        let slot = globalSlot(for: name)
        globals[slot] = value
        globalIsConstant[slot] = constant
    }

    /// The value of global `name`, if it is defined.
    public func global(_ name: String) -> Value? {
        globalSlots[name].flatMap { globals[$0] }
    }

    /// The names of every defined global, for completion.
    public var globalNames: [String] {
        globalNamesBySlot.indices.compactMap { globals[$0] == nil ? nil : globalNamesBySlot[$0] }
    }

    /// Asks the running evaluation to stop with an `interrupted` error. Safe from any thread.
    public func interrupt() {
        interruptRequested.store(true, ordering: .relaxed)
    }

    /// Whether an interrupt is pending; long-running host work should poll this.
    public var isInterrupted: Bool { interruptRequested.load(ordering: .relaxed) }

    /// Calls a function value with positional (and optionally labelled) arguments.
    public func call(_ callee: Value, _ arguments: [Value], labels: [String?] = []) throws -> Value {
        try callValue(callee, arguments, labels: labels, at: nil)
    }

    // MARK: Globals

    func globalSlot(for name: String) -> Int {
        if let slot = globalSlots[name] { return slot }
        let slot = globals.count
        globals.append(nil)
        globalIsConstant.append(false)
        globalSlots[name] = slot
        globalNamesBySlot.append(name)
        return slot
    }
}
