// A small HTTP/1.1 server on 127.0.0.1 for tests: scripted replies, delays, slow bodies, drops.

import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One request as the server read it off the wire.
public struct ReceivedRequest: Sendable {
    public let method: String
    /// The request target as sent, query included.
    public let target: String
    /// Header fields in order, names lowercased.
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    /// The target without its query: what routes are matched on.
    public var path: String { String(target.prefix { $0 != "?" }) }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }
}

/// A response for the server to write.
public struct ServerReply: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Send the body gzip-encoded when the request's Accept-Encoding allows gzip.
    public var gzipIfAccepted: Bool

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                gzipIfAccepted: Bool = false)
    {
        self.status = status
        self.headers = headers
        self.body = body
        self.gzipIfAccepted = gzipIfAccepted
    }

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], text: String,
                gzipIfAccepted: Bool = false)
    {
        self.init(status: status, headers: headers, body: Array(text.utf8), gzipIfAccepted: gzipIfAccepted)
    }
}

/// What the server does with a request.
public enum ServerAction: Sendable {
    case respond(ServerReply)
    /// Waits, then responds; the wait ends early when the server stops.
    case delay(seconds: Double, then: ServerReply)
    /// Closes the connection without a response.
    case drop
    /// Sends the head at once, then the body `chunkSize` bytes at a time, `interval` seconds apart.
    case slowBody(ServerReply, chunkSize: Int, interval: Double)
    /// Sends the reply's status and headers, then `chunk` again and again until the client goes
    /// away: with `Content-Length: declaredLength` when given (a body that claims to be huge),
    /// else chunked with no end. For the client's caps on what a hostile server sends.
    case endless(ServerReply, chunk: [UInt8], declaredLength: Int?)
}

/// An HTTP/1.1 server bound to an ephemeral port on 127.0.0.1, a thread per connection.
///
/// It speaks just enough HTTP for the transport's tests: keep-alive, Content-Length bodies and
/// `Expect: 100-continue`. It never listens beyond loopback. It stops on `stop()` or when the last
/// reference goes, and every wait inside it wakes at least every 50 ms to notice that.
public final class LoopbackServer: Sendable {
    public typealias Route = @Sendable (ReceivedRequest) -> ServerAction

    public let port: Int
    private let state: ServerState

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Connections accepted so far: how tests observe keep-alive.
    public var acceptedConnections: Int { state.shared.withLock { $0.acceptedConnections } }

    /// Every request received so far, in arrival order.
    public var requests: [ReceivedRequest] { state.shared.withLock { $0.requests } }

    /// Starts listening; `routes` are matched on the exact path and anything else gets `fallback`
    /// (a 404 unless given).
    public init(routes: [String: Route] = [:], fallback: Route? = nil) throws {
        let listener = try ServerState.openListener()
        port = listener.port
        let notFound: Route = fallback ?? { _ in .respond(ServerReply(status: 404, text: "not found")) }
        state = ServerState(listenSocket: listener.socket, routes: routes, fallback: notFound)
        state.startAccepting()
    }

    deinit { state.stop() }

    /// Adds or replaces the route for `path`.
    public func route(_ path: String, _ handler: @escaping Route) {
        state.shared.withLock { $0.routes[path] = handler }
    }

    /// Stops accepting, breaks every open connection, and waits (bounded) for the listener to close.
    public func stop() { state.stop() }
}

/// Raised when the listening socket cannot be set up.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public let description: String
}

/// Everything the server's threads share; the public type holds it, so the threads never keep the
/// server alive and `deinit` can stop them.
private final class ServerState: @unchecked Sendable {
    struct Shared {
        var routes: [String: LoopbackServer.Route]
        var acceptedConnections = 0
        var requests: [ReceivedRequest] = []
        var openSockets: Set<Int32> = []
    }

    let shared: Mutex<Shared>
    private let fallback: LoopbackServer.Route
    private let listenSocket: Int32
    private let stopped = Atomic<Bool>(false)
    private let listenerClosed = DispatchSemaphore(value: 0)

