// Where a URL points: scheme, host and port, the unit credentials and governors belong to.

/// The origin of a URL (RFC 6454): its scheme, host and port, lowercased, with the scheme's
/// default port filled in and any userinfo dropped. Credentials belong to an origin: a request
/// carrying them goes nowhere else (docs/http-client.md "Origins and redirects").
public struct Origin: Hashable, Sendable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    /// The origin of `url`; nil when it is not an absolute `http://` or `https://` URL with a
    /// host and a valid port.
    public init?(url: String) {
        // Scanned as bytes in place: this runs for every request, and String searching cost a
        // sixth of a small request's time.
        var url = url
        guard let parts = url.withUTF8(Self.parts(of:)) else { return nil }
        (scheme, host, port) = parts
    }

    /// `https://octopus.example.com:443`: always with the port, so equal origins print alike.
    public var description: String { "\(scheme)://\(host):\(port)" }

    /// Whether this is https, so that a move to plain http is a downgrade.
    public var isSecure: Bool { scheme == "https" }

    private static func parts(of bytes: UnsafeBufferPointer<UInt8>) -> (String, String, Int)? {
        guard let schemeEnd = schemeSeparator(in: bytes) else { return nil }
        let scheme = String(decoding: bytes[..<schemeEnd].map(lowercased), as: UTF8.self)
        let defaultPort: Int
        switch scheme {
        case "http": defaultPort = 80
        case "https": defaultPort = 443
        default: return nil
        }
        var start = schemeEnd + 3
        var end = start
        while end < bytes.count, bytes[end] != 0x2F, bytes[end] != 0x3F, bytes[end] != 0x23 { end += 1 }
        // A backslash, blank or non-ASCII byte in the authority is read differently by
        // different URL parsers (`http://good\@evil/`): refused, so the host checked here is
        // the host libcurl connects to.
        guard !bytes[start..<end].contains(where: { $0 <= 0x20 || $0 >= 0x7F || $0 == 0x5C }) else { return nil }
        // Userinfo ends at the last `@` of the authority: `http://a@b@evil/` is evil's.
        if let at = bytes[start..<end].lastIndex(of: 0x40) { start = at + 1 }
        let authority = bytes[start..<end]
        // A colon after the last `]` separates the port (IPv6 hosts are bracketed).
        let portColon = authority.lastIndex(of: 0x3A).flatMap { colon in
            authority.lastIndex(of: 0x5D).map { $0 < colon ? colon : nil } ?? colon
        }
        let hostEnd = portColon ?? end
        guard hostEnd > start else { return nil }
        let host = String(decoding: bytes[start..<hostEnd].map(lowercased), as: UTF8.self)
        var port = defaultPort
        if let portColon, portColon + 1 < end {
            let digits = bytes[(portColon + 1)..<end]
            guard digits.count <= 5, digits.allSatisfy({ (0x30...0x39).contains($0) }),
                  let number = Int(String(decoding: digits, as: UTF8.self)), number <= 65_535 else { return nil }
            port = number
        }
        return (scheme, host, port)
    }

    /// The index of `://`, when what precedes it is a scheme (RFC 3986 §3.1).
    private static func schemeSeparator(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3A {
                guard index > 0, index + 2 < bytes.count, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F else { return nil }
                return index
            }
            let isSchemeByte = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || (index > 0 && ((0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E))
            guard isSchemeByte else { return nil }
            index += 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
