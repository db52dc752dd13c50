// nghttpd, a real HTTP/2 server with TLS, on loopback for the tests: started, waited for, stopped.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the server could not be started; thrown from `setUp`, so the test fails saying so.
public struct HTTP2ServerError: Error, CustomStringConvertible {
    public let description: String
}

/// An `nghttpd` process serving `files` over TLS (ALPN h2) on 127.0.0.1, with the test
/// certificate in Fixtures/tls, which `certificateAuthorities` signed.
///
/// nghttpd rather than a server of our own: what is being proved is that libcurl negotiates
/// HTTP/2 with a server that offers it, and only an independent implementation proves that.
public final class HTTP2Server {
    /// The test certificates, kept with the HTTP tests that first needed them.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/RoveHTTPTests/Fixtures/tls")
    /// The PEM file of the test CA, for `CurlTransport.Options.certificateAuthorities`.
    public static let certificateAuthorities = fixtures.appendingPathComponent("ca.pem").path

    public let port: Int
    public var baseURL: String { "https://127.0.0.1:\(port)" }
    private let process: Process
    /// Holds the served files under htdocs/ and nghttpd's log beside them.
    private let folder: String
    private var logFile: String { folder + "/nghttpd.log" }

    /// `files` maps a path under the document root ("item.json") to its contents.
    public init(files: [String: String]) throws {
        guard let executable = Self.findExecutable() else {
            throw HTTP2ServerError(description: "nghttpd is not installed: scripts/setup installs it "
                                   + "(apt-get install nghttp2-server); the HTTP/2 tests need a real HTTP/2 server")
        }
        // mkdtemp, as RoveTestSupport's makeTemporaryFolder does: this target stands apart from
        // that one, so the HTTP tests build without the language.
        var template = Array("/tmp/rove-h2-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw HTTP2ServerError(description: "could not make a temporary folder")
        }
        let folder = String(cString: made)
        self.folder = folder
        let documentRoot = folder + "/htdocs"
        let logFile = folder + "/nghttpd.log"
        try FileManager.default.createDirectory(atPath: documentRoot, withIntermediateDirectories: true)
        for (path, contents) in files {
            try contents.write(toFile: documentRoot + "/" + path, atomically: true, encoding: .utf8)
        }
        // A free port can be taken by someone else between our probe and nghttpd's bind; a
        // server that exits at once is started again on another.
        var lastFailure = ""
        for _ in 0..<3 {
            let port = try Self.freePort()
            // Without the file the log handle is nil and nghttpd would write into the tests' output.
            guard FileManager.default.createFile(atPath: logFile, contents: nil) else {
                try? FileManager.default.removeItem(atPath: folder)
                throw HTTP2ServerError(description: "could not make nghttpd's log file \(logFile)")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            // -v logs every frame, tagged with its connection ([id=N]): the tests count connections from it.
            process.arguments = ["-v", "--address=127.0.0.1", "-d", documentRoot, String(port),
                                 Self.fixtures.appendingPathComponent("server.key").path,
                                 Self.fixtures.appendingPathComponent("server.pem").path]
            let log = FileHandle(forWritingAtPath: logFile)
            process.standardOutput = log
            process.standardError = log
            try process.run()
            // The child has its own copy of the descriptor.
            try? log?.close()
            if Self.waitUntilAccepting(port: port, while: process) {
                self.port = port
                self.process = process
                return
            }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            lastFailure = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        }
        try? FileManager.default.removeItem(atPath: folder)
        throw HTTP2ServerError(description: "nghttpd did not start: \(lastFailure)")
    }

    deinit { stop() }

    /// Stops the server and waits for it to exit, so its log is complete. Safe to call twice.
    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Removes the served files and the log; the server must be stopped.
    public func removeFiles() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// How many connections carried requests; read after `stop()`. The probes that waited for
    /// the server to listen carried none, so they do not count.
    public var connectionsWithRequests: Int {
        Set(requestLines.map { $0.prefix { $0 != "]" } }).count
    }

    /// How many requests (HTTP/2 streams) the server received, over every connection.
    public var receivedRequests: Int {
        requestLines.filter { $0.contains(" :method: ") }.count
    }

    /// nghttpd -v prints each request header it receives as `[id=N] [time] recv (stream_id=S) name: value`.
    private var requestLines: [Substring] {
        let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        return log.split(separator: "\n").filter { $0.hasPrefix("[id=") && $0.contains(" recv (stream_id=") }
    }

    // MARK: Starting

    /// Debian puts nghttpd in /usr/sbin, which is not on every user's PATH.
    private static func findExecutable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin", "/usr/local/bin"]
        return folders.map { $0 + "/nghttpd" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A port nothing listens on now: the one the kernel picks for a socket bound to port 0.
    private static func freePort() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HTTP2ServerError(description: "socket failed: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw HTTP2ServerError(description: "could not find a free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Tries to connect every 20 ms for up to 10 seconds; false when the process exits first.
    private static func waitUntilAccepting(port: Int, while process: Process) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, process.isRunning {
            if canConnect(port: port) { return true }
            usleep(20_000)
        }
        return false
    }

    private static func canConnect(port: Int) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
