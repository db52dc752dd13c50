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
    private let printer: ResultPrinter
    private let colorsDiagnostics: Bool

    init(interpreter: Interpreter, providers: Providers? = nil, output: TextOutput, errors: TextOutput,
         format: OutputFormat, terminal: Terminal, environment: [String: String])
    {
        self.interpreter = interpreter
        self.providers = providers
        self.output = output
        self.errors = errors
        self.colorsDiagnostics = Terminal.wantsColor(onTerminal: terminal.error, environment: environment)
        let colorsOutput = Terminal.wantsColor(onTerminal: terminal.output, environment: environment)
        self.printer = ResultPrinter(interpreter: interpreter, format: format, width: terminal.width,
                                     color: colorsOutput)
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
            return report(error)
        }
    }

    /// Prints `value` in the chosen format; nil prints nothing.
    @discardableResult
    func show(_ value: Value) -> ExitStatus {
        if case .null = value { return .success }
        do {
            output.write(try printer.render(value))
            return .success
        } catch {
            return report(error)
        }
    }

    /// Writes `error` to standard error, rendered as a diagnostic, and says how it ends the program.
    @discardableResult
    func report(_ error: any Error) -> ExitStatus {
        let diagnostic = (error as? Diagnostic) ?? Diagnostic(.value, "\(error)")
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
