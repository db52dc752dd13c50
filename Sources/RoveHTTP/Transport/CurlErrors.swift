// Which libcurl failures are which TransportError kinds, and the words a user sees for them.

import CCurl

extension TransportError {
    /// The error for a transfer that ended with `code`.
    ///
    /// `detail` is curl's error buffer for the transfer: it names the host and port or the
    /// certificate problem, never request headers or bodies. `cancelled` says whether `cancel()`
    /// was called, which is the only reason our progress callback aborts a transfer.
    static func from(_ code: CURLcode, detail: String, cancelled: Bool) -> TransportError {
        let kind = kind(of: code, cancelled: cancelled)
        if kind == .cancelled { return TransportError(.cancelled, "request cancelled") }
        let text = detail.isEmpty ? String(cString: rove_easy_strerror(code)) : detail
        return TransportError(kind, tidy(text))
    }

    private static func kind(of code: CURLcode, cancelled: Bool) -> Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT,
             CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
             CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3, CURLE_QUIC_CONNECT_ERROR,
             // A garbled status line or a body that does not decompress is the server's doing,
             // like a connection that broke: the request itself was fine.
             CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING:
            return .connection
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_ABORTED_BY_CALLBACK, CURLE_WRITE_ERROR:
            // Only our callbacks abort, and they do so only once cancel() was called.
            return cancelled ? .cancelled : .invalid
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return .tls
        default:
            return .invalid
        }
    }

    /// Lowercase, one line, no trailing period: the house style for messages.
    private static func tidy(_ text: String) -> String {
        var message = text.lowercased().split(whereSeparator: \.isNewline).joined(separator: " ")
        while let last = message.last, last == "." || last == " " { message.removeLast() }
        return message.isEmpty ? "transfer failed" : message
    }
}
