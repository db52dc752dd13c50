// One request in flight on one easy handle: its options, the C callbacks, and what arrives.

import CCurl
import Synchronization

/// Set by `CurlTransport.cancel()` on any thread, read by the callbacks and the poll loop.
final class CancelSignal: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .acquiring) }
    func set() { flag.store(true, ordering: .releasing) }
    func clear() { flag.store(false, ordering: .releasing) }
}

/// A request bound to an easy handle, collecting the response as curl delivers it.
///
/// The callbacks reach this object through an unretained pointer; the transport holds a strong
/// reference for as long as the easy handle sits in the multi handle, which is the only time
/// curl calls them.
final class Transfer {
    let easy: CurlEasy
    private let request: HTTPRequest
    private let cancelSignal: CancelSignal
    /// Kept alive here because curl keeps only the pointer.
    private let headerList = CurlHeaderList()

    private var headers: [(name: String, value: String)] = []
    private var body: [UInt8] = []
    /// The caps this transfer enforces, and how many header bytes it has taken so far.
    private var maxBodyBytes = CurlTransport.Options.defaultMaxResponseBytes
    private var maxHeaderBytes = CurlTransport.Options.defaultMaxHeaderBytes
    private var headerBytes = 0
    /// Set when a callback stopped the transfer at a cap: what was too large.
    private var overflow: String?

    /// Bytes libcurl reads from the socket at once (its default is 16 KB).
    private static let receiveBufferSize = 64 << 10
    /// Pre-sizing from Content-Length stops at this, so a hostile header cannot demand memory.
    private static let maxReservation = 64 << 20

    init(request: HTTPRequest, easy: CurlEasy, cancelSignal: CancelSignal) {
        self.request = request
        self.easy = easy
        self.cancelSignal = cancelSignal
    }

