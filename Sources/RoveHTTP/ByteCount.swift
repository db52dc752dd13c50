// Sizes as people write them (`64M`, `1GiB`) and as messages show them.

/// A number of bytes: parsed from `--max-response-size 512M` and profiles, shown in errors.
/// Units are binary, as curl's `--max-filesize` reads them: K is 1024 bytes, M 1024², G 1024³,
/// whether written `M`, `MB` or `MiB`.
public struct ByteCount: Equatable, Sendable, CustomStringConvertible {
    public let bytes: Int

    public init(_ bytes: Int) {
        self.bytes = bytes
    }

    /// `1048576`, `64K`, `512MB`, `1 GiB`; nil for anything else, for zero or a negative
    /// size, and for sizes too large to count.
    public init?(parsing text: String) {
        let trimmed = text.filter { $0 != " " }.lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), number > 0 else { return nil }
        let shift: Int
        switch trimmed.dropFirst(digits.count) {
        case "", "b": shift = 0
        case "k", "kb", "kib": shift = 10
        case "m", "mb", "mib": shift = 20
        case "g", "gb", "gib": shift = 30
        default: return nil
        }
        guard number <= Int.max >> shift else { return nil }
        bytes = number << shift
    }

    /// `256 MiB`, `1.5 KiB`, `300 bytes`: the largest unit that leaves a whole or one-decimal number.
    public var description: String {
        for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where bytes >= 1 << shift {
            // Whole and tenth apart: a hostile Content-Length near Int.max must not overflow.
            let whole = bytes >> shift
            let tenth = ((bytes & ((1 << shift) - 1)) * 10) >> shift
            return tenth == 0 ? "\(whole) \(unit)" : "\(whole).\(tenth) \(unit)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
