// The one progress line `wait()` keeps up to date on stderr while a task runs, at a terminal only.

/// Rewrites a single stderr line in place (`\r` and erase-line), so a long wait shows the task
/// moving without scrolling; when stderr is not a terminal nothing is written at all.
final class TaskProgress {
    private let write: (String) -> Void
    private var showing = false

    init(write: @escaping (String) -> Void) {
        self.write = write
    }

    func show(describing resource: Resource, state: TaskState, elapsed: Double) {
        var line = resource.identity ?? "task"
        if let activity = state.activity, !activity.isEmpty { line += " " + activity }
        line += ": \(state.name)"
        if state.pendingInterruption { line += ", waiting for a manual intervention" }
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
