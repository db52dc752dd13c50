// Where a repository lives, read from its URL: the `hosting_service` block of a repository.

/// A repository URL taken apart: `git@github.com:acme/web.git`, `https://gitlab.com/acme/web.git`,
/// `ssh://git@bitbucket.org/acme/web.git`.
struct RepositoryURL {
    let host: String
    /// `acme/web`, without `.git`.
    let path: String

    /// Nil for text that is no repository URL (no host, or spaces).
    init?(_ url: String) {
        guard !url.isEmpty, !url.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else { return nil }
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            if let at = rest.firstIndex(of: "@"), at < (rest.firstIndex(of: "/") ?? rest.endIndex) { rest = rest[rest.index(after: at)...] }
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            host = String(rest[..<slash].split(separator: ":").first ?? "")
            rest = rest[rest.index(after: slash)...]
        } else {
            // scp-like `user@host:path`.
            guard let at = rest.firstIndex(of: "@"), let colon = rest[at...].firstIndex(of: ":") else { return nil }
            host = String(rest[rest.index(after: at)..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        guard !host.isEmpty, !rest.isEmpty else { return nil }
        path = rest.hasSuffix(".git") ? String(rest.dropLast(4)) : String(rest)
    }

    /// The `hosting_service` block: GitHub, GitLab and Bitbucket link to trees and commits;
    /// any other host is `Other`, with nothing to link to.
    func hostingService(branch: String) -> JSONValue {
        switch host.lowercased() {
        case "github.com", "gitlab.com":
            let name = host.lowercased() == "github.com" ? "GitHub" : "GitLab"
            return .object([("name", .string(name)), ("url", .string("https://\(host.lowercased())")),
                            ("tree_url", .string("https://\(host.lowercased())/\(path)/tree/\(branch)")),
                            ("commits_url", .string("https://\(host.lowercased())/\(path)/commits/\(branch)"))])
        case "bitbucket.org":
            return .object([("name", "Bitbucket"), ("url", "https://bitbucket.org"),
                            ("tree_url", .string("https://bitbucket.org/\(path)/src/\(branch)")),
                            ("commits_url", .string("https://bitbucket.org/\(path)/commits/branch/\(branch)"))])
        default:
            return .object([("name", "Other"), ("url", .null), ("tree_url", .null), ("commits_url", .null)])
        }
    }
}
