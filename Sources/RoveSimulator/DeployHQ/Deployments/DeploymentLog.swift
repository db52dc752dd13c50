// Per-step log lines, generated from the record and revealed as the clock passes them.

/// One step's log: entries reached so far, with stable integer ids for `before=` paging.
struct DeploymentLog {
    let timeline: DeploymentTimeline
    /// The deployment's position in the store; ids are `number * 100_000 + step * 1_000 + line`.
    let number: Int
    let serverNames: [String]

    /// At most this many entries per page; `before=` walks back from the newest.
    static let pageSize = 100

    func allLines(_ step: DeploymentStep) -> [(type: String, message: String, detail: String?)] {
        let record = timeline.record
        switch step {
        case .checkingAccess:
            return [("info", "Checking access to repository", nil), ("info", "Repository is accessible", nil)]
        case .updatingRepository:
            return [("info", "Updating repository cache", nil),
                    ("info", "Checked out \(record.branch) at \(record.endRevision.prefix(7))", nil),
                    ("info", "Comparing \(record.startRevision.isEmpty ? "first commit" : String(record.startRevision.prefix(7))) with \(record.endRevision.prefix(7))", nil)]
        case .building:
            if !record.runBuildCommands { return [("info", "Build commands skipped", nil)] }
            return [("info", "$ npm ci", nil), ("info", "added 412 packages in 9s", nil), ("info", "$ npm run build", nil),
                    ("info", "Build finished", nil)]
        case .transferring:
            var lines = serverNames.map { (type: "info", message: "Connecting to \($0)", detail: String?.none) }
            for file in 0..<record.transferredFiles {
                lines.append(("info", "Uploading assets/file-\(file + 1).js", nil))
            }
            return lines
        case .finishing:
            return [("info", "Tidying up", nil), ("info", "Deployment finished", nil)]
        }
    }

    /// Entries of step `index` revealed by the clock; a failed step ends with the error line.
    func entries(_ index: Int) -> [JSONValue] {
        let steps = timeline.steps
        guard index >= 0 && index < steps.count else { return [] }
        let step = steps[index]
        let lines = allLines(step)
        let status = timeline.stepStatus(index)
        var shown: Int
        switch status {
        case .pending, .skipped: shown = 0
        case .completed: shown = lines.count
        case .running, .failed: shown = Int(Double(lines.count) * timeline.progress(index))
        }
        shown = min(shown, lines.count)
        var out: [JSONValue] = lines.prefix(shown).enumerated().map { offset, line in
            entry(id: index, line: offset, step: step, type: line.type, message: line.message, detail: line.detail)
        }
        if status == .failed {
            let message = timeline.status == .cancelled ? "Deployment aborted by user"
                : "Permission denied while uploading to \(serverNames.first ?? "server")"
            out.append(entry(id: index, line: 999, step: step, type: "error", message: message,
                             detail: timeline.status == .cancelled ? nil : "scp: /var/www/assets: Permission denied"))
        }
        return out
    }

    private func entry(id stepIndex: Int, line: Int, step: DeploymentStep, type: String, message: String,
                       detail: String?) -> JSONValue {
        .object([("id", .int(number * 100_000 + stepIndex * 1_000 + line)), ("step", .string(step.rawValue)),
                 ("type", .string(type)), ("message", .string(message)), ("detail", .optional(detail))])
    }

    /// The newest `pageSize` entries older than `before` (all when nil), oldest first.
    func page(_ index: Int, before: Int?) -> [JSONValue] {
        let all = entries(index).filter { entry in
            guard let before else { return true }
            return (entry["id"]?.intValue ?? 0) < before
        }
        return Array(all.suffix(Self.pageSize))
    }
}
