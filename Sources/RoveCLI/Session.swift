// One interpreter wired to the CLI's streams, with the running and reporting that every mode shares.

import RoveCore
import RoveHost
import RoveProviders

/// Runs programs and shows their results and errors, the same way in every mode.
final class Session {
    let interpreter: Interpreter
    /// The session's connections; Ctrl-C stops their requests too.
    let providers: Providers?
    let output: TextOutput
    let errors: TextOutput
    /// How results print; `:output FORMAT` changes it in the REPL.
    var format: OutputFormat
    private let terminal: Terminal
    private let environment: [String: String]
    private let colorsDiagnostics: Bool
    private let outputPalette: Palette
    /// Where long results go in the REPL at a terminal; nil when paging is off.
    private let pager: Pager?
    /// Whether the REPL runs (at a terminal or not): hints name its ways, results may be paged.
    private var isInteractive = false
    /// The CI system that reads the run's log: an uncaught error also becomes its annotation.
    private let ciSystem: CISystem

    init(interpreter: Interpreter, providers: Providers? = nil, output: TextOutput, errors: TextOutput,
         format: OutputFormat, terminal: Terminal, environment: [String: String], pages: Bool = true,
         ciSystem: CISystem = .none)
    {
        self.ciSystem = ciSystem
        self.interpreter = interpreter
        self.providers = providers
        self.output = output
        self.errors = errors
        self.format = format
        self.terminal = terminal
        self.environment = environment
        self.colorsDiagnostics = Terminal.wantsColor(onTerminal: terminal.error, environment: environment)
        let colorsOutput = Terminal.wantsColor(onTerminal: terminal.output, environment: environment)
        self.outputPalette = colorsOutput ? .ansi : .plain
        // Only a person at a terminal reads through a pager: never when either end is a pipe.
        self.pager = pages && terminal.input && terminal.output ? Pager.configured(environment: environment) : nil
    }

    /// From now on results are shown for the REPL: its hints, and the pager at a terminal.
    func enterREPL() {
        isInteractive = true
    }

    /// Stops the running evaluation and any request in flight; safe from the interrupt watcher's thread.
    func interrupt() {
        interpreter.interrupt()
        providers?.cancel()
    }

    /// Whether `text` holds a credential the session's connections know (an API key, a token,
    /// a `secret(...)` sent in a request), which must not be kept anywhere, the history included.
    func mentionsCredential(_ text: String) -> Bool {
        guard let redactor = providers?.redactor else { return false }
        return redactor.redact(text) != text
    }

    /// Runs `source`, printing its last expression's value when `printsResult` and it is not nil.
    ///
    /// - Returns: how the run ended; errors have been reported on standard error.
    func run(_ source: String, file: String, printsResult: Bool) -> ExitStatus {
        do {
            let value = try interpreter.run(source, file: file)
            if printsResult, let value { return show(value) }
            return .success
        } catch {
            annotate(error)
            return report(error)
        }
    }

    /// Writes the CI system's error annotation for `error` on standard output, where CI
    /// systems read their commands; the rendered diagnostic still goes to standard error.
    func annotate(_ error: any Error) {
        let diagnostic = (error as? Diagnostic) ?? Diagnostic(.value, "\(error)")
        guard let line = ErrorAnnotation.line(for: diagnostic, system: ciSystem) else { return }
        output.write(providers?.redactor.redact(line) ?? line)
        output.flush()
    }

    /// Prints `value` in the chosen format, laid out for the terminal's size now; nil prints
    /// nothing. In the REPL, a result taller than the screen goes through the pager.
    @discardableResult
    func show(_ value: Value) -> ExitStatus {
        if case .null = value { return .success }
        let size = terminal.currentSize(environment: environment)
        let printer = ResultPrinter(interpreter: interpreter, format: format, width: terminal.output ? size.width : nil,
                                    palette: outputPalette, audience: isInteractive ? .repl : .commandLine)
        let text: String
        do {
            text = try printer.render(value)
        } catch {
            return report(error)
        }
        if isInteractive, let pager, Pager.isTaller(text, thanScreenOf: size.height, width: size.width) {
            output.flush()
            if (try? pager.show(text)) == true { return .success }
        }
        output.write(text)
        return .success
    }

    /// `:output FORMAT`: results print as `name` says from now on; with no name, says which
    /// format is in use. What it says goes to standard error, away from the results.
    func chooseOutput(_ name: String?) {
        guard let name else {
            let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return writeError("results print as \(format.rawValue); ':output FORMAT' chooses one of \(names)\n")
        }
        do {
            format = try OutputFormat(named: name)
            writeError("results print as \(format.rawValue)\n")
        } catch {
            report(Diagnostic(.argument, error.message))
        }
    }

    /// Writes `error` to standard error, rendered as a diagnostic, and says how it ends the program.
    @discardableResult
    func report(_ error: any Error) -> ExitStatus {
        var diagnostic = (error as? Diagnostic) ?? Diagnostic(.value, "\(error)")
        // Messages quote server text (a link's name, a field); an escape sequence in it must
        // not reach a terminal as one.
        diagnostic.message = CellText.withoutControls(diagnostic.message)
        // The excerpt quotes the script's own line, which may hold a key typed in the clear.
        let text = DiagnosticRenderer.render(diagnostic, color: colorsDiagnostics)
        writeError(providers?.redactor.redact(text) ?? text)
        return ExitStatus(for: diagnostic)
    }

    /// Writes `text` to standard error after everything already printed to standard output.
    func writeError(_ text: String) {
        output.flush()
        errors.write(text)
        errors.flush()
    }
}
