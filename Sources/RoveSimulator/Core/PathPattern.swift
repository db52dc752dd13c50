// A route's path pattern (`projects/{id}/releases`): matching a request's segments and capturing parameters.

/// Both services declare routes as data with OpenAPI-style patterns; this is the matching they share.
struct PathPattern: Sendable {
    let segments: [String]
    /// More literal segments win when two patterns match (`releases/create/v1` over `releases/{id}/…`).
    let literalCount: Int

    init(_ pattern: String) {
        segments = pattern.split(separator: "/").map(String.init)
        literalCount = segments.filter { !Self.isParameter($0) }.count
    }

    /// The pattern with every parameter as `x1`, for the contract tests.
    var example: String {
        segments.map { Self.isParameter($0) ? "x1" : $0 }.joined(separator: "/")
    }

    /// The parameters' names and values in order when `path` fits the pattern; nil otherwise.
    func captures<Path: Collection>(_ path: Path, ignoringCase: Bool) -> [(name: String, value: String)]?
    where Path.Element == String {
        guard path.count == segments.count else { return nil }
        var captured: [(name: String, value: String)] = []
        for (pattern, segment) in zip(segments, path) {
            if Self.isParameter(pattern) {
                captured.append((String(pattern.dropFirst().dropLast()), segment))
            } else if ignoringCase ? pattern.lowercased() != segment.lowercased() : pattern != segment {
                return nil
            }
        }
        return captured
    }

    private static func isParameter(_ segment: String) -> Bool { segment.hasPrefix("{") }
}
