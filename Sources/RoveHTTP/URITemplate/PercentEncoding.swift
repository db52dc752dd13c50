// Percent-encoding as RFC 6570 §3.2.1 applies it: byte-wise over UTF-8, per the operator's allowed set.

/// The character classes of RFC 3986 that RFC 6570 expansion and literals are defined by.
enum PercentEncoding {
    /// RFC 3986 `unreserved`: ALPHA / DIGIT / "-" / "." / "_" / "~".
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// RFC 3986 `reserved`: gen-delims `:/?#[]@` and sub-delims `!$&'()*+,;=`.
    static func isReserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "@"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Appends `byte` as an uppercase triplet (`%2F`), the form RFC 3986 §2.1 recommends.
    static func appendTriplet(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "%"))
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
    }

    /// Encodes `text` for an expansion. Unreserved characters always pass; with
    /// `allowReserved` (the `+` and `#` operators) reserved characters and existing
    /// pct-encoded triplets pass too, so `{+path}` keeps `/` and `%2F` as written. Everything
    /// else, multibyte characters included, becomes one triplet per UTF-8 byte.
    static func encode(_ text: String, allowReserved: Bool) -> String {
        let bytes = Array(text.utf8)
        // The common case (`Spaces-1`, `42`) needs no encoding; skip building a new string.
        if bytes.allSatisfy({ isUnreserved($0) || (allowReserved && isReserved($0)) }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isUnreserved(byte) || (allowReserved && isReserved(byte)) {
                out.append(byte)
            } else if allowReserved, byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                      isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) {
                out.append(contentsOf: bytes[index...(index + 2)])
                index += 2
            } else {
                appendTriplet(byte, to: &out)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