    /// Sets every option this request needs on its handle.
    ///
    /// A handle whose last request was a plain GET (no body) already holds every option but the
    /// URL, the headers and where the callbacks deliver, so another plain GET sets only those:
    /// resetting and setting some thirty options again cost a tenth of a small request's time.
    func configure(_ options: CurlTransport.Options) throws(TransportError) {
        try validate()
        maxBodyBytes = max(0, request.maxResponseBytes ?? options.maxResponseBytes)
        maxHeaderBytes = max(0, options.maxHeaderBytes)
        // A time-limited request leaves shorter timeouts behind: the next one starts afresh.
        let plainGet = request.method == "GET" && request.body == nil && request.timeLimit == nil
        let reuse = plainGet && easy.holdsPlainGetOptions
        // Cleared first: a configuration that fails halfway leaves options nobody can vouch for.
        easy.holdsPlainGetOptions = false
        do {
            if reuse {
                easy.clearErrorDetail()
            } else {
                try easy.reset()
                try configureHandle(options)
                try configureMethodAndBody()
            }
            if let limit = request.timeLimit {
                try easy.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(min(options.connectTimeout, limit)))
                try easy.set(CURLOPT_TIMEOUT_MS, milliseconds(min(options.totalTimeout, limit)))
            }
            try easy.set(CURLOPT_URL, request.url)
            // A batch started before any connection to its host exists would otherwise open a
            // connection per request, each learning alone that the server speaks h2. Waiting for
            // the first one's TLS handshake (ALPN) lets the rest join it as streams, and costs an
            // HTTP/1.1 server one handshake's delay on a cold batch. Cleartext never negotiates
            // h2 here (CURL_HTTP_VERSION_2TLS), so http:// requests do not wait for nothing.
            try easy.set(CURLOPT_PIPEWAIT, Self.isHTTPS(request.url))
            try configureHeaders()
            try configureCallbackTarget()
        } catch {
            throw TransportError(.invalid, "could not configure the request: "
                                 + String(cString: rove_easy_strerror(error.code)).lowercased())
        }
        easy.holdsPlainGetOptions = plainGet
    }

    /// Turns the finished transfer into its result and lets go of the collected body.
    func finish(_ code: CURLcode, cancelled: Bool) -> Result<HTTPResponse, TransportError> {
        defer {
            headers = []
            body = []
        }
        if let overflow, !cancelled { return .failure(TransportError(.tooLarge, overflow)) }
        guard code == CURLE_OK else {
            return .failure(.from(code, detail: easy.lastErrorDetail, cancelled: cancelled))
        }
        let status = easy.info(CURLINFO_RESPONSE_CODE) ?? 0
        let version = HTTPVersion(curlVersion: easy.info(CURLINFO_HTTP_VERSION) ?? 0)
        return .success(HTTPResponse(status: status, headers: headers, body: body, version: version))
    }

    // MARK: Options

    /// The options every request on this transport shares.
    private func configureHandle(_ options: CurlTransport.Options) throws(CurlCallError) {
        // Nothing but HTTP, even after a redirect: no file://, no smb://.
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // Signals would interrupt the interpreter's thread; the threaded resolver needs none.
        try easy.set(CURLOPT_NOSIGNAL, true)
        try easy.set(CURLOPT_TCP_KEEPALIVE, true)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout))
        try easy.set(CURLOPT_TIMEOUT_MS, milliseconds(options.totalTimeout))
        try easy.set(CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedLimit)
        try easy.set(CURLOPT_LOW_SPEED_TIME, Int(options.lowSpeedTime.rounded(.up)))
        try easy.set(CURLOPT_USERAGENT, options.userAgent)
        if let encodings = options.acceptEncoding { try easy.set(CURLOPT_ACCEPT_ENCODING, encodings) }
        try easy.set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        try easy.set(CURLOPT_SSL_VERIFYPEER, options.verifyTLS)
        try easy.set(CURLOPT_SSL_VERIFYHOST, options.verifyTLS ? 2 : 0)
        // A missing or unreadable file fails each transfer as a TLS error, not here: curl reads
        // it only when it connects.
        if let authorities = options.certificateAuthorities { try easy.set(CURLOPT_CAINFO, authorities) }
        // The client follows redirects itself, checking each hop's origin first.
        try easy.set(CURLOPT_FOLLOWLOCATION, false)
        // A 20 KB page arrives in one read and one callback rather than two, as with the curl
        // tool's own larger buffer; curl keeps this buffer per handle, and handles are pooled.
        try easy.set(CURLOPT_BUFFERSIZE, Transfer.receiveBufferSize)
        try easy.set(CURLOPT_WRITEFUNCTION, callback: Transfer.receiveBody)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: Transfer.receiveHeader)
        try easy.setProgress(Transfer.progress)
        try easy.set(CURLOPT_NOPROGRESS, false)
    }

    /// A CR or LF in the method or a header would let a value smuggle extra header lines.
    private func validate() throws(TransportError) {
        let isToken = !request.method.isEmpty && request.method.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        guard isToken else { throw TransportError(.invalid, "the method is not a valid http token") }
        for (name, value) in request.headers {
            let bad = name.isEmpty || name.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: ":") || $0 == 0x7F }
                || value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 }
            // The message names no header: its value may be a credential.
            if bad { throw TransportError(.invalid, "a request header is malformed") }
        }
    }

    private func configureMethodAndBody() throws(CurlCallError) {
        let method = request.method
        var body = request.body
        // libcurl silently resends a request once when a reused connection dies before any answer
        // (it takes the connection for stale). For a POST that reached the server, that resend is
        // a second deployment: non-idempotent requests get a connection of their own instead.
        if !request.isIdempotent { try easy.set(CURLOPT_FRESH_CONNECT, true) }
        // Servers often refuse a POST, PUT or PATCH without Content-Length; send an explicit 0.
        if body == nil, ["POST", "PUT", "PATCH"].contains(method.uppercased()) { body = [] }
        if let body {
            try easy.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(body.count))
            // COPYPOSTFIELDS makes curl own a copy, so the bytes need not outlive this call.
            var empty: UInt8 = 0
            if body.isEmpty {
                try easy.set(CURLOPT_COPYPOSTFIELDS, pointer: &empty)
            } else {
                // Array.withUnsafeBytes only rethrows untyped errors, so the failure travels out as a value.
                let failure = body.withUnsafeBytes { bytes -> CurlCallError? in
                    do throws(CurlCallError) {
                        try easy.set(CURLOPT_COPYPOSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                        return nil
                    } catch { return error }
                }
                if let failure { throw failure }
            }
            if method != "POST" { try easy.set(CURLOPT_CUSTOMREQUEST, method) }
        } else if method == "GET" {
            try easy.set(CURLOPT_HTTPGET, true)
        } else if method == "HEAD" {
            try easy.set(CURLOPT_NOBODY, true)
        } else {
            try easy.set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    private func configureHeaders() throws(CurlCallError) {
        var sawExpect = false
        for (name, value) in request.headers {
            sawExpect = sawExpect || name.lowercased() == "expect"
            // "Name;" is curl's spelling of a header sent with an empty value.
            guard headerList.append(value.isEmpty ? "\(name);" : "\(name): \(value)") else {
                throw CurlCallError(code: CURLE_OUT_OF_MEMORY)
            }
        }
        // curl waits up to a second for "100 Continue" before sending a large body; API bodies
        // are small and many servers never answer it, so we do not ask.
        if !sawExpect { headerList.append("Expect:") }
        try easy.set(CURLOPT_HTTPHEADER, list: headerList)
    }

    /// Points the callbacks at this transfer.
    private func configureCallbackTarget() throws(CurlCallError) {
        let me = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_WRITEDATA, pointer: me)
        try easy.set(CURLOPT_HEADERDATA, pointer: me)
        try easy.set(CURLOPT_XFERINFODATA, pointer: me)
    }

    private static func isHTTPS(_ url: String) -> Bool {
        url.prefix(8).lowercased() == "https://"
    }

    private func milliseconds(_ seconds: Double) -> Int {
        seconds <= 0 ? 0 : max(1, Int((seconds * 1000).rounded()))
    }

    // MARK: Callbacks

    private static let receiveBody: CurlEasy.DataCallback = { data, size, count, context in
        let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        // Counted after decoding, so a small gzip body that inflates past the cap stops too.
        guard length <= transfer.maxBodyBytes - transfer.body.count else {
            transfer.overflow = "the response body is larger than the cap of \(ByteCount(transfer.maxBodyBytes))"
            return 0   // anything but `length` makes curl stop the transfer at once
        }
        // Appending to one array grows it geometrically: linear in the body size overall.
        transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    private static let receiveHeader: CurlEasy.DataCallback = { data, size, count, context in
        let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
        let length = size * count
        transfer.headerBytes += length
        guard transfer.headerBytes <= transfer.maxHeaderBytes else {
            transfer.overflow = "the response headers are larger than the cap of \(ByteCount(transfer.maxHeaderBytes))"
            return 0
        }
        transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
        // A declared length past the cap fails before a byte of the body is read.
        guard transfer.overflow == nil else { return 0 }
        return length
    }

    private static let progress: CurlEasy.ProgressCallback = { context, _, _, _, _ in
        let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
        return transfer.cancelSignal.isSet ? 1 : 0
    }

    /// curl passes every header line of every response: redirects, "100 Continue" and the final
    /// one. Each status line starts a new response, so only the last response's fields remain.
    ///
    /// Read as bytes: a response has a dozen header lines, and going through `String` for each
    /// cost more than the rest of a small transfer.
    private func receiveHeaderLine(_ raw: UnsafeRawBufferPointer) {
        var end = raw.count
        while end > 0, raw[end - 1] == Self.newline || raw[end - 1] == Self.carriageReturn { end -= 1 }
        let line = raw[0..<end]
        if line.starts(with: Self.statusPrefix) {
            headers.removeAll()
            body.removeAll(keepingCapacity: true)
            return
        }
        guard let first = line.first else { return }
        if first == Self.space || first == Self.tab, !headers.isEmpty {
            // An obsolete folded line continues the previous field's value.
            headers[headers.count - 1].value += " " + Self.trimmedText(line)
            return
        }
        guard let colon = line.firstIndex(of: Self.colon) else { return }
        // Lowercased straight into the string's storage: decoding a lazy map takes String's
        // slow, generic path.
        let name = String(unsafeUninitializedCapacity: colon) { storage in
            for offset in 0..<colon { storage[offset] = Self.lowercased(line[offset]) }
            return colon
        }
        let value = Self.trimmedText(line[(colon + 1)...])
        headers.append((name, value))
        if name == "content-length", body.isEmpty, let expected = Int(value), expected > 0 {
            // A HEAD answer declares the length of a body it never sends.
            guard expected <= maxBodyBytes || request.method == "HEAD" else {
                overflow = "the response declares \(ByteCount(expected)), more than the cap of \(ByteCount(maxBodyBytes))"
                return
            }
            body.reserveCapacity(min(expected, Transfer.maxReservation))
        }
    }

    private static let statusPrefix = Array("HTTP/".utf8)
    private static let (newline, carriageReturn, space, tab, colon): (UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0x0A, 0x0D, 0x20, 0x09, 0x3A)

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    /// `bytes` without leading and trailing blanks, as text.
    private static func trimmedText(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
        var text = bytes
        while let first = text.first, first == space || first == tab { text.removeFirst() }
        while let last = text.last, last == space || last == tab { text.removeLast() }
        return String(decoding: text, as: UTF8.self)
    }
}
