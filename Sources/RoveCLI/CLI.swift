// The `rove` command: reads the command line, picks a mode, runs it, and returns the exit status.

import RoveCore
import RoveHost
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything `rove` does, with its streams and environment injected (gojq's `cli.Run`), so tests
/// run it in-process and `main.swift` is three lines.
public struct CLI {
    public var standardInput: TextInput
    public var standardOutput: TextOutput
    public var standardError: TextOutput
    public var environment: [String: String]
    public var terminal: Terminal
    /// Whether Ctrl-C is caught (for the real process); in-process tests leave signals alone.
    public var catchesInterrupts: Bool
    /// Called with each new interpreter before any program runs: where hosts add globals.
    public var prepare: (Interpreter) -> Void
    /// Whether the session's values are freed when it ends. The real process exits right after,
    /// so it skips that work (freeing a large document took over 10% of a run).
    public var freesSessionAtEnd = true

    public init(
        standardInput: TextInput,
        standardOutput: TextOutput,
        standardError: TextOutput,
        environment: [String: String],
        terminal: Terminal = .none,
        catchesInterrupts: Bool = false,
        prepare: @escaping (Interpreter) -> Void = { _ in }
    ) {
        self.standardInput = standardInput
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.terminal = terminal
        self.catchesInterrupts = catchesInterrupts
        self.prepare = prepare
    }

    /// The CLI of this process: its standard streams, environment and terminal.
    public static func forThisProcess() -> CLI {
        let environment = ProcessEnvironment.current()
        let terminal = Terminal.current(environment: environment)
        var cli = CLI(
            standardInput: FileDescriptorInput(descriptor: 0),
            standardOutput: FileDescriptorOutput(descriptor: 1, lineBuffered: terminal.output),
            standardError: FileDescriptorOutput(descriptor: 2, lineBuffered: false),
            environment: environment,
            terminal: terminal,
            catchesInterrupts: true
        )
        cli.freesSessionAtEnd = false
        return cli
    }

    /// Runs `arguments` (without the program name) and returns the exit status.
    public func run(_ arguments: [String]) -> Int32 {
        defer {
            standardOutput.flush()
            standardError.flush()
        }
        let invocation: Invocation
        do {
            invocation = try Invocation(parsing: arguments)
        } catch {
            standardError.write("rove: \(error.message)\nTry 'rove --help' for more information.\n")
            return ExitStatus.usage.rawValue
        }
        if invocation.showsHelp {
            standardOutput.write(Help.usage)
            return ExitStatus.success.rawValue
        }
        if invocation.showsVersion {
            standardOutput.write("rove \(Help.version)\n")
            return ExitStatus.success.rawValue
        }
        return runOnLargeStack { stackSize in execute(invocation, stackSize: stackSize) }.rawValue
    }

    /// Calls nest this deep at most before a `stack` error. Deeper recursion than this in a
    /// deployment script is a bug, and reporting it should be quick; on a small stack (when the
    /// big thread could not be made) the limit shrinks so the error still comes before a crash.
    static func callDepthLimit(stackSize: Int) -> Int {
        max(200, min(maximumCallDepth, stackSize / bytesPerCallLevel))
    }

    static let maximumCallDepth = 10_000

    /// Native stack one level of Rove call nesting may take. A debug build measured about 3 KB
    /// for a plain recursive call and 7 KB for a call through `map` and a closure; 16 KB leaves
    /// room for heavier paths (32768 levels would fit in the 512 MB stack).
    static let bytesPerCallLevel = 16 * 1024

    private func execute(_ invocation: Invocation, stackSize: Int) -> ExitStatus {
        let program: (source: String, name: String)?
        switch invocation.program {
        case .source(let source):
            program = (source, "<-e>")
        case .file(let path):
            do {
                program = (try FileAccess.contents(of: path), path)
            } catch {
                let message = (error as? Diagnostic)?.message ?? "cannot read '\(path)'"
                standardError.write("rove: \(message)\n")
                return .usage
            }
        case .standardInput:
            program = (standardInput.readToEnd(), "<stdin>")
        case .tests:
            program = nil
        case .standardInputOrREPL:
            if terminal.input || invocation.forcesREPL {
                program = nil
            } else {
                program = (standardInput.readToEnd(), "<stdin>")
            }
        }

        var cli = self
        var demo: DemoSimulator?
        if invocation.startsDemo {
            do {
                let started = try DemoSimulator.start(environment: environment)
                demo = started
                cli.environment.merge(started.environment) { _, demo in demo }
            } catch {
                standardError.write("rove: \(error.message)\n")
                return .usage
            }
        }
        defer { demo?.stop() }
        return cli.execute(invocation, program: program, stackSize: stackSize)
    }

    private func execute(_ invocation: Invocation, program: (source: String, name: String)?,
                         stackSize: Int) -> ExitStatus {
        guard var connections = resolveConnections(invocation) else { return .usage }
        let invocation = invocation.applying(connections.run)
        let records: RunRecords
        do {
            records = try RunRecords(invocation, connections: connections, certificateAuthorities: certificateAuthorities)
        } catch {
            standardError.write("rove: \(error.message)\n")
            return .usage
        }
        if let recording = records.recording { connections = recording.connections(replacing: connections) }
        let status: ExitStatus
        if case .tests(let paths) = invocation.program {
            status = runTests(paths, invocation, connections, records: records, stackSize: stackSize)
        } else {
            status = execute(invocation, program: program, connections: connections, records: records,
                             stackSize: stackSize)
        }
        return records.finish(status, script: program?.name ?? "<repl>", arguments: invocation.scriptArguments) { problem in
            standardError.write("rove: \(problem)\n")
        }
    }

    private func execute(_ invocation: Invocation, program: (source: String, name: String)?,
                         connections: ResolvedConnections, records: RunRecords, stackSize: Int) -> ExitStatus {
        let session: Session
        do {
            session = try makeSession(invocation, connections, records: records, stackSize: stackSize)
        } catch {
            standardError.write(DiagnosticRenderer.render(error as? Diagnostic ?? Diagnostic(.value, "\(error)"), color: false))
            return .usage
        }
        if !freesSessionAtEnd { _ = Unmanaged.passRetained(session) }
        if invocation.startsDemo, program == nil { standardError.write(Self.demoGreeting(connections)) }
        let opensREPL = program == nil || invocation.forcesREPL
        var status = ExitStatus.success
        if let program {
            // A script file prints its last value only when asked to with --output; `-e` and
            // stdin programs are expressions people want to see, as in the REPL.
            let printsResult = invocation.outputFormat != nil || !invocation.program.isFile
            catchInterruptsWhileRunning(session)
            status = session.run(program.source, file: program.name, printsResult: printsResult)
        }
        let reportsPlanAsData = invocation.outputFormat == .json || invocation.outputFormat == .ndjson
        guard opensREPL else { return session.endDryRun(status, asData: reportsPlanAsData) }
        let editor = LineEditor(
            isTerminal: terminal.input,
            outputIsTerminal: terminal.output,
            plainInput: standardInput,
            history: HistoryFile(environment: environment)
        )
        session.enterREPL()
        status = REPL(session: session, editor: editor, interrupts: interruptWatcher).run()
        return session.endDryRun(status, asData: reportsPlanAsData)
    }

    /// What `rove --demo` says once connected: each service it reached, and where to start.
    static func demoGreeting(_ connections: ResolvedConnections) -> String {
        var reached: [(name: String, url: String, start: String)] = []
        if let url = connections.octopus?.url { reached.append(("Octopus", url, "octopus.Projects")) }
        if let deployhq = connections.deployhq, let url = deployhq.url, deployhq.email != nil, deployhq.apiKey != nil {
            reached.append(("DeployHQ", url, "deployhq.projects"))
        }
        guard !reached.isEmpty else { return "rove: the demo simulator connected nothing\n" }
        let services = reached.map { "\($0.name) at \($0.url)" }.joined(separator: " and ")
        let starts = reached.map(\.start).joined(separator: " or ")
        return "rove: connected to the demo \(services) (rove-sim); try \(starts)\n"
    }

    func makeSession(_ invocation: Invocation, _ connections: ResolvedConnections,
                             records: RunRecords, stackSize: Int) throws -> Session {
        // The host is given at creation because `args` is bound from it then; its `sleep` needs
        // the interpreter it belongs to, which is reached through a reference that does not own it.
        let reference = InterpreterReference()
        let colorsErrors = Terminal.wantsColor(onTerminal: terminal.error, environment: environment)
        var host = Host.process(
            output: standardOutput,
            errors: terminal.error ? StyledWarnings(standardError, palette: colorsErrors ? .ansi : .plain) : standardError,
            environment: environment,
            secretVariables: connections.secretVariables, arguments: invocation.scriptArguments,
            shouldStop: { reference.interpreter?.shouldStop ?? false }
        )
        host.setOutput = stepOutputSink(ciSystem(invocation))
        let created = Interpreter(host: host)
        reference.interpreter = created
        created.policy = invocation.policy
        created.limits = Limits(time: invocation.maxTime, steps: invocation.maxSteps, memory: invocation.maxMemory,
                                requests: invocation.maxRequests, callDepth: Self.callDepthLimit(stackSize: stackSize))
        let providers = try makeProviders(for: created, connections, invocation, records: records)
        prepare(created)
        return Session(
            interpreter: created, providers: providers, output: standardOutput, errors: standardError,
            format: invocation.outputFormat ?? (terminal.output ? .table : .json),
            terminal: terminal, environment: environment, pages: invocation.pages,
            ciSystem: ciSystem(invocation)
        )
    }

    private var interruptWatcher: InterruptWatcher? {
        catchesInterrupts ? InterruptWatcher.shared : nil
    }

    /// First Ctrl-C: stop the script with an `interrupted` error, so output is flushed and the
    /// exit status is 130. Second: the script is stuck somewhere that does not check, so leave now.
    func catchInterruptsWhileRunning(_ session: Session) {
        guard let interruptWatcher else { return }
        let presses = PressCounter()
        interruptWatcher.onInterrupt { [weak session] in
            if presses.increment() > 1 { _exit(ExitStatus.interrupted.rawValue) }
            session?.interrupt()
        }
    }
}

/// The interpreter, for closures the interpreter itself holds (its host's): they only run while
/// it runs, so it is alive whenever they read it. Not `weak`: a weak reference gives the
/// interpreter a side table, and every retain of it would then take the runtime's slow path.
private final class InterpreterReference {
    unowned(unsafe) var interpreter: Interpreter?
}

/// The process's environment variables, read from `environ` without Foundation.
enum ProcessEnvironment {
    static func current() -> [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return variables
    }
}
