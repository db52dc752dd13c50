// The log lines a task's plan writes, each at a plan offset; readers see those already reached.

struct TaskLogEntry {
    let offset: Double
    /// -1 for the task's own lines, otherwise the step index.
    let step: Int
    /// Trace, Verbose, Info, Highlight, Wait, Warning, Error, Fatal (research §4.3).
    let category: String
    let text: String
    /// Set for lines written at a fixed clock time (cancel, abort) rather than a plan offset.
    var clockTime: Double? = nil
}

extension TaskTimeline {
    /// Every line the plan will write, in order.
    func plannedLog(steps: [String]) -> [TaskLogEntry] {
        var entries: [TaskLogEntry] = []
        entries.append(TaskLogEntry(offset: queueSpan, step: -1, category: "Info", text: record.description))
        let failureStep: Int? = { if case .failure(let step) = record.outcome { return step } else { return nil } }()
        let pauseStep: Int? = { if case .intervention(let step) = record.outcome { return step } else { return nil } }()
        for (index, name) in steps.enumerated() {
            if let failureStep, index > failureStep { break }
            let start = stepStart(index)
            entries.append(TaskLogEntry(offset: start, step: index, category: "Info", text: "Step \(index + 1): \(name)"))
            if index == pauseStep {
                entries.append(TaskLogEntry(offset: start, step: index, category: "Wait",
                                            text: "Deployment is paused until the manual intervention \"\(name)\" is submitted"))
                entries.append(TaskLogEntry(offset: start + stepSpan * 0.01, step: index, category: "Info",
                                            text: "Manual intervention submitted: Proceed"))
                continue
            }
            for (fraction, category, text) in stepLines(kind: record.kind, name: name) {
                entries.append(TaskLogEntry(offset: start + stepSpan * fraction, step: index, category: category, text: text))
            }
            if index == failureStep {
                entries.append(TaskLogEntry(offset: start + stepSpan / 2, step: index, category: "Error",
                                            text: "The step failed: the script returned exit code 1"))
                entries.append(TaskLogEntry(offset: start + stepSpan / 2, step: -1, category: "Fatal",
                                            text: "The deployment failed because one or more steps failed."))
                break
            }
            entries.append(TaskLogEntry(offset: start + stepSpan * 0.95, step: index, category: "Info",
                                        text: "Step \(index + 1) completed successfully"))
        }
        if failureStep == nil {
            let closing: String
            switch record.kind {
            case .deploy: closing = "Deployment completed successfully"
            case .runbookRun: closing = "Runbook run completed successfully"
            case .health: closing = "Health check completed"
            }
            entries.append(TaskLogEntry(offset: record.duration, step: -1, category: "Info", text: closing))
        }
        return entries
    }

    func stepLines(kind: TaskKind, name: String) -> [(Double, String, String)] {
        switch kind {
        case .deploy where name.hasPrefix("Deploy "):
            return [(0.2, "Verbose", "Acquiring packages"), (0.4, "Info", "Deploying package…"),
                    (0.7, "Verbose", "Process exited with code 0")]
        case .deploy:
            return [(0.3, "Info", "Running script \"\(name)\"…"), (0.7, "Verbose", "Process exited with code 0")]
        case .runbookRun:
            return [(0.3, "Info", "Running script \"\(name)\"…"), (0.7, "Verbose", "Process exited with code 0")]
        case .health:
            return [(0.3, "Info", "Performing health check on deployment targets…"),
                    (0.7, "Info", "Health check results recorded")]
        }
    }

    /// The lines visible at `snapshot`, with any cancel or abort lines added at their clock time.
    func visibleLog(steps: [String], snapshot: TaskSnapshot) -> [TaskLogEntry] {
        var entries = plannedLog(steps: steps).filter { $0.offset <= snapshot.elapsed }
        if let pause = pausePoint, let decision = record.decision, !decision.proceed, snapshot.elapsed >= pause {
            entries.removeAll { $0.text == "Manual intervention submitted: Proceed" }
            let step = { if case .intervention(let s) = record.outcome { return s } else { return -1 } }()
            entries.append(TaskLogEntry(offset: pause, step: step, category: "Error",
                                        text: "Manual intervention submitted: Abort", clockTime: decision.at))
            entries.append(TaskLogEntry(offset: pause, step: -1, category: "Fatal",
                                        text: "The deployment was aborted.", clockTime: decision.at))
        } else if snapshot.state == .canceled, let canceled = record.canceledAt {
            entries.append(TaskLogEntry(offset: snapshot.elapsed, step: -1, category: "Error",
                                        text: "The task was canceled.", clockTime: canceled))
        }
        return entries
    }

    func clockTime(of entry: TaskLogEntry) -> Double {
        entry.clockTime ?? absoluteTime(entry.offset)
    }
}
