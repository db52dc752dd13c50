// Stand-in for `Interpreter.completions(for:)` until the core provides it; delete this file then.

import RoveCore

extension Interpreter {
    /// Global names that extend the identifier at the end of `textBeforeCursor`.
    func completions(for textBeforeCursor: String) -> [String] {
        let fragment = String(textBeforeCursor.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        return globalNames.filter { $0.hasPrefix(fragment) }
    }
}
