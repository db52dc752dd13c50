// Expanding link templates for requests, with errors scripts can read.

import RoveCore
import RoveHTTP

enum TemplateText {
    /// `link` expanded with `variables`; a malformed template is a `value` error naming it.
    static func expand(_ link: String, with variables: [String: TemplateValue]) throws -> String {
        do {
            return try URITemplate(link).expand(variables)
        } catch {
            throw Diagnostic(.value, error.description)
        }
    }

    /// `link` with every variable undefined: `/api/projects{/id}{?skip}` → `/api/projects`.
    static func withoutVariables(_ link: String) throws -> String {
        try expand(link, with: [:])
    }

    /// The variable names of `link`, or none when it is malformed (the error comes on use).
    static func variableNames(of link: String) -> [String] {
        (try? URITemplate(link).variableNames) ?? []
    }

    /// `link` extended so it can carry `names` as query parameters, for links that do not
    /// mention them (`/api/artifacts?regarding=X` has no `{?skip,take}`).
    static func adding(queryVariables names: [String], to link: String) -> String {
        guard !names.isEmpty else { return link }
        let list = names.joined(separator: ",")
        let characters = Array(link)
        if let form = characters.indices.first(where: { characters[$0] == "{" && $0 + 1 < characters.count && characters[$0 + 1] == "?" }),
           let close = characters[form...].firstIndex(of: "}") {
            return String(characters[..<close]) + "," + list + String(characters[close...])
        }
        return link + (link.contains("?") ? "{&\(list)}" : "{?\(list)}")
    }
}
