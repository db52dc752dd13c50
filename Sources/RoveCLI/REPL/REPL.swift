// The read-eval-print loop: one interpreter, a line at a time, until Ctrl-D.

import RoveCore

/// Reads entries, runs them in one interpreter (globals persist), and prints each value.
///
/// An entry spans several lines while the parser reports that the input ended too early
/// (`unexpectedEnd`). Ctrl-C abandons the line being typed or interrupts the evaluation;
/// either way the session goes on.
final class REPL {
    static let prompt = "rove> "
    static let continuationPrompt = "...   "
    /// How long Tab may wait for a document it completes from (an Octopus root, a resource).
    static let completionTimeLimit = 2.0

    private let session: Session
    private let editor: LineEditor
    private let interrupts: InterruptWatcher?
    /// Set by `exit()` and `quit()`, which stop the entry that calls them.
    private var isEnding = false

    init(session: Session, editor: LineEditor, interrupts: InterruptWatcher?) {
        self.session = session
        self.editor = editor
        self.interrupts = interrupts
        let interpreter = session.interpreter
        let providers = session.providers
        editor.complete = { [unowned interpreter] text in
            guard let providers else { return interpreter.completion(for: text) }
            return providers.withTimeLimit(Self.completionTimeLimit) { interpreter.completion(for: text) }
        }
        for builtin in REPLCommand.builtins(ending: { [weak self] in self?.isEnding = true }) {
            interpreter.register(builtin)
        }
    }

    func run() -> ExitStatus {
        if editor.isTerminal {
            session.writeError("Rove \(Help.version). Type help to find your way; Tab completes, Ctrl-D exits.\n")
        }
        var pending = ""
        while true {
            session.output.flush()
            whileReading()
            let input = editor.read(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt)
            switch input {
            case .end:
                if editor.isTerminal { session.writeError("\n") }
                return .success
            case .interrupted:
                pending = ""
                session.writeError("\n")
            case .line(let line):
                if pending.isEmpty, let (command, argument) = REPLCommand.command(for: line, in: session.interpreter) {
                    editor.remember(line)
                    switch command.action {
                    case .orient: session.output.write(REPLCommand.orientation(for: session.interpreter))
                    case .end: return .success
                    case .chooseOutput: session.chooseOutput(argument)
                    }
                    continue
                }
                let entry = pending.isEmpty ? line : pending + "\n" + line
                if entry.allSatisfy(\.isWhitespace) {
                    pending = ""
                    continue
                }
                let secretsBefore = session.interpreter.secretsMade
                let plannedBefore = session.providers?.plan?.entries.count ?? 0
                defer { session.showPlannedSince(plannedBefore) }
                let outcome = evaluate(entry)
                if outcome == .ended { return .success }
                if outcome == .needsMoreInput {
                    pending = entry
                } else {
                    pending = ""
                    // Judged after running: by then a key typed in the clear is known to the
                    // redactor, and the interpreter has counted the secrets the entry made.
                    if HistoryFile.shouldRemember(entry, secretsBefore: secretsBefore, in: session) {
                        editor.remember(entry)
                    }
                }
            }
        }
    }

    private enum Outcome { case done, needsMoreInput, ended }

    private func evaluate(_ entry: String) -> Outcome {
        whileEvaluating()
        defer { whileReading() }
        do {
            let value = try session.interpreter.run(entry, file: "<repl>")
            // `_` is the last value shown, as in Python: nil and errors leave it as it was.
            if let value, value != .null {
                session.interpreter.define("_", as: value)
                session.show(value)
            }
        } catch let diagnostic as Diagnostic where diagnostic.isUnexpectedEnd {
            return .needsMoreInput
        } catch let diagnostic as Diagnostic where diagnostic.kind == .syntax || diagnostic.kind == .unexpectedEnd {
            // The entry is given up on for a mistake no next line mends; that it was not
            // finished yet (an open '{') is no news.
            session.report(diagnostic.droppingUnexpectedEnds() ?? diagnostic)
        } catch let diagnostic as Diagnostic where diagnostic.kind == .interrupted && isEnding {
            return .ended
        } catch let diagnostic as Diagnostic where diagnostic.kind == .interrupted && editor.isTerminal {
            // The terminal has echoed `^C` where the cursor was; start the report on a line of its own.
            session.writeError("\n")
            session.report(diagnostic)
        } catch {
            session.report(error)
        }
        return .done
    }

    /// Ctrl-C at the prompt abandons the line being typed. One that arrived as the last line
    /// finished, after its last check, is withdrawn: it must not stop the next line.
    private func whileReading() {
        interrupts?.onInterrupt { [weak editor] in editor?.abandonLine() }
        session.interpreter.interruptHandle.withdraw()
    }

    /// Ctrl-C while a line runs stops it with an `interrupted` error, which is reported.
    private func whileEvaluating() {
        interrupts?.onInterrupt { [weak session] in session?.interrupt() }
    }
}
