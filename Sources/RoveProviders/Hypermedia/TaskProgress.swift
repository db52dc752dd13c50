// The progress line `wait()` keeps on stderr while a task runs: redrawn at a terminal, plain in CI logs.

/// At a terminal, rewrites a single stderr line in place (`\r` and erase-line), so a long wait
/// shows the task moving without scrolling. Without redraws (a CI log, which keeps every
/// carriage return as a new line or shows it as garbage) it writes a whole line only when the
/// task's state or activity changes, never the seconds alone.
final class TaskProgress {
    private let write: (String) -> Void
    private let redraws: Bool
    private var showing = false
    /// The last plain line written, without its elapsed time.
    private var lastPlainLine: String?

    init(write: @escaping (String) -> Void, redraws: Bool = true) {
        self.write = write
        self.redraws = redraws
    }

    func show(describing resource: Resource, state: TaskState, elapsed: Double) {
        var line = resource.identity ?? "task"
        if let activity = state.activity, !activity.isEmpty { line += " " + activity }
        line += ": \(state.name)"
        if state.pendingInterruption { line += ", waiting for a manual intervention" }
        guard redraws else {
            guard line != lastPlainLine else { return }
            lastPlainLine = line
            write(line + " (\(Int(elapsed)) s)\n")
            return
        }
        line += " (\(Int(elapsed)) s)"
        write("\r\u{1B}[2K" + line)
        showing = true
    }

    func finish() {
        guard showing else { return }
        write("\r\u{1B}[2K")
        showing = false
    }
}
