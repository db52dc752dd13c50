// Finds executables SwiftPM built, for tests that run the real `rove` binary.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum BuiltProducts {
    /// The path of the built executable `name`: `$ROVE_BINARY` for `rove` when set, otherwise the
    /// file next to the running test bundle (SwiftPM puts both in `.build/<triple>/debug`).
    public static func executable(named name: String, environment: [String: String] = [:]) -> String? {
        if name == "rove", let override = environment["ROVE_BINARY"], !override.isEmpty { return override }
        var folder = runningExecutable()
        // On macOS the test binary sits deeper, in RovePackageTests.xctest/Contents/MacOS.
        for _ in 0..<5 {
            folder = parent(of: folder)
            let candidate = folder + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    private static func runningExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        #if os(Linux)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 { return String(cString: buffer) }
        #endif
        if let resolved = realpath(CommandLine.arguments[0], &buffer) { return String(cString: resolved) }
        return CommandLine.arguments[0]
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
