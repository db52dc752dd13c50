// Where `output(name, value)` goes for this run: the CI system chosen, its file or standard output.

import RoveCore
import RoveHost

extension CLI {
    /// The CI system the run writes outputs and annotations for: `--ci`, else detected.
    func ciSystem(_ invocation: Invocation) -> CISystem {
        invocation.ci ?? CISystem.detect(in: environment)
    }

    /// The host's `setOutput` for `system`. The CI system's file is the runner's to name, not the
    /// script's, so the sandbox's file rules do not apply to it (docs/cli.md "CI").
    func stepOutputSink(_ system: CISystem) -> (String, String) throws -> Void {
        let environment = self.environment
        let output = standardOutput
        return { name, value in
            let command = try StepOutputCommand(system: system, name: name, value: value, environment: environment)
            switch command.destination {
            case .standardOutput:
                output.write(command.text)
            case .file(let path):
                try FileAccess.append(command.text, to: path)
            }
        }
    }
}
