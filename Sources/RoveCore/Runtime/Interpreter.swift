// The interpreter: compiles source to closures and runs them on a value stack.

import Synchronization

/// The last serial number given to an interpreter.
private let interpreterSerials = Atomic<Int>(0)

/// Runs Rove programs. One interpreter serves the REPL, files, `-e`, stdin and embedding hosts;
/// globals persist across `run` calls, so a REPL session is a sequence of runs.
public final class Interpreter {
    /// Output, environment, clock and files: everything outside the language.
    @exclusivity(unchecked) public var host: Host
    /// What scripts may touch: files, imports, environment, new connections, write methods.
    /// Deny by default: a host opens what its scripts need (`rove` starts `.unrestricted`).
    @exclusivity(unchecked) public var policy: Policy = .sandboxed
    /// What each run may spend (time, steps, memory, call depth) unless `run(_:limits:)` says
    /// otherwise.
    @exclusivity(unchecked) public var limits = Limits()
    /// How many secrets scripts have made (`secret(...)`, `env` of a secret variable): a host
    /// compares it before and after a run to know whether the run handled one.
    @exclusivity(unchecked) public internal(set) var secretsMade = 0
    /// Told the text of every secret a script makes, before any use of it: the providers
    /// register it with their redactor, so an error excerpt quoting `secret("…")` or a server
    /// echoing it shows `•••` even when it was never sent.
    @exclusivity(unchecked) public var secretMade: ((String) -> Void)?
    /// Where the host-object method running now was called from (`resource.save()`,
    /// `octopus.post(…)`), for hosts that say which line of a script caused a request: the
    /// providers' audit journal. Nil outside such a call.
    public internal(set) var hostCallSite: SourceLocation?

    // MARK: Machine state, used by compiled code

    /// Local variable slots of every active call; frames are windows starting at `base`.
    let stack: UnsafeMutablePointer<Value>
    /// Boxes of captured locals, indexed like `stack`.
    let boxes: UnsafeMutablePointer<Box?>
    let stackCapacity = 1 << 18
    /// Slots below this index have been initialized at least once.
    @exclusivity(unchecked) var initializedSlots = 0
    /// The first slot of the running function's frame.
    @exclusivity(unchecked) var base = 0
    /// The first free slot.
    @exclusivity(unchecked) var top = 0
    /// The captured variables of the running closure.
    @exclusivity(unchecked) var captures: [Box] = []
    /// The value a `return` statement left for its caller.
    @exclusivity(unchecked) var returnValue: Value = .null
    /// Current call depth, for the stack limit.
    @exclusivity(unchecked) var depth = 0
    /// Counts down to the checkpoint's next review of the limits.
    @exclusivity(unchecked) var stepsUntilReview = Int.max
    /// What the current run has spent and may spend.
    @exclusivity(unchecked) var budget: RunBudget
    /// Whether a run is under way: a host function calling back into the interpreter spends
    /// the run's budget rather than starting a new one.
    @exclusivity(unchecked) var isRunning = false
    /// Counts runs, so what host code keeps per run (the providers' request count) knows when a
    /// new one has started.
    @exclusivity(unchecked) public internal(set) var runNumber = 0

    /// Global variables by name. Compiled code holds the boxes themselves, so reading a global
    /// costs no lookup; a box of a name used before it is defined has `isDefined == false`.
    @exclusivity(unchecked) var globals: [String: Box] = [:]
    /// The last result of a program, for the REPL and `-e`.
    @exclusivity(unchecked) var lastResult: Value?
    /// Hands a loop item, or a caught error, to the code that stores it in its variable.
    @exclusivity(unchecked) var loopItem: Value = .null
    /// Files already imported, by path: each runs once.
    @exclusivity(unchecked) var importedFiles: Set<String> = []
    /// What `import "std/<name>"` reads, by name: the language's own files and those a host
    /// bundled (`bundle(library:source:)`).
    @exclusivity(unchecked) var bundledLibraries = BundledSources.files

