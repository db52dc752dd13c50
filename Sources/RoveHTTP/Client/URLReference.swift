// Resolving a Location header against the URL that answered it (RFC 3986 §5.2).

/// Turns the reference a server sends in `Location` (absolute, `//host/…`, `/path`, `path`,
/// `?query`) into the absolute URL it names, against the URL of the request it answered.
///
/// The client follows redirects itself, hop by hop, so that every hop passes the origin check
/// before anything is sent; it must therefore resolve references exactly as RFC 3986 does.
enum URLReference {
    /// The absolute URL `reference` names relative to `base`; nil when either is unusable
    /// (not http or https, no host, or bytes no URL may hold).
    static func resolve(_ reference: String, against base: String) -> String? {
        let reference = encodingUnsafeBytes(reference)
        guard let base = Parts(base), base.authority != nil else { return nil }
        guard let ref = Parts(reference) else { return nil }
        var target = Parts()
        if let scheme = ref.scheme {
            target = ref
            target.scheme = scheme.lowercased()
            target.path = removingDotSegments(ref.path)
        } else {
            target.scheme = base.scheme
            if ref.authority != nil {
                target.authority = ref.authority
                target.path = removingDotSegments(ref.path)
                target.query = ref.query
            } else {
                target.authority = base.authority
                if ref.path.isEmpty {
                    target.path = base.path
                    target.query = ref.query ?? base.query
                } else {
                    target.path = removingDotSegments(ref.path.hasPrefix("/") ? ref.path : merge(base, ref.path))
                    target.query = ref.query
                }
            }
        }
        // The fragment is for the browser; it is never sent.
        guard let scheme = target.scheme, scheme == "http" || scheme == "https",
              let authority = target.authority, !authority.isEmpty else { return nil }
        var url = scheme + "://" + authority + (target.path.isEmpty ? "/" : target.path)
        if let query = target.query { url += "?" + query }
        return url
    }

    /// A reference split into RFC 3986's five components (the fragment is dropped).
    private struct Parts {
        var scheme: String?
        var authority: String?
        var path = ""
        var query: String?

        init() {}

        init?(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            if let colon = rest.firstIndex(of: ":"), Self.isScheme(rest[..<colon]) {
                scheme = String(rest[..<colon]).lowercased()
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            path = String(rest)
        }

        private static func isScheme(_ text: Substring) -> Bool {
            guard let first = text.first, first.isASCII, first.isLetter else { return false }
            return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
        }
    }

    /// RFC 3986 §5.2.3.
    private static func merge(_ base: Parts, _ path: String) -> String {
        if base.authority != nil, base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4: `/a/b/../c/./d` is `/a/c/d`; `..` never climbs above the root.
    static func removingDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                // The first segment, with its leading slash, up to the next slash.
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }

    /// Servers put spaces and UTF-8 in Location now and then; browsers and curl send them
    /// percent-encoded, and so does this, control bytes included, so none reaches a request line.
    private static func encodingUnsafeBytes(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            if byte <= 0x20 || byte >= 0x7F {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
