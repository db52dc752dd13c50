// Where the REPL keeps its history, and which entries are never written there.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL's history file: `$XDG_STATE_HOME/rove/history`, by default `~/.local/state/rove/history`.
///
/// The file holds what people typed, which may include hostnames and tokens, so it is created
/// readable by its owner only (0600) and entries that build secrets are left out.
struct HistoryFile {
    /// Nil when there is no home directory to keep it in.
    let path: String?
    /// Entries kept, oldest dropped first.
    static let capacity = 1000

    init(environment: [String: String]) {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            path = state + "/rove/history"
        } else if let home = environment["HOME"], !home.isEmpty {
            path = home + "/.local/state/rove/history"
        } else {
            path = nil
        }
    }

    /// Whether `entry` may be saved: not blank, and not holding a `secret(...)`.
    static func shouldRemember(_ entry: String) -> Bool {
        !entry.allSatisfy(\.isWhitespace) && !entry.contains("secret(")
    }

    /// Creates the folders (0700) and the file (0600) when missing, and tightens a file that was
    /// left readable by others. Returns false when the file cannot be used.
    func prepare() -> Bool {
        guard let path else { return false }
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += "/" + component
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { return false }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        guard descriptor >= 0 else { return false }
        fchmod(descriptor, 0o600)
        close(descriptor)
        return true
    }
}
