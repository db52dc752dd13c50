// Package versions as NuGet and Octopus compare them, and the NuGet range syntax `versionRange` takes.

/// A version split for comparison: numeric release parts, then an optional pre-release tag.
struct PackageVersionOrder: Comparable {
    let release: [Int]
    /// `beta.2` of `1.0.0-beta.2`; empty for a release version, which sorts after its pre-releases.
    let preRelease: String

    /// Nil when `text` does not start with a number (`latest`, `abc`).
    init?(_ text: String) {
        let withoutMetadata = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let halves = withoutMetadata.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let parts = halves[0].split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        release = parts.compactMap { $0 }
        preRelease = halves.count > 1 ? String(halves[1]) : ""
    }

    static func < (lhs: PackageVersionOrder, rhs: PackageVersionOrder) -> Bool {
        let count = max(lhs.release.count, rhs.release.count)
        for index in 0..<count {
            let a = index < lhs.release.count ? lhs.release[index] : 0
            let b = index < rhs.release.count ? rhs.release[index] : 0
            if a != b { return a < b }
        }
        if lhs.preRelease.isEmpty || rhs.preRelease.isEmpty { return !lhs.preRelease.isEmpty && rhs.preRelease.isEmpty }
        let left = lhs.preRelease.lowercased().split(separator: "."), right = rhs.preRelease.lowercased().split(separator: ".")
        for (a, b) in zip(left, right) where a != b {
            if let x = Int(a), let y = Int(b) { return x < y }
            return a < b
        }
        return left.count < right.count
    }

    static func == (lhs: PackageVersionOrder, rhs: PackageVersionOrder) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
}

/// A NuGet version range: `1.0` (at least), `[1.0]` (exactly), `[1.0,2.0)`, `(,1.5]`, `(1.0,)`.
struct PackageVersionRange {
    let lower: (version: PackageVersionOrder, inclusive: Bool)?
    let upper: (version: PackageVersionOrder, inclusive: Bool)?

    /// Nil when `text` is not a range NuGet would accept.
    init?(_ text: String) {
        let range = text.filter { $0 != " " }
        guard let first = range.first else { return nil }
        guard first == "[" || first == "(" else {
            guard let version = PackageVersionOrder(range) else { return nil }
            lower = (version, true)
            upper = nil
            return
        }
        guard let last = range.last, last == "]" || last == ")", range.count >= 3 else { return nil }
        let inside = range.dropFirst().dropLast()
        let bounds = inside.split(separator: ",", omittingEmptySubsequences: false)
        if bounds.count == 1 {
            // `[1.0]` pins one version; `(1.0)` includes nothing and is refused, as NuGet does.
            guard first == "[", last == "]", let version = PackageVersionOrder(String(bounds[0])) else { return nil }
            lower = (version, true)
            upper = (version, true)
            return
        }
        guard bounds.count == 2 else { return nil }
        func bound(_ text: Substring, inclusive: Bool) -> (version: PackageVersionOrder, inclusive: Bool)?? {
            if text.isEmpty { return .some(nil) }
            guard let version = PackageVersionOrder(String(text)) else { return nil }
            return .some((version: version, inclusive: inclusive))
        }
        guard let low = bound(bounds[0], inclusive: first == "["), let high = bound(bounds[1], inclusive: last == "]"),
              low != nil || high != nil else { return nil }
        lower = low
        upper = high
    }

    func contains(_ version: PackageVersionOrder) -> Bool {
        if let lower, lower.inclusive ? version < lower.version : !(lower.version < version) { return false }
        if let upper, upper.inclusive ? upper.version < version : !(version < upper.version) { return false }
        return true
    }
}
