// How a `--dry-run` ends: the plan shown where the caller asked, and the exit status it implies.

import RoveCore
import RoveProviders

extension Session {
    /// Shows the dry run's plan and says how the run ends; `status` unchanged when this is no
    /// dry run.
    ///
    /// The plan goes to standard error as text, after everything the script printed; with
    /// `asData` (`--output json` or `ndjson`) it is instead the last line of standard output,
    /// one compact object whose only key is `dryRun`, so a reader takes the last line and
    /// leaves the script's own output before it. A run that failed keeps its failure's status
    /// (the plan then shows what it would have done up to there); one that succeeded exits 10
    /// when the plan holds a write, 0 when it holds none.
    func endDryRun(_ status: ExitStatus, asData: Bool) -> ExitStatus {
        guard let plan = providers?.plan else { return status }
        if asData {
            let data = PlanReport.data(plan) { text in (try? interpreter.decodeJSON(text)) ?? .string(text) }
            if let line = try? interpreter.encodeJSON(data, pretty: false) {
                output.write(line + "\n")
                output.flush()
            }
        } else {
            writeError(PlanReport.text(plan))
        }
        guard status == .success else { return status }
        return plan.wouldChange ? .wouldChange : .success
    }

    /// In the REPL, the writes the last entry planned, as soon as it ran.
    func showPlannedSince(_ count: Int) {
        guard let plan = providers?.plan, plan.entries.count > count else { return }
        writeError(PlanReport.lines(for: plan.entries[count...]))
    }
}
