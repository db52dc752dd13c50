// The real transport: libcurl's multi interface driving a batch of requests to completion.

import CCurl

/// Sends requests with libcurl, keeping connections alive for the transport's whole life.
///
/// One multi handle owns the connection pool, so consecutive `send` calls to the same host reuse
/// connections (and HTTP/2 streams when the server offers h2). Easy handles are pooled too.
/// `send` is meant for one thread at a time (the interpreter's); `cancel` for any thread.
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
        public var userAgent: String
        /// The Accept-Encoding offered; "" offers whatever curl can decode (gzip, deflate, …) and
        /// nil offers nothing. Bodies arrive decoded either way.
        public var acceptEncoding: String?
        public var followRedirects: Bool
        public var maxRedirects: Int

        public init(connectTimeout: Double = 10, totalTimeout: Double = 120,
                    lowSpeedLimit: Int = 1, lowSpeedTime: Double = 30,
                    maxConnectionsPerHost: Int = 8, verifyTLS: Bool = true,
                    userAgent: String = "rove/0.1.0", acceptEncoding: String? = "",
                    followRedirects: Bool = true, maxRedirects: Int = 10)
        {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.lowSpeedLimit = lowSpeedLimit
            self.lowSpeedTime = lowSpeedTime
            self.maxConnectionsPerHost = maxConnectionsPerHost
            self.verifyTLS = verifyTLS
            self.userAgent = userAgent
            self.acceptEncoding = acceptEncoding
            self.followRedirects = followRedirects
            self.maxRedirects = maxRedirects
        }
    }

    public let options: Options
    private let multi: CurlMulti
    private let cancelSignal = CancelSignal()
    /// Idle easy handles, reset and reused by the next batch.
    private var idleHandles: [CurlEasy] = []

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

    public func send(_ requests: [HTTPRequest]) -> [Result<HTTPResponse, TransportError>] {
        // A cancel aimed at an earlier batch must not stop this one.
        cancelSignal.clear()
        var results = [Result<HTTPResponse, TransportError>?](repeating: nil, count: requests.count)
        var active: [UnsafeMutableRawPointer: (index: Int, transfer: Transfer)] = [:]

        for (index, request) in requests.enumerated() {
            guard let easy = takeHandle() else {
                results[index] = .failure(TransportError(.invalid, "libcurl could not create a handle"))
                continue
            }
            let transfer = Transfer(request: request, easy: easy, cancelSignal: cancelSignal)
            do {
                try transfer.configure(options)
            } catch {
                results[index] = .failure(error)
                recycle(easy)
                continue
            }
            guard multi.add(easy) else {
                results[index] = .failure(TransportError(.invalid, "libcurl could not start the request"))
                recycle(easy)
                continue
            }
            active[easy.handle] = (index, transfer)
        }

        while !active.isEmpty {
            let healthy = multi.perform()
            while let (handle, code) = multi.nextCompleted() {
                guard let (index, transfer) = active.removeValue(forKey: handle) else { continue }
                multi.remove(transfer.easy)
                results[index] = transfer.finish(code, cancelled: cancelSignal.isSet)
                recycle(transfer.easy)
            }
            if active.isEmpty { break }
            let abandon: TransportError? = cancelSignal.isSet ? TransportError(.cancelled, "request cancelled")
                : healthy ? nil : TransportError(.invalid, "libcurl failed while driving requests")
            if let abandon {
                // Removing a handle mid-transfer closes its connection; the pool stays usable.
                for (index, transfer) in active.values {
                    multi.remove(transfer.easy)
                    results[index] = .failure(abandon)
                    recycle(transfer.easy)
                }
                active.removeAll()
                break
            }
            multi.poll(milliseconds: Self.pollMilliseconds)
        }
        return results.map { $0! }
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
