// The uncaught error of a run, as the CI system's own error annotation, beside the usual rendering.

import RoveCore

/// The line that makes a CI system mark an error on its page (GitHub's `::error`, Azure's
/// `task.logissue`, TeamCity's `buildProblem`); nil for systems without one, which read the
/// diagnostic rendered on standard error as it is.
enum ErrorAnnotation {
    static func line(for diagnostic: Diagnostic, system: CISystem) -> String? {
        let message = diagnostic.message
        // Sources without a file (`-e`, stdin, the REPL) have no place a page could link to.
        let location = diagnostic.location.flatMap { location in
            location.file.name.hasPrefix("<") ? nil : location
        }
        switch system {
        case .github:
            var properties: [String] = []
            if let location {
                properties = ["file=" + CIEscaping.githubProperty(location.file.name), "line=\(location.line)", "col=\(location.column)"]
            }
            let head = properties.isEmpty ? "::error" : "::error " + properties.joined(separator: ",")
            return head + "::" + CIEscaping.githubData(message) + "\n"
        case .azure:
            var properties = ["type=error"]
            if let location {
                properties += ["sourcepath=" + CIEscaping.azureProperty(location.file.name), "linenumber=\(location.line)",
                               "columnnumber=\(location.column)"]
            }
            return "##vso[task.logissue " + properties.joined(separator: ";") + "]" + CIEscaping.azureData(message) + "\n"
        case .teamcity:
            let place = location.map { "\($0.file.name):\($0.line): " } ?? ""
            // TeamCity keeps the first 4000 characters of a problem's description.
            let description = String((place + message).prefix(4000))
            return "##teamcity[buildProblem description='\(CIEscaping.teamCity(description))']\n"
        case .gitlab, .octopus, .none:
            return nil
        }
    }
}
