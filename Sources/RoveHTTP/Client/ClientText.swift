// Small text helpers the client's trace lines and error messages share.

enum ClientText {
    /// `text` without leading and trailing whitespace.
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// `seconds` for a person: `2 s`, `1.5 s`, `0.25 s` (at most two decimals, no trailing zeros).
    static func seconds(_ seconds: Double) -> String {
        let hundredths = Int((max(seconds, 0) * 100).rounded())
        var text = String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0" : "") + String(fraction)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text + " s"
    }

    /// `seconds` as whole milliseconds, for trace lines.
    static func milliseconds(_ seconds: Double) -> String {
        String(Int((max(seconds, 0) * 1000).rounded())) + " ms"
    }
}
