// The one table of exit codes every mode of `rove` shares (documented in docs/cli.md).

import RoveCore
import RoveProviders

/// How `rove` ends. Scripts in CI branch on these, so they never change meaning.
public enum ExitStatus: Int32 {
    /// Everything ran.
    case success = 0
    /// An uncaught runtime error in the script.
    case scriptError = 1
    /// A bad command line, or a script file that cannot be read.
    case usage = 2
    /// The program does not parse (including one that ends in the middle of a construct).
    case syntaxError = 3
    /// An HTTP request failed with a 4xx status other than 401 and 403, or with a redirect
    /// Rove does not follow on the same origin (a 301, 302 or 303 answer to a write, a loop).
    case httpClientError = 4
    /// An HTTP request failed with a 5xx status, or the network failed.
    case httpServerError = 5
    /// The server refused the credentials: HTTP 401 or 403.
    case authentication = 6
    /// A limit the command line set was reached (`--max-requests`, `--max-time`).
    case limit = 7
    /// Something was refused: a request that would take credentials or a body to another
    /// origin (an absolute link or a redirect elsewhere, or from https to http; DESIGN §9), or
    /// what the run's policy forbids (a write under `--read-only`; a file, variable or
    /// connection the sandbox keeps closed).
    case denied = 8
    /// A dry run (`--dry-run`) ran to the end and would have changed something: its plan
    /// holds at least one write. A dry run that would change nothing exits 0.
    case wouldChange = 10
    /// Ctrl-C (or a host) stopped the evaluation; 128 + SIGINT, as shells report it.
    case interrupted = 130

    /// The status an uncaught `diagnostic` ends the program with.
    public init(for diagnostic: Diagnostic) {
        if diagnostic.kind == .syntax || diagnostic.kind == .unexpectedEnd {
            self = .syntaxError
        } else if diagnostic.kind == .interrupted {
            self = .interrupted
        } else if diagnostic.kind == .limit {
            self = .limit
        } else if diagnostic.kind == .origin || diagnostic.kind == .denied {
            self = .denied
        } else if case .int(let status)? = diagnostic.fields["status"] {
            self = Self.forHTTPStatus(status)
        } else if Self.networkKinds.contains(diagnostic.kind.name) {
            self = .httpServerError
        } else {
            self = .scriptError
        }
    }

    /// Error kinds the transport uses for failures that never produced a status (refused
    /// connections, timeouts, TLS); they count as server-side trouble, like a 5xx.
    static let networkKinds: Set<String> = ["network", "timeout"]

    static func forHTTPStatus(_ status: Int) -> ExitStatus {
        switch status {
        case 401, 403: return .authentication
        case 300..<500: return .httpClientError
        case 500..<600: return .httpServerError
        default: return .scriptError
        }
    }
}