    init(listenSocket: Int32, routes: [String: LoopbackServer.Route], fallback: @escaping LoopbackServer.Route) {
        self.listenSocket = listenSocket
        self.fallback = fallback
        shared = Mutex(Shared(routes: routes))
    }

    var isStopped: Bool { stopped.load(ordering: .acquiring) }

    static func openListener() throws -> (socket: Int32, port: Int) {
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, stream, 0)
        guard fd >= 0 else { throw LoopbackServerError(description: "socket failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw LoopbackServerError(description: "bind or listen failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    func startAccepting() {
        Thread { [self] in
            acceptLoop()
            close(listenSocket)
            listenerClosed.signal()
        }.start()
    }

    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // Shutting a socket down wakes a thread blocked writing to it; the owner thread closes it.
        shared.withLock { state in
            for fd in state.openSockets { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        _ = listenerClosed.wait(timeout: .now() + 2)
    }

    private func acceptLoop() {
        while !isStopped {
            guard waitReadable(listenSocket) else { continue }
            let client = accept(listenSocket, nil, nil)
            guard client >= 0 else { continue }
            var one: Int32 = 1
            // The head and body go out in separate writes; without this, Nagle's algorithm holds
            // the body back until the client's delayed ACK, some 40 ms per request.
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            #if canImport(Darwin)
            setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
            #endif
            shared.withLock {
                $0.acceptedConnections += 1
                $0.openSockets.insert(client)
            }
            Thread { [self] in
                serve(Connection(socket: client, state: self))
                shared.withLock { _ = $0.openSockets.remove(client) }
                close(client)
            }.start()
        }
    }

    /// Waits up to 50 ms for `fd` to have something to read.
    func waitReadable(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 50) > 0
    }

    private func serve(_ connection: Connection) {
        while !isStopped, let request = connection.readRequest() {
            let route = shared.withLock { state in
                state.requests.append(request)
                return state.routes[request.path]
            } ?? fallback
            let keepAlive = request.header("connection")?.lowercased() != "close"
            switch route(request) {
            case .respond(let reply):
                guard connection.write(reply, to: request, keepAlive: keepAlive) else { return }
            case .delay(let seconds, let reply):
                guard pause(seconds), connection.write(reply, to: request, keepAlive: keepAlive) else { return }
            case .drop:
                return
            case .slowBody(let reply, let chunkSize, let interval):
                guard connection.writeSlowly(reply, to: request, chunkSize: chunkSize, interval: interval,
                                             keepAlive: keepAlive) else { return }
            case .endless(let reply, let chunk, let declaredLength):
                connection.writeEndlessly(reply, chunk: chunk, declaredLength: declaredLength)
                return
            }
            if !keepAlive { return }
        }
    }

    /// Sleeps `seconds` in short steps; false when the server stopped meanwhile.
    func pause(_ seconds: Double) -> Bool {
        var remaining = seconds
        while remaining > 0, !isStopped {
            let step = min(remaining, 0.01)
            usleep(UInt32(step * 1_000_000))
            remaining -= step
        }
        return !isStopped
    }
}

/// One accepted socket: reads requests off it and writes replies to it.
private final class Connection {
    let socket: Int32
    unowned let state: ServerState
    /// Bytes read past the end of the previous request (a pipelined next one).
    private var pending: [UInt8] = []

    init(socket: Int32, state: ServerState) {
        self.socket = socket
        self.state = state
    }

    /// The next request, or nil when the peer closed, the server stopped, or the head is garbage.
    func readRequest() -> ReceivedRequest? {
        var searchFrom = 0
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Connection.find([13, 10, 13, 10], in: pending, from: searchFrom)
            if headEnd != nil { break }
            searchFrom = max(0, pending.count - 3)
            guard pending.count < 1 << 20, receiveMore() else { return nil }
        }
        let head = String(decoding: pending[..<headEnd!], as: UTF8.self)
        pending.removeFirst(headEnd! + 4)

        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((line[..<colon].lowercased(), value))
        }
        let length = headers.first { $0.name == "content-length" }.flatMap { Int($0.value) } ?? 0
        let expectsContinue = headers.contains { $0.name == "expect" && $0.value.lowercased() == "100-continue" }
        if expectsContinue, length > pending.count {
            guard sendAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        while pending.count < length {
            guard receiveMore() else { return nil }
        }
        let body = Array(pending[..<length])
        pending.removeFirst(length)
        return ReceivedRequest(method: String(requestLine[0]), target: String(requestLine[1]),
                               headers: headers, body: body)
    }

    func write(_ reply: ServerReply, to request: ReceivedRequest, keepAlive: Bool) -> Bool {
        let (head, body) = encode(reply, for: request, keepAlive: keepAlive)
        return sendAll(head) && sendAll(body)
    }

    func writeSlowly(_ reply: ServerReply, to request: ReceivedRequest, chunkSize: Int, interval: Double,
                     keepAlive: Bool) -> Bool
    {
        let (head, body) = encode(reply, for: request, keepAlive: keepAlive)
        guard sendAll(head) else { return false }
        var offset = 0
        while offset < body.count {
            let end = min(body.count, offset + max(1, chunkSize))
            guard sendAll(Array(body[offset..<end])) else { return false }
            offset = end
            if offset < body.count, !state.pause(interval) { return false }
        }
        return true
    }

    /// Writes `chunk` until the peer stops reading or the server stops; the connection is not
    /// reused after it.
    func writeEndlessly(_ reply: ServerReply, chunk: [UInt8], declaredLength: Int?) {
        var head = "HTTP/1.1 \(reply.status) \(Connection.reason(reply.status))\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        head += declaredLength.map { "Content-Length: \($0)\r\n" } ?? "Transfer-Encoding: chunked\r\n"
        head += "Connection: close\r\n\r\n"
        let piece = declaredLength == nil
            ? Array((String(chunk.count, radix: 16) + "\r\n").utf8) + chunk + [13, 10] : chunk
        guard sendAll(Array(head.utf8)) else { return }
        while !state.isStopped, sendAll(piece) {}
    }

    /// The status line and fields, and the body as it goes on the wire (gzipped if asked and allowed).
    private func encode(_ reply: ServerReply, for request: ReceivedRequest, keepAlive: Bool) -> ([UInt8], [UInt8]) {
        var body = reply.body
        var headers = reply.headers
        let acceptsGzip = request.header("accept-encoding")?.lowercased().contains("gzip") ?? false
        if reply.gzipIfAccepted, acceptsGzip {
            body = StoredGzip.encode(body)
            headers.append(("Content-Encoding", "gzip"))
        }
        if !headers.contains(where: { $0.name.lowercased() == "content-length" }) {
            headers.append(("Content-Length", String(body.count)))
        }
        if !keepAlive { headers.append(("Connection", "close")) }
        var head = "HTTP/1.1 \(reply.status) \(Connection.reason(reply.status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        return (Array(head.utf8), request.method == "HEAD" ? [] : body)
    }

    /// Reads whatever arrives within 50 ms; false when the peer closed or the server stopped.
    private func receiveMore() -> Bool {
        while !state.isStopped {
            guard state.waitReadable(socket) else { continue }
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            pending.append(contentsOf: buffer[..<count])
            return true
        }
        return false
    }

    /// Writes all of `bytes`; false when the peer went away.
    private func sendAll(_ bytes: [UInt8]) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = send(socket, buffer.baseAddress! + offset, buffer.count - offset, flags)
                if sent < 0, errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

/// gzip without a compressor: deflate's "stored" blocks carry the bytes verbatim, which every
/// gzip decoder accepts, so tests get a real Content-Encoding without linking zlib.
enum StoredGzip {
    static func encode(_ data: [UInt8]) -> [UInt8] {
        // Magic, method 8 (deflate), no flags, no mtime, no extra flags, OS unknown.
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        out.reserveCapacity(data.count + data.count / 65_535 * 5 + 32)
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final = offset + length == data.count
            out.append(final ? 1 : 0)  // BFINAL, BTYPE 00 (stored)
            out += littleEndian(UInt16(length)) + littleEndian(~UInt16(length))
            out += data[offset..<offset + length]
            offset += length
        } while offset < data.count
        out += littleEndian(crc32(data)) + littleEndian(UInt32(truncatingIfNeeded: data.count))
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<T.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
