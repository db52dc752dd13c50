// What a run keeps of itself for later: its recording (`--record`/`--replay`) and its audit journal (`--audit`).

import RoveHTTP

/// The records one run keeps, sharing the providers' redactor so each masks the same secrets.
struct RunRecords {
    let redactor: Redactor
    let recording: Recording?
    let journal: AuditJournal?

    /// Opens what `invocation` asks for, before anything runs: a file that cannot be read or
    /// written is a usage error now, not a surprise at the end.
    init(_ invocation: Invocation, connections: ResolvedConnections, certificateAuthorities: String?) throws(UsageError) {
        redactor = Redactor()
        recording = try Recording.start(invocation, connections: connections, redactor: redactor,
                                        certificateAuthorities: certificateAuthorities)
        journal = try invocation.auditPath.map { path throws(UsageError) in try AuditJournal(path: path) }
    }

    private init(redactor: Redactor, recording: Recording?, journal: AuditJournal?) {
        self.redactor = redactor
        self.recording = recording
        self.journal = journal
    }

    /// The records the tests of `file` run with: the run's own recording when it was given one
    /// (`--record`, `--replay`), else the file's own beside it (`TestFiles.recording(of:)`),
    /// written under `--update-recordings` and replayed whenever it exists, so a test that
    /// talks to a server needs none once recorded. One recording serves all of a file's tests,
    /// which run in source order, so a replay answers each request as it was answered then.
    func forTests(in file: String, _ invocation: Invocation, connections: ResolvedConnections,
                  certificateAuthorities: String?) throws(UsageError) -> RunRecords {
        guard recording == nil else { return self }
        let path = TestFiles.recording(of: file)
        let own: Recording
        if invocation.updatesRecordings {
            own = try Recording.recording(to: path, connections: connections, redactor: redactor,
                                          certificateAuthorities: certificateAuthorities)
        } else if TestFiles.isFile(path) {
            own = try Recording.replaying(path, redactor: redactor)
        } else {
            return self
        }
        return RunRecords(redactor: redactor, recording: own, journal: journal)
    }

    /// Writes the recording and the journal's run line; returns the status to exit with (a
    /// recording that could not be written turns a success into a usage error).
    func finish(_ status: ExitStatus, script: String, arguments: [String], report: (String) -> Void) -> ExitStatus {
        var final = status
        if let problem = recording?.finish() {
            report(problem)
            if status == .success { final = .usage }
        }
        // A script that caught the error of a request the recording lacks would pass otherwise;
        // a replay is a test, and it did not replay what was recorded.
        if let misses = recording?.misses, !misses.isEmpty, final == .success {
            report("the replay met \(misses.count) request\(misses.count == 1 ? "" : "s") not in the recording; the first: \(misses[0])")
            final = .scriptError
        }
        journal?.recordRun(script: script, arguments: arguments, status: final, redactor: redactor)
        return final
    }
}
