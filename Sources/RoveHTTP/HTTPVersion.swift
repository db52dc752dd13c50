// Which HTTP protocol version an exchange used.

/// The protocol version of one response. The raw value is the version as written after
/// `HTTP/` in a status line or a trace ("1.1", "2").
public enum HTTPVersion: String, Sendable {
    case http1_0 = "1.0"
    case http1_1 = "1.1"
    case http2 = "2"
    case http3 = "3"
}
