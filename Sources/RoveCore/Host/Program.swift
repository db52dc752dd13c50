// Compile once, run many: a host checks a script once and runs it for every ticket, request or tick.

/// Source text parsed and compiled for one interpreter, ready to run any number of times without
/// being parsed or compiled again.
///
/// A program belongs to the interpreter that compiled it: its code holds that interpreter's
/// global variables themselves (so reading a global costs no lookup), and means nothing to
/// another interpreter. Running it on another is an error, never a crash. Not `Sendable`: like
/// its interpreter, it stays on the thread that runs it.
///
/// ```swift
/// let program = try interpreter.compile(text, file: "gate.rove")
/// for ticket in tickets {
///     interpreter.define("ticket", as: try Value(encoding: ticket))
///     let verdict = try interpreter.run(program)
/// }
/// ```
public struct Program {
    /// The source it was compiled from: what its diagnostics point at.
    public let file: SourceFile
    /// The compiled top level; each run executes it in a fresh frame.
    let code: CompiledFunction
    /// The serial number of the interpreter that compiled it. Not a reference: a program kept
    /// after its interpreter is gone must not keep the interpreter's stack alive, nor match a
    /// new interpreter at the same address; and a weak reference would give the interpreter a
    /// side table, sending every retain of it down the runtime's slow path.
    let interpreterSerial: Int

    init(file: SourceFile, code: CompiledFunction, interpreter: Interpreter) {
        self.file = file
        self.code = code
        interpreterSerial = interpreter.serial
    }

    /// Whether `interpreter` compiled this program and so may run it.
    public func belongs(to interpreter: Interpreter) -> Bool {
        interpreterSerial == interpreter.serial
    }
}

extension Interpreter {
    /// Parses and compiles `source` without running it.
    ///
    /// Global names the text uses are resolved now, against this interpreter, whether or not
    /// they are defined yet: a host may `define` them between compiling and running.
    ///
    /// - Throws: `Diagnostic` for syntax errors (kind `syntax` or `incomplete`).
    public func compile(_ source: String, file: String) throws -> Program {
        try compile(SourceFile(name: file, text: source))
    }

    /// Parses and compiles `file` without running it.
    public func compile(_ file: SourceFile) throws -> Program {
        var parser = Parser(file: file)
        let statements = try parser.parseProgram()
        var compiler = Compiler(interpreter: self, file: file)
        return Program(file: file, code: try compiler.compileProgram(statements), interpreter: self)
    }

    /// Compiles and runs `file` once, under `limits`, or the interpreter's own `limits` when nil.
    @discardableResult
    public func run(_ file: SourceFile, limits: Limits? = nil) throws -> Value? {
        try run(compile(file), limits: limits)
    }

    /// The error for running `program` here when another interpreter compiled it.
    func foreignProgram(_ program: Program) -> Diagnostic {
        Diagnostic(.value, "'\(program.file.name)' was compiled by another interpreter; compile it with the interpreter that runs it")
    }
}
