// What a script may touch beyond the values its host gave it: files, imports, environment, network, write methods.

/// What the scripts an interpreter runs may touch: which files they may read and write, which
/// files they may import, which environment variables they may read, which origins they may
/// open connections to, and which HTTP methods their requests may use.
///
/// A host's interpreter starts `sandboxed` (deny by default: scripts reach only the values and
/// connections the host gave them); `rove` starts `unrestricted` and narrows it with
/// `--sandbox` and the `--allow-*` flags. Every check happens before anything is touched, and a
/// refusal is a `denied` diagnostic (catchable, exit code 8 in `rove`) that names what was
/// refused.
///
/// Paths are compared in the form `Host.resolvePath` gives: the process host (`RoveHost`) makes
/// them absolute and resolves `..` and symbolic links, so no spelling of a path and no link
/// leads out of a root; the core alone can only tidy them lexically.
public struct Policy: Equatable, Sendable {
    /// One part of a policy: everything, or only the entries listed.
    public enum Grant: Equatable, Sendable {
        case all
        /// Roots (files: a root allows itself and everything below it), names (environment
        /// variables, matched exactly) or origins (`https://host:port`, the port optional for
        /// the scheme's default).
        case only([String])
    }

    /// The HTTP methods requests may use.
    public enum Methods: Equatable, Sendable {
        case all
        /// GET and HEAD only (`rove --read-only`): a write is refused before it is sent.
        case readOnly
    }

    /// What `readFile` may read.
    public var reads: Grant
    /// What `writeFile` may write.
    public var writes: Grant
    /// What `import` may run, apart from the bundled `std/` files, which are always allowed.
    /// Separate from `reads`: `rove --sandbox` lets a script import from its own folder without
    /// letting it read data there.
    public var imports: Grant
    /// The variables `env` may read.
    public var environment: Grant
    /// The origins `connect(...)` may open a connection to. Connections the host configured
    /// itself (`Providers.connectOctopus`, the CLI's profiles and variables) need no entry.
    public var network: Grant
    /// The methods every request may use, the host's own connections included.
    public var methods: Methods
    /// Whether a refusal names the `rove` flag that would allow it (`rove --allow-read /etc/x`);
    /// the CLI's policies do, a host's need not, since its users have no such flags.
    public var suggestsFlags: Bool

    public init(reads: Grant = .only([]), writes: Grant = .only([]), imports: Grant = .only([]),
                environment: Grant = .only([]), network: Grant = .only([]), methods: Methods = .all,
                suggestsFlags: Bool = false) {
        self.reads = reads
        self.writes = writes
        self.imports = imports
        self.environment = environment
        self.network = network
        self.methods = methods
        self.suggestsFlags = suggestsFlags
    }

    /// Nothing beyond what the host gave: no files, no imports but the bundled ones, no
    /// environment, no connections but the host's own; every method on those. What an
    /// `Interpreter` starts with.
    public static let sandboxed = Policy()

    /// Everything: what `rove` allows without `--sandbox`.
    public static let unrestricted = Policy(reads: .all, writes: .all, imports: .all, environment: .all,
                                            network: .all, methods: .all)
}

// MARK: Checks

extension Policy {
    /// How a script uses a file, for the check and its message.
    public enum FileUse: Sendable {
        case read, write, `import`

        var verb: String {
            switch self {
            case .read: return "reading"
            case .write: return "writing"
            case .import: return "importing"
            }
        }

        /// The flag that opens the file for this use. Imports are opened by `--allow-read`:
        /// what a script may read it may as well run.
        var flag: String {
            switch self {
            case .read, .import: return "--allow-read"
            case .write: return "--allow-write"
            }
        }
    }

    /// The roots of `use`.
    public func grant(for use: FileUse) -> Grant {
        switch use {
        case .read: return reads
        case .write: return writes
        case .import: return imports
        }
    }

    /// Checks that a script may use the file `path` as `use`, and returns the path to open:
    /// `resolve(path)` when the policy restricts `use` (so the file checked is the file
    /// opened, whatever links lead there), `path` untouched when it does not.
    ///
    /// - Parameter resolve: `Host.resolvePath`; the roots go through it too, so a root written
    ///   through a link (`/tmp` on macOS) still holds the files below its target.
    /// - Throws: a `denied` diagnostic naming the path (and, when they differ, where it leads).
    public func check(_ use: FileUse, path: String, resolve: (String) -> String) throws -> String {
        guard case .only(let roots) = grant(for: use) else { return path }
        let target = Self.normalized(resolve(path))
        if roots.contains(where: { Self.contains(Self.normalized(resolve($0)), target) }) { return target }
        let named = target == path ? "'\(path)'" : "'\(path)' (\(target))"
        var denial = denial("\(use.verb) \(named) is not allowed", flag: use.flag, value: target)
        denial.fields["path"] = .string(path)
        throw denial
    }

    /// Checks that a script may read the environment variable `name`.
    public func checkEnvironment(_ name: String) throws {
        guard case .only(let names) = environment, !names.contains(name) else { return }
        var denial = denial("reading the environment variable '\(name)' is not allowed", flag: "--allow-env", value: name)
        denial.fields["variable"] = .string(name)
        throw denial
    }

    /// A `denied` diagnostic: `message`, then the command that would allow it when the policy
    /// suggests flags.
    public func denial(_ message: String, flag: String, value: String) -> Diagnostic {
        guard suggestsFlags else { return Diagnostic(.denied, message) }
        return Diagnostic(.denied, "\(message): rove \(flag) \(Self.shellQuoted(value))")
    }

    /// Whether `path` is `root` or lies below it; both normalised. Lexical: `/a/b` holds
    /// `/a/b/c`, not `/a/bc`; a relative path is held only by a relative root, and one that
    /// climbs out of its start (`../x`) by none.
    static func contains(_ root: String, _ path: String) -> Bool {
        if path == ".." || path.hasPrefix("../") { return false }
        if root == "/" { return path.hasPrefix("/") }
        if root == "." { return !path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }

    /// `path` with `.` components, repeated slashes and a trailing slash removed and `..`
    /// folded into its parent, as far as the text allows: `/a/./b/../c` → `/a/c`, `/..` → `/`,
    /// `a/../../b` → `../b`, `` → `.`. Purely lexical; links are the host's to resolve.
    public static func normalized(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !isAbsolute {
                    parts.append("..")
                }
            default:
                parts.append(component)
            }
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `value` as a shell word: bare when it is only safe characters, else in single quotes.
    static func shellQuoted(_ value: String) -> String {
        let safe = value.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "/._-+:,@%=".unicodeScalars.contains(scalar)
        }
        if safe && !value.isEmpty { return value }
        return "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
