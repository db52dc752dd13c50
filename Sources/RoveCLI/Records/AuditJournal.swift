// `--audit FILE`: one JSON line per write a run attempts, and one for the run, appended as they happen.

import RoveHTTP
import RoveProviders
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only journal of what a run changed. Each line is written with one `write(2)` the
/// moment it is known, so a run that fails, hits a limit or is interrupted leaves every line it
/// got to; the run's own line comes last, from every exit path the CLI returns through. Nothing
/// secret goes in: URLs and messages are masked, bodies only counted and digested.
final class AuditJournal {
    let path: String
    private let descriptor: Int32
    private let started: Double

    /// Opens (or creates, readable by its owner only) `path` for appending; a path that cannot
    /// be written stops the run before anything is sent.
    init(path: String) throws(UsageError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw UsageError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.descriptor = descriptor
        self.started = Self.now()
    }

    deinit {
        close(descriptor)
    }

    /// The line for one write attempt.
    func record(_ attempt: WriteAttempt) {
        var fields: [(String, String)] = [
            ("type", JSONText.quoted("write")),
            ("time", JSONText.quoted(Self.timestamp(Self.now() - attempt.duration))),
            ("connection", JSONText.quoted(attempt.connection)),
            ("method", JSONText.quoted(attempt.method)),
            ("url", JSONText.quoted(attempt.url)),
            ("bodyBytes", String(attempt.bodyBytes)),
            ("bodySHA256", attempt.bodyDigest.map(JSONText.quoted) ?? "null"),
            ("status", attempt.status.map(String.init) ?? "null"),
            ("durationMs", String(Int((attempt.duration * 1000).rounded()))),
            ("created", attempt.created.map(JSONText.quoted) ?? "null"),
            ("location", attempt.location.map(JSONText.quoted) ?? "null"),
        ]
        if let error = attempt.error { fields.append(("error", JSONText.quoted(error))) }
        append(fields)
    }

    /// The last line: which script ran with which arguments (masked) and how it ended.
    func recordRun(script: String, arguments: [String], status: ExitStatus, redactor: Redactor) {
        append([
            ("type", JSONText.quoted("run")),
            ("time", JSONText.quoted(Self.timestamp(started))),
            ("script", JSONText.quoted(redactor.redact(script))),
            ("arguments", "[" + arguments.map { JSONText.quoted(redactor.redact($0)) }.joined(separator: ",") + "]"),
            ("exitCode", String(status.rawValue)),
            ("durationMs", String(Int(((Self.now() - started) * 1000).rounded()))),
        ])
    }

    private func append(_ fields: [(String, String)]) {
        let line = "{" + fields.map { JSONText.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}\n"
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }   // a full disk cannot stop the run it describes
            bytes = bytes.dropFirst(count)
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `2026-12-04T06:45:51.123Z`.
    static func timestamp(_ seconds: Double) -> String {
        var whole = time_t(seconds.rounded(.down))
        var parts = tm()
        gmtime_r(&whole, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int((seconds - seconds.rounded(.down)) * 1000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}
