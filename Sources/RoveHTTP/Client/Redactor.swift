// Masks credentials in everything the client writes out: trace lines, error messages and fields.

import Synchronization

/// Replaces credentials with `•••`: the values of credential headers, the `apikey` query
/// parameter, URL passwords, and every secret registered with it.
///
/// Thread-safe: providers register keys on the interpreter thread while the CLI's interrupt
/// watcher or parallel paging may be redacting.
public final class Redactor: Sendable {
    /// What every credential becomes; the language shows a secret value the same way, and
    /// a test in RoveProvidersTests keeps the two equal.
    public static let mask = "•••"

    /// Headers whose values are credentials, lowercased.
    static let credentialHeaders: Set<String> = [
        "authorization", "proxy-authorization", "x-octopus-apikey", "cookie", "set-cookie",
    ]

    /// Registered secrets, longest first, so a secret containing another is masked whole.
    private let secrets = Mutex<[String]>([])

    public init() {}

    /// Masks `secret` wherever it appears from now on: as written, percent-encoded, and inside
    /// any base64 text (a Basic credential `user:secret` echoed by a server, whatever the user).
    /// Empty strings are ignored: masking them would mask nothing and loop forever.
    public func register(secret: String) {
        guard !secret.isEmpty else { return }
        let forms = Set([secret, Self.percentEncoded(secret)] + Self.base64Cores(secret))
        secrets.withLock { list in
            for form in forms where !list.contains(form) { list.append(form) }
            list.sort { $0.utf8.count > $1.utf8.count }
        }
    }

    /// Masks Basic credentials in every form a server or a log might echo them: the password,
    /// `user:password`, and its base64.
    public func register(user: String, password: String) {
        register(secret: password)
        register(secret: user + ":" + password)
        register(secret: Base64.encode(Array((user + ":" + password).utf8)))
    }

    /// Learned credentials shorter than this are not registered: a test's key `k` would
    /// otherwise mask every `k` in every trace line. Real keys are far longer, and a provider
    /// registers its key explicitly anyway; the headers themselves are always masked.
    static let shortestLearnedSecret = 6

    /// Registers the credentials a request carries in its headers, so that a server echoing
    /// them in an error body cannot leak them: API keys, bearer tokens, Basic credentials
    /// (encoded and decoded).
    public func learn(from headers: [(name: String, value: String)]) {
        let learn: (String) -> Void = { secret in
            if secret.count >= Self.shortestLearnedSecret { self.register(secret: secret) }
        }
        for (name, value) in headers where Self.credentialHeaders.contains(name.lowercased()) {
            let words = value.split(separator: " ", maxSplits: 1).map(String.init)
            if words.count == 2, words[0].lowercased() == "basic" {
                learn(words[1])
                if let decoded = Base64.decode(words[1]), let text = String(validating: decoded, as: UTF8.self),
                   let colon = text.firstIndex(of: ":") {
                    let password = String(text[text.index(after: colon)...])
                    learn(password)
                    learn(text)
                }
            } else if words.count == 2, words[0].lowercased() == "bearer" || words[0].lowercased() == "token" {
                learn(words[1])
            }
            // Cookies are name=value lists, not one secret; their header is masked whole.
            if name.lowercased() != "cookie", name.lowercased() != "set-cookie" { learn(value) }
        }
    }

    /// `text` with every registered secret and every `apikey=` query value masked.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets.withLock({ $0 }) where result.contains(secret) {
            result = result.replacing(secret, with: Self.mask)
        }
        return Self.maskingQueryKeys(result)
    }

    /// `url` with its password, its `apikey` query parameter and registered secrets masked.
    public func redact(url: String) -> String {
        redact(Self.maskingPassword(url))
    }

    /// `headers` with the values of credential headers masked and secrets masked elsewhere.
    public func redact(headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        headers.map { header in
            Self.credentialHeaders.contains(header.name.lowercased())
                ? (header.name, Self.mask) : (header.name, redact(header.value))
        }
    }

    // MARK: Patterns that need no registration

    /// Masks the value of every `apikey` query parameter in `text` (case-insensitive), wherever
    /// a URL appears in it: after `?` or `&`, up to the next `&`, `#`, quote or whitespace.
    static func maskingQueryKeys(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let name = Array("apikey=".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            out.append(byte)
            index += 1
            guard byte == UInt8(ascii: "?") || byte == UInt8(ascii: "&"), index + name.count <= bytes.count,
                  zip(bytes[index..<index + name.count], name).allSatisfy({ lowercase($0) == $1 }) else { continue }
            out.append(contentsOf: bytes[index..<index + name.count])
            index += name.count
            let start = index
            while index < bytes.count, !endsQueryValue(bytes[index]) { index += 1 }
            if index > start { out.append(contentsOf: Array(mask.utf8)) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `url` with the password of its userinfo (`https://user:password@host`) masked.
    static func maskingPassword(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + mask + String(url[at...])
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    private static func endsQueryValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: " "),
             UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    /// The base64 characters that encode `secret` alone, at each of the three alignments it can
    /// have after a prefix: any base64 text containing the secret contains one of them. Cores
    /// shorter than 8 characters are left out, as they would mask innocent text.
    static func base64Cores(_ secret: String) -> [String] {
        let bytes = Array(secret.utf8)
        return (0..<3).compactMap { offset in
            let encoded = Array(Base64.encode(Array(repeating: 0, count: offset) + bytes).utf8)
            // Character i holds bits 6i..<6i+6; keep those lying wholly within the secret's bits.
            let first = (8 * offset + 5) / 6
            let end = (8 * (offset + bytes.count)) / 6
            guard end - first >= 8 else { return nil }
            return String(decoding: encoded[first..<end], as: UTF8.self)
        }
    }

    /// `text` with every byte outside RFC 3986's unreserved set percent-encoded, as a secret
    /// would appear in a query string.
    private static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
