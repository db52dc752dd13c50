// How each CI system is told a step output: the text, and whether it goes to a file or to stdout.

import RoveCore
import RoveHTTP

/// One `output(name, value)` in the form a CI system reads. The name is valid already
/// (`StepOutput.isValidName`): only the value can hold hostile text, and each form below keeps
/// it inside its own output.
struct StepOutputCommand: Equatable {
    enum Destination: Equatable {
        /// Standard output, where Azure, TeamCity and Octopus read their service messages.
        case standardOutput
        /// A file the system names (GitHub's `$GITHUB_OUTPUT`, GitLab's dotenv report).
        case file(String)
    }

    let destination: Destination
    let text: String

    /// The command for `system`. `makeDelimiter` gives GitHub's heredoc delimiters; one that
    /// occurs in the value is never used, so no line of the value can end it early.
    init(system: CISystem, name: String, value: String, environment: [String: String],
         makeDelimiter: () -> String = StepOutputCommand.randomDelimiter) throws {
        switch system {
        case .github:
            guard let path = environment["GITHUB_OUTPUT"], !path.isEmpty else {
                throw Diagnostic(.io, "cannot set output '\(name)': GITHUB_OUTPUT is not set (GitHub Actions sets it in every step)")
            }
            var delimiter = makeDelimiter()
            while value.contains(delimiter) { delimiter = makeDelimiter() }
            destination = .file(path)
            text = "\(name)<<\(delimiter)\n\(value)\n\(delimiter)\n"
        case .gitlab:
            guard let path = environment["ROVE_DOTENV"], !path.isEmpty else {
                throw Diagnostic(.io, "cannot set output '\(name)': set ROVE_DOTENV to the file the job names in 'artifacts:reports:dotenv'")
            }
            // GitLab's dotenv reader takes one line per variable and no escapes.
            try StepOutput.checkSingleLine(name, value)
            destination = .file(path)
            text = "\(name)=\(value)\n"
        case .azure:
            destination = .standardOutput
            text = "##vso[task.setvariable variable=\(name);isOutput=true]\(CIEscaping.azureData(value))\n"
        case .teamcity:
            destination = .standardOutput
            text = "##teamcity[setParameter name='\(name)' value='\(CIEscaping.teamCity(value))']\n"
        case .octopus:
            destination = .standardOutput
            text = "##octopus[setVariable name='\(Base64.encode(Array(name.utf8)))' value='\(Base64.encode(Array(value.utf8)))']\n"
        case .none:
            try StepOutput.checkSingleLine(name, value)
            destination = .standardOutput
            text = "\(name)=\(value)\n"
        }
    }

    /// `ghadelimiter_` and 128 random bits, as GitHub's own toolkit writes them.
    static func randomDelimiter() -> String {
        var generator = SystemRandomNumberGenerator()
        let bits = [generator.next(), generator.next()] as [UInt64]
        return "ghadelimiter_" + bits.map { bits in
            let hex = String(bits, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
