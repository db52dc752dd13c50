// The real transport: libcurl's multi interface, with requests joining and leaving it one by one.

import CCurl

/// Sends requests with libcurl, keeping connections alive for the transport's whole life.
///
/// It never follows a redirect: a 3xx comes back as the response it is, and the client decides
/// hop by hop, so every hop passes its origin check (docs/http-client.md).
///
/// One multi handle owns the connection pool, so requests to the same host reuse connections
/// (and HTTP/2 streams when the server offers h2), whenever they were started. Easy handles are
/// pooled too. `start`, `completions` and `abandon` are meant for one thread at a time (the
/// interpreter's); `cancel` for any thread.
///
/// Proxies follow libcurl's environment variables: `http_proxy` (lowercase only, since CGI
/// servers set `HTTP_PROXY` from a request header), `https_proxy`/`HTTPS_PROXY`,
/// `all_proxy`/`ALL_PROXY` and `no_proxy`/`NO_PROXY`.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    public struct Options: Sendable {
        /// Seconds to establish a connection, TLS included.
        public var connectTimeout: Double
        /// Seconds for a whole request, redirects included; 0 means no limit.
        public var totalTimeout: Double
        /// A transfer slower than `lowSpeedLimit` bytes per second for `lowSpeedTime` seconds is
        /// abandoned as a timeout, so a stalled server cannot hold a request for the full total.
        public var lowSpeedLimit: Int
        public var lowSpeedTime: Double
        /// Connections open at once to one host; further requests wait for one to free up.
        public var maxConnectionsPerHost: Int
        /// Verify the server's certificate and host name. Turning this off is for test servers.
        public var verifyTLS: Bool
        /// A PEM file of certificate authorities to verify servers against, in place of the
        /// system's CA bundle (as curl's `--cacert`): for a server behind a private or corporate
        /// CA, which then stays verified instead of needing `verifyTLS` off. nil uses the system's.
        public var certificateAuthorities: String?
        public var userAgent: String
        /// The Accept-Encoding offered; "" offers whatever curl can decode (gzip, deflate, …) and
        /// nil offers nothing. Bodies arrive decoded either way.
        public var acceptEncoding: String?
        /// The largest response body accepted, in bytes, after decoding (so a gzip bomb is
        /// stopped too), unless a request sets its own: past it the transfer stops at once and
        /// fails as `tooLarge`. A Content-Length above it fails before the body is read.
        public var maxResponseBytes: Int
        /// The most header bytes one transfer may receive, status lines included.
        public var maxHeaderBytes: Int

        /// 256 MiB: the largest `Page.All` answers of real servers (every task of a busy
        /// instance) stay well below it, and a machine survives holding it.
        public static let defaultMaxResponseBytes = 256 << 20
        /// 256 KiB: real responses carry a few KB of headers.
        public static let defaultMaxHeaderBytes = 256 << 10

        public init(connectTimeout: Double = 10, totalTimeout: Double = 120,
                    lowSpeedLimit: Int = 1, lowSpeedTime: Double = 30,
                    maxConnectionsPerHost: Int = 8, verifyTLS: Bool = true,
                    certificateAuthorities: String? = nil,
                    userAgent: String = "rove/0.1.0", acceptEncoding: String? = "",
                    maxResponseBytes: Int = defaultMaxResponseBytes, maxHeaderBytes: Int = defaultMaxHeaderBytes)
        {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.lowSpeedLimit = lowSpeedLimit
            self.lowSpeedTime = lowSpeedTime
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.verifyTLS = verifyTLS
            self.certificateAuthorities = certificateAuthorities
            self.userAgent = userAgent
            self.acceptEncoding = acceptEncoding
            self.maxResponseBytes = maxResponseBytes
            self.maxHeaderBytes = maxHeaderBytes
        }
    }

    public let options: Options
    private let multi: CurlMulti
    private let cancelSignal = CancelSignal()
    /// Idle easy handles, reset and reused by the next request.
    private var idleHandles: [CurlEasy] = []
    /// Started requests still in the multi handle, by easy handle.
    private var active: [UnsafeMutableRawPointer: (id: Int, transfer: Transfer)] = [:]
    /// Requests that failed before they could start, reported by the next `completions`.
    private var finished: [HTTPCompletion] = []

    /// How long one poll may sleep: the longest a cancel waits if the wake-up is missed.
    private static let pollMilliseconds: Int32 = 50
    private static let maxIdleHandles = 32

    public init(options: Options = Options()) throws(TransportError) {
        guard let multi = CurlMulti() else {
            throw TransportError(.invalid, CurlLibrary.loadFailure ?? "libcurl could not be initialised")
        }
        self.options = options
        self.multi = multi
        _ = multi.set(CURLMOPT_MAX_HOST_CONNECTIONS, max(1, options.maxConnectionsPerHost))
        // Room for every per-host connection of several hosts, so idle ones stay open.
        _ = multi.set(CURLMOPT_MAXCONNECTS, max(32, 4 * options.maxConnectionsPerHost))
    }

    public func start(_ request: HTTPRequest, id: Int) {
        // A cancel aimed at requests that have all finished must not stop the next ones.
        if active.isEmpty, finished.isEmpty { cancelSignal.clear() }
        guard let easy = takeHandle() else {
            finished.append(HTTPCompletion(id: id, result: .failure(TransportError(.invalid, "libcurl could not create a handle"))))
            return
        }
        let transfer = Transfer(request: request, easy: easy, cancelSignal: cancelSignal)
        do {
            try transfer.configure(options)
        } catch {
            finished.append(HTTPCompletion(id: id, result: .failure(error)))
            recycle(easy)
            return
        }
        guard multi.add(easy) else {
            finished.append(HTTPCompletion(id: id, result: .failure(TransportError(.invalid, "libcurl could not start the request"))))
            recycle(easy)
            return
        }
        active[easy.handle] = (id, transfer)
    }

    public func completions(waitingAtMost seconds: Double) -> [HTTPCompletion] {
        var done = finished
        finished = []
        let deadline = SystemClock.now() + seconds
        while !active.isEmpty {
            let healthy = multi.perform()
            while let (handle, code) = multi.nextCompleted() {
                guard let (id, transfer) = active.removeValue(forKey: handle) else { continue }
                multi.remove(transfer.easy)
                done.append(HTTPCompletion(id: id, result: transfer.finish(code, cancelled: cancelSignal.isSet)))
                recycle(transfer.easy)
            }
            // Back to the caller as soon as anything finished, so it can start the next request.
            if !done.isEmpty || active.isEmpty { break }
            let abandoned: TransportError? = cancelSignal.isSet ? TransportError(.cancelled, "request cancelled")
                : healthy ? nil : TransportError(.invalid, "libcurl failed while driving requests")
            if let abandoned {
                for (id, _) in active.values { done.append(HTTPCompletion(id: id, result: .failure(abandoned))) }
                abandon()
                break
            }
            let remaining = deadline - SystemClock.now()
            if remaining <= 0 { break }
            // Clamped as a Double first: a caller may wait "forever" (.infinity).
            multi.poll(milliseconds: Int32(min(Double(Self.pollMilliseconds), (remaining * 1000).rounded(.up))))
        }
        return done
    }

    public func abandon() {
        // Removing a handle mid-transfer closes its connection; the pool stays usable.
        for (_, transfer) in active.values {
            multi.remove(transfer.easy)
            recycle(transfer.easy)
        }
        active.removeAll()
        finished.removeAll()
    }

    public func cancel() {
        cancelSignal.set()
        multi.wakeUp()
    }

    private func takeHandle() -> CurlEasy? {
        idleHandles.popLast() ?? CurlEasy()
    }

    private func recycle(_ easy: CurlEasy) {
        if idleHandles.count < Self.maxIdleHandles { idleHandles.append(easy) }
    }
}
