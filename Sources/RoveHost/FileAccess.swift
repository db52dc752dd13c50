// Whole-file reads and writes for a process host, and the `.io` errors that name the path.

import RoveCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and writes with POSIX calls, failing with `.io` diagnostics that name the path.
public enum FileAccess {
    public static func contents(of path: String) throws -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure("cannot read", path) }
        defer { close(descriptor) }
        // A regular file's size is known: the buffer starts that large (and one byte more, so
        // the read that finds the end needs no growing), and a 30 MB response saved to disk is
        // read in one call instead of 64 KB chunks appended with doubling copies. It is still
        // read to the end, so a file that grows meanwhile is read whole, as a pipe is.
        var info = stat()
        let size = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size + 1, 64 * 1024), alignment: 8)
        defer { buffer.deallocate() }
        var filled = 0
        while true {
            if filled == buffer.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
            }
            let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw failure("cannot read", path) }
            if count == 0 { break }
            filled += count
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[..<filled]), as: UTF8.self)
    }

    public static func store(_ text: String, at path: String) throws {
        try writeAll(text, to: path, flags: O_WRONLY | O_CREAT | O_TRUNC)
    }

    /// Adds `text` at the end of the file, creating it: how CI systems' output files are written,
    /// where earlier steps' lines must stay.
    public static func append(_ text: String, to path: String) throws {
        try writeAll(text, to: path, flags: O_WRONLY | O_CREAT | O_APPEND)
    }

    private static func writeAll(_ text: String, to path: String, flags: Int32) throws {
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw failure("cannot write", path) }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw failure("cannot write", path) }
            bytes = bytes.dropFirst(count)
        }
    }

    /// The file `path` really names, for the policy's checks: absolute (from the current
    /// directory), with `.`, `..` and every symbolic link resolved, as `realpath` does, so
    /// that a path checked against a root is the file the kernel would open.
    ///
    /// A file that does not exist yet (one about to be written) is its resolved folder plus its
    /// name; a name that is a dangling link is followed to where the link points, since writing
    /// through it would create the file there. A folder that does not exist either is resolved
    /// the same way, one level up: the kernel will refuse to open such a path, so how its `..`
    /// are folded only has to stay on the safe side, and folding them lexically does.
    public static func resolvedPath(_ path: String) -> String {
        var current = absolute(path)
        // Each round follows one dangling link; a loop of links ends as the kernel's does.
        for _ in 0..<maxLinks {
            if let real = realPath(current) { return real }
            let (folder, name) = split(current)
            guard name != ".", name != "..", !name.isEmpty else { return Policy.normalized(current) }
            let parent = folder == current ? folder : resolvedPath(folder)
            let candidate = parent == "/" ? "/" + name : parent + "/" + name
            guard let target = linkTarget(candidate) else { return candidate }
            current = target.hasPrefix("/") ? target : (parent == "/" ? "/" : parent + "/") + target
        }
        return Policy.normalized(current)
    }

    /// How many links one resolution follows: Linux's own limit for a path.
    private static let maxLinks = 40

    /// `path` made absolute against the current directory. Not tidied: `link/..` is the
    /// folder above the link's target, which only `realpath` knows.
    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return String(cString: buffer) + "/" + path
    }

    /// `realpath(3)`, or nil when some part of `path` does not exist (or cannot be searched).
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The text of the link at `path`, or nil when `path` is not a link.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `/a/b/c` → (`/a/b`, `c`); `/a` → (`/`, `a`); `/a/` → (`/a`, ``).
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    /// `cannot read 'x.rove': No such file or directory`, from the current `errno`.
    public static func failure(_ action: String, _ path: String) -> Diagnostic {
        Diagnostic(.io, "\(action) '\(path)': \(String(cString: strerror(errno)))")
    }
}
