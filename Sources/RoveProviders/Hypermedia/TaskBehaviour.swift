// What a task resource adds: wait(timeout:, interval:), state, log, cancel().

import RoveCore

extension ErrorKind {
    /// A task (an Octopus ServerTask, a DeployHQ deployment) failed or was cancelled;
    /// `e.task`, `e.state` and `e.details` say which and why.
    public static let task = ErrorKind("task")
}

/// Octopus `ServerTask`s and DeployHQ deployments share these (DESIGN §3 "Tasks").
struct TaskBehaviour {
    let resource: Resource

    init(_ resource: Resource) { self.resource = resource }

    /// Dispatch, completion and help read this table.
    static let members = HostMembers<TaskBehaviour>([
        // Read fresh: `while task.state == "Executing"` should see the task move.
        .property("state", doc: "state — where the task is now, read afresh: Queued, Executing, Success, Failed, …") { task, _ in
            try task.resource.reload()
            return .string(task.resource.dialect.taskState(of: task.resource.document).name)
        },
        .property("log", doc: "log — the task's whole log as text") { task, _ in
            // A dry run's planned task never ran, so its log is empty, not missing.
            if task.isPlanned { return .string("") }
            return try task.resource.dialect.log(of: task.resource).map(Value.string) ?? .null
        },
        .method("wait", doc: "wait(timeout: 600, interval: …) — waits until it finishes; throws if it failed or ran out of time") {
            task, arguments in
            try arguments.expect(0...0, labels: ["timeout", "interval"])
            let timeout = try arguments.labelled("timeout").map { _ in try task.seconds("timeout", arguments) } ?? Self.defaultTimeout
            let interval = try arguments.labelled("interval").map { _ in try task.seconds("interval", arguments) }
            try task.wait(timeout: timeout, interval: interval)
            return .host(task.resource)
        },
        .method("cancel", doc: "cancel() — asks the server to stop the task") { task, arguments in
            try arguments.expect(0)
            if let fields = try task.resource.dialect.cancel(task.resource) { task.resource.replace(with: fields) }
            return .host(task.resource)
        },
    ])

    /// How long `wait()` waits by default, as the Octopus CLI does (research §4.3).
    static let defaultTimeout = 600.0
    /// The first poll comes soon, since short tasks are common; then the gaps grow to this.
    static let longestPollInterval = 5.0

    var interpreter: Interpreter { resource.connection.interpreter }

    /// Whether the task is a dry run's stand-in, which never runs.
    var isPlanned: Bool { resource.connection.plan?.isPlaceholder(resource.identity) == true }

    private func seconds(_ label: String, _ arguments: Arguments) throws -> Double {
        guard let index = arguments.index(ofLabel: label) else { return 0 }
        let value = try arguments.number(index)
        guard value > 0 else { throw arguments.badArgument(index, "\(label) must be more than 0 seconds") }
        return value
    }

    /// Polls until the task completes; throws a `task` error when it did not succeed, and a
    /// `timeout` error when `timeout` seconds pass first. At a terminal, a progress line on stderr.
    private func wait(timeout: Double, interval: Double?) throws {
        // A dry run's planned task never runs: there is nothing to wait for.
        if isPlanned { return }
        let host = interpreter.host
        let start = host.now()
        var pause = interval ?? 0.2
        let progress = resource.connection.progress
        defer { progress?.finish() }
        while true {
            let state = resource.dialect.taskState(of: resource.document)
            let elapsed = host.now() - start
            progress?.show(describing: resource, state: state, elapsed: elapsed)
            if state.isCompleted {
                if state.succeeded { return }
                throw failure(state)
            }
            if elapsed >= timeout {
                var diagnostic = Diagnostic(.timeout, "\(resource.identity ?? "the task") did not finish within \(Self.format(timeout)) s (still \(state.name))")
                diagnostic.fields["task"] = resource.identity.map(Value.string) ?? .null
                diagnostic.fields["state"] = .string(state.name)
                throw diagnostic
            }
            host.sleep(min(pause, max(0.01, timeout - elapsed)))
            try interpreter.checkpoint()
            if interval == nil { pause = min(Self.longestPollInterval, pause * 1.5) }
            try resource.reload()
        }
    }

    private func failure(_ state: TaskState) -> Diagnostic {
        let id = resource.identity ?? "the task"
        var message = "\(id) \(state.name.lowercased())"
        if let details = state.errorMessage { message += ": \(details)" }
        var diagnostic = Diagnostic(.task, message)
        diagnostic.fields["task"] = resource.identity.map(Value.string) ?? .null
        diagnostic.fields["state"] = .string(state.name)
        diagnostic.fields["details"] = state.errorMessage.map(Value.string) ?? .null
        return diagnostic
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
