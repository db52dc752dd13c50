// Finding and reading the user's config file and the project's `rove.toml`.

import RoveCore
import RoveHost
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One config file's text, and its permission bits for the warning about readable secrets.
struct ConfigSource: Equatable {
    var path: String
    var text: String
    /// `st_mode & 0o777`.
    var permissions: UInt32 = 0o600
}

/// Reads one file, or returns nil when there is none at `path`; injected so tests never touch
/// the real home directory.
struct ConfigReader {
    var read: (String) throws(Diagnostic) -> ConfigSource?
}

/// The two config files: the user's and the project's. Either may be missing.
struct ConfigFiles: Equatable {
    /// `$XDG_CONFIG_HOME/rove/config.toml`, else `$HOME/.config/rove/config.toml`.
    var user: ConfigSource?
    /// `rove.toml` in the current directory or its nearest ancestor that has one.
    var project: ConfigSource?

    init(user: ConfigSource? = nil, project: ConfigSource? = nil) {
        self.user = user
        self.project = project
    }

    /// Reads the files for `environment` and `currentDirectory` (nil: the process's own).
    /// A file that exists but cannot be read is an error; a missing one is not.
    static func read(
        environment: [String: String],
        currentDirectory: String? = nil,
        reader: ConfigReader = .fileSystem
    ) throws(Diagnostic) -> ConfigFiles {
        var files = ConfigFiles()
        if let path = userPath(environment: environment) {
            files.user = try reader.read(path)
        }
        if let directory = currentDirectory ?? workingDirectory() {
            for path in projectCandidates(from: directory) {
                if let source = try reader.read(path) {
                    files.project = source
                    break
                }
            }
        }
        return files
    }

    /// The XDG base directory rule: a relative `XDG_CONFIG_HOME` is ignored.
    static func userPath(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/rove/config.toml"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.config/rove/config.toml"
        }
        return nil
    }

    /// `/a/b/rove.toml`, `/a/rove.toml`, `/rove.toml` for `/a/b`.
    static func projectCandidates(from directory: String) -> [String] {
        var components = directory.split(separator: "/").map(String.init)
        var candidates: [String] = []
        while true {
            candidates.append("/" + (components + ["rove.toml"]).joined(separator: "/"))
            guard !components.isEmpty else { return candidates }
            components.removeLast()
        }
    }

    private static func workingDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(cString: buffer)
    }
}

extension ConnectionSettings {
    /// `resolve(environment:profile:files:)` with the real files: what `rove` calls at start-up.
    /// Errors are `config` diagnostics (`io` for an unreadable file), located in the file when
    /// they come from one; render them with `DiagnosticRenderer`.
    static func resolve(
        environment: [String: String],
        profile: String?,
        currentDirectory: String? = nil
    ) throws(Diagnostic) -> ResolvedConnections {
        let files = try ConfigFiles.read(environment: environment, currentDirectory: currentDirectory)
        return try resolve(environment: environment, profile: profile, files: files)
    }
}

extension ConfigReader {
    /// The real file system, with POSIX calls.
    static let fileSystem = ConfigReader { (path: String) throws(Diagnostic) -> ConfigSource? in
        try readSource(at: path)
    }
}

/// Outside `ConfigReader`, whose `read` would hide the system call of that name.
private func readSource(at path: String) throws(Diagnostic) -> ConfigSource? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw FileAccess.failure("cannot read", path)
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw FileAccess.failure("cannot read", path) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { throw FileAccess.failure("cannot read", path) }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return ConfigSource(path: path, text: String(decoding: bytes, as: UTF8.self),
                        permissions: UInt32(status.st_mode) & 0o777)
}
