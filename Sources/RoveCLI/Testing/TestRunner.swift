// `rove test`: every top-level `fn test_…()` of the test files, each in a fresh session.

import RoveCore
import RoveHost

extension CLI {
    /// Runs the tests `paths` name and reports one line per test and a closing count.
    ///
    /// Each test gets a session of its own, made as a script run's is (`makeSession`), so every
    /// run option applies to each test: limits, the sandbox, `--read-only`, `--replay`. A file
    /// with a recording beside it replays that (`RunRecords.forTests`). The file's top level
    /// runs first in that session, then the test function.
    func runTests(_ paths: [String], _ invocation: Invocation, _ connections: ResolvedConnections, records: RunRecords,
                  stackSize: Int) -> ExitStatus {
        let files: [String]
        do {
            files = try TestFiles.find(in: paths.isEmpty ? ["."] : paths)
        } catch {
            standardError.write("rove: \(error.message)\n")
            return .usage
        }
        guard !files.isEmpty else {
            let places = paths.isEmpty ? "the current folder" : paths.joined(separator: ", ")
            standardError.write("rove: no test files (*\(TestFiles.suffix)) in \(places)\n")
            return .usage
        }
        var tally = TestTally()
        for file in files where !tally.interrupted {
            runTests(in: file, invocation, connections, records: records, stackSize: stackSize, tally: &tally)
        }
        // Ctrl-C ends the whole run as it ends a script, with the count so far.
        if tally.interrupted {
            standardOutput.write("\(tally.passed) passed, \(tally.failed) failed (interrupted)\n")
            return .interrupted
        }
        guard tally.passed + tally.failed > 0 else {
            standardError.write("rove: no tests in \(files.joined(separator: ", ")): a test is a top-level 'fn test_name()'\n")
            return .usage
        }
        standardOutput.write("\(tally.passed) passed, \(tally.failed) failed\n")
        return tally.failed > 0 ? .scriptError : .success
    }

    private func runTests(in file: String, _ invocation: Invocation, _ connections: ResolvedConnections, records: RunRecords,
                          stackSize: Int, tally: inout TestTally) {
        // The session a test runs in, with `file` as the script: the sandbox lets it import
        // from its own folder, as a script run would.
        var perFile = invocation
        perFile.program = .file(file)
        // A path comes from the file system: a line break in a name must not forge a result line.
        let shown = CellText.singleLine(file)
        let source: String
        let names: [String]
        do {
            source = try FileAccess.contents(of: file)
            names = try Interpreter.topLevelFunctions(in: SourceFile(name: file, text: source), prefix: "test_")
        } catch {
            // A file that cannot be read or parsed fails as a whole: its tests cannot run.
            return fail(shown, error, tally: &tally)
        }
        let fileRecords: RunRecords
        do {
            fileRecords = try records.forTests(in: file, invocation, connections: connections,
                                               certificateAuthorities: certificateAuthorities)
        } catch {
            return fail(shown, Diagnostic(.value, error.message), tally: &tally)
        }
        let fileConnections = fileRecords.recording?.connections(replacing: connections) ?? connections
        for name in names {
            // What a test prints is kept and shown only if it fails, as pytest and `go test`
            // do: a passing run is one line per test, and a failure comes with what led to it.
            let captured = CapturedOutput()
            var runner = self
            runner.standardOutput = captured
            let session: Session
            do {
                session = try runner.makeSession(perFile, fileConnections, records: fileRecords, stackSize: stackSize)
            } catch {
                fail("\(shown) \(name)", error, tally: &tally)
                continue
            }
            catchInterruptsWhileRunning(session)
            let missesBefore = fileRecords.recording?.misses.count ?? 0
            var outcome = session.runTest(source, file: file, function: name)
            // A test that caught the error of a request its recording lacks did not replay
            // what was recorded: it fails, as a replayed script run does.
            if case .success = outcome, let misses = fileRecords.recording?.misses, misses.count > missesBefore {
                outcome = .failure(Diagnostic(.value, "the replay met a request not in \(fileRecords.recording?.path ?? "the recording"): \(misses[missesBefore])"))
            }
            switch outcome {
            case .success:
                standardOutput.write("ok   \(shown) \(name)\n")
                tally.passed += 1
            case .failure(let error):
                standardOutput.write("FAIL \(shown) \(name)\n")
                session.annotate(error)
                standardOutput.write(captured.text)
                standardOutput.flush()
                session.report(error)
                tally.failed += 1
            }
            if case .failure(let error as Diagnostic) = outcome, error.kind == .interrupted {
                tally.interrupted = true
                break
            }
        }
        // The file's own recording is written once its tests ran (the run's is written at the end).
        if fileRecords.recording !== records.recording, let problem = fileRecords.recording?.finish() {
            fail(shown, Diagnostic(.value, problem), tally: &tally)
        }
    }

    /// A failure before a test's session exists (or of a whole file): its `FAIL` line, then
    /// the error rendered the one way diagnostics are rendered, counted once.
    private func fail(_ shown: String, _ error: any Error, tally: inout TestTally) {
        standardOutput.write("FAIL \(shown)\n")
        standardOutput.flush()
        let diagnostic = error as? Diagnostic ?? Diagnostic(.value, "\(error)")
        let color = Terminal.wantsColor(onTerminal: terminal.error, environment: environment)
        standardError.write(DiagnosticRenderer.render(diagnostic, color: color))
        standardError.flush()
        tally.failed += 1
    }
}

/// A test's standard output, held until the test's outcome says whether to show it.
private final class CapturedOutput: TextOutput {
    private(set) var text = ""
    func write(_ text: String) { self.text += text }
    func flush() {}
}

/// How many tests passed and failed so far.
private struct TestTally {
    var passed = 0
    var failed = 0
    var interrupted = false
}

extension Session {
    /// Runs the top level of `source`, then its function `function` with no arguments.
    func runTest(_ source: String, file: String, function: String) -> Result<Void, any Error> {
        do {
            try interpreter.run(source, file: file)
            guard let test = interpreter.global(function) else {
                throw Diagnostic(.name, "'\(function)' is not defined after the file ran")
            }
            _ = try interpreter.call(test, [])
            return .success(())
        } catch {
            return .failure(error)
        }
    }
}