    /// Tells interpreters apart for the programs they compile, even one made at the address of
    /// another that is gone.
    let serial = interpreterSerials.add(1, ordering: .relaxed).newValue

    /// Stops the running evaluation from any thread (a signal handler's watcher, a host).
    public let interruptHandle = InterruptHandle()

    public init(host: Host = Host()) {
        self.host = host
        budget = RunBudget(limits: Limits(), host: host)
        stack = .allocate(capacity: stackCapacity)
        boxes = .allocate(capacity: stackCapacity)
        ShortStrings.enableIfLayoutHolds()
        Builtins.install(in: self)
        loadPrelude()
    }

    /// Runs stdlib/prelude.rove, compiled into the binary; its definitions become globals.
    private func loadPrelude() {
        guard let text = BundledSources.files["prelude.rove"] else { return }
        do {
            try run(SourceFile(name: "std/prelude.rove", text: text, isBundled: true))
        } catch {
            preconditionFailure("the bundled prelude failed: \(error)")
        }
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

    /// Runs a program this interpreter compiled (`compile(_:file:)`), without parsing or
    /// compiling it again, under `limits`, or the interpreter's own `limits` when nil. Returns
    /// what `run(_:file:)` returns.
    ///
    /// - Throws: `Diagnostic`: uncaught runtime errors, with a trace; a `value` error when
    ///   another interpreter compiled `program`.
    @discardableResult
    public func run(_ program: Program, limits: Limits? = nil) throws -> Value? {
        guard program.belongs(to: self) else { throw foreignProgram(program) }
        // A pending interrupt is not cleared here: one a host asked for just before `run`
        // stops this run at its first loop or call, never lost.
        return try spending(limits ?? self.limits) {
            do {
                return try execute(program.code)
            } catch let stopped as Diagnostic where stopped.kind == .interrupted {
                // Whoever noticed the stop (a loop, an HTTP wait, a sleep), a limit's stop ends
                // the run as that limit.
                guard let limit = limitBehind(stopped) else { throw stopped }
                throw limit
            }
        }
    }

    /// Checks `source` for syntax errors without running it.
    public func check(_ source: String, file: String) throws {
        var parser = Parser(file: SourceFile(name: file, text: source))
        _ = try parser.parseProgram()
    }

    /// Defines or replaces the global `name`: how hosts hand values (such as `octopus`) to scripts.
    public func define(_ name: String, as value: Value, constant: Bool = false) {
        let box = globalBox(for: name)
        box.value = value
        box.isDefined = true
        box.isConstant = constant
    }

    /// The value of global `name`, if it is defined.
    public func global(_ name: String) -> Value? {
        globals[name].flatMap { $0.isDefined ? $0.value : nil }
    }

    /// The names of every defined global, for completion.
    public var globalNames: [String] {
        globals.filter { $0.value.isDefined }.keys.sorted()
    }

    /// Asks the running evaluation to stop with an `interrupted` error. Safe from any thread.
    public func interrupt() {
        interruptHandle.interrupt()
    }

    /// Whether an interrupt is pending; long-running host work should poll this.
    public var isInterrupted: Bool { interruptHandle.isInterrupted }

    /// Calls a function value with positional (and optionally labelled) arguments.
    public func call(_ callee: Value, _ arguments: [Value], labels: [String?] = []) throws -> Value {
        try spending(limits) { try callValue(callee, arguments, labels: labels, at: nil) }
    }

    /// Calls `callee` with one argument without building an array.
    public func call(_ callee: Value, with argument: Value) throws -> Value {
        try Callable(callee, in: self)(argument)
    }

    /// Calls `callee` with two arguments without building an array.
    public func call(_ callee: Value, with first: Value, _ second: Value) throws -> Value {
        try Callable(callee, in: self)(first, second)
    }

    // MARK: Globals

    func globalBox(for name: String) -> Box {
        if let box = globals[name] { return box }
        let box = Box(.null, isDefined: false)
        globals[name] = box
        return box
    }
}
