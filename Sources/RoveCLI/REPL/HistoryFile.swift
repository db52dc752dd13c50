// Where the REPL keeps its history, and which entries are never written there.

import RoveCore
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

    /// Whether the REPL may save `entry`, which has just run or failed to: not when it is blank
    /// or handles a secret. It does when running it made one, however spelt: `secret ("…")`, an
    /// alias of `secret`, `env` of a credential variable (`secretsBefore` is the interpreter's
    /// `secretsMade` from before it ran); when it names `secret` at all, so a function that would
    /// make one, or a line that failed before reaching it, is left out too; and when it holds a
    /// credential the session's connections know (a key typed in the clear).
    static func shouldRemember(_ entry: String, secretsBefore: Int, in session: Session) -> Bool {
        !entry.allSatisfy(\.isWhitespace)
            && session.interpreter.secretsMade == secretsBefore
            && !SourceFile(name: "<repl>", text: entry).names.contains("secret")
            && !session.mentionsCredential(entry)
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
