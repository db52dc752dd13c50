// libcurl's numbers for HTTP versions (CURLINFO_HTTP_VERSION) as HTTPVersion.

import CCurl

extension HTTPVersion {
    /// The version CURLINFO_HTTP_VERSION reported. curl reports 0 when it does not know; HTTP/1.1
    /// is the likeliest answer then, and the harmless one: the trace names only other versions.
    init(curlVersion: Int) {
        switch curlVersion {
        case Int(CURL_HTTP_VERSION_1_0): self = .http1_0
        case Int(CURL_HTTP_VERSION_2_0): self = .http2
        case Int(CURL_HTTP_VERSION_3): self = .http3
        // An Int has no exhaustive switch; everything else, 1.1 included, reads as 1.1.
        default: self = .http1_1
        }
    }
}
