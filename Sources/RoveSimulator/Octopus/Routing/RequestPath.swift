// Splits a request path into segments, percent-decodes each, and finds the space it names.

/// The three route forms (research §0), reduced to one shape.
struct RequestPath {
    enum SpaceForm: Equatable {
        /// `/api/x`: the default space for space routes, or a system route.
        case none
        /// `/api/Spaces-N/x`.
        case spaceId(String)
        /// `/api/spaces/{idOrName}/x`.
        case spaceReference(String)
    }

    /// Everything after `api`, decoded.
    let segments: [String]
    let form: SpaceForm
    /// The part a route pattern matches, after any space prefix.
    let rest: ArraySlice<String>

    /// Nil when the path is not under `/api`.
    init?(_ raw: String) {
        let pieces = raw.split(separator: "/", omittingEmptySubsequences: true).map { RequestPath.percentDecode($0) }
        guard let first = pieces.first, first.lowercased() == "api" else { return nil }
        segments = Array(pieces.dropFirst())
        if segments.count >= 3, segments[0].lowercased() == "spaces" {
            form = .spaceReference(segments[1])
            rest = segments[2...]
        } else if let first = segments.first, RequestPath.isSpaceId(first) {
            form = .spaceId(first)
            rest = segments[1...]
        } else {
            form = .none
            rest = segments[...]
        }
    }

    /// `Spaces-<digits>`, the only shape `/api/{spaceId}` accepts (research §1.3).
    static func isSpaceId(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("spaces-") else { return false }
        let digits = lower.dropFirst(7)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func percentDecode(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
