// DeployHQ's resource graph: which paths exist, what they answer, and how bodies are wrapped.

/// One path of the API, its parameters generalised: `projects/*/servers/*`.
///
/// The table of them (`DeployHQRoutes.generated.swift`) is derived from the vendor's OpenAPI
/// description by `scripts/gen-deployhq-graph`, so adding an endpoint is data, not code.
struct DeployHQRoute {
    /// What a GET of the path answers.
    enum Answer {
        /// No GET: the path is written to only (an action such as `abort`).
        case none
        /// One JSON document.
        case document
        /// A bare JSON array: the whole list at once.
        case list
        /// `{"pagination": {...}, "records": [...]}`, paged by `page` and `per_page`.
        case pages
        /// Not JSON (an SVG, a private key).
        case text
    }

    /// The path's segments, `*` where the path takes an identifier.
    let segments: [Substring]
    let answer: Answer
    /// Query parameters a GET takes (`page`, `per_page`, `to`, `branch`).
    let query: [String]
    /// The other methods the path accepts: `POST`, `PUT`, `PATCH`, `DELETE`.
    let writes: [String]
    /// The key request bodies are wrapped in (`server` for `{"server": {...}}`), when they are.
    let wrapper: String?

    init(_ path: String, _ answer: Answer, query: [String] = [], writes: [String] = [], wrapper: String? = nil) {
        self.segments = path.split(separator: "/")
        self.answer = answer
        self.query = query
        self.writes = writes
        self.wrapper = wrapper
    }

    var isList: Bool {
        switch answer {
        case .list, .pages: return true
        case .none, .document, .text: return false
        }
    }
}

/// Looks routes up by the address of a resource (`projects/web/deployments/c1d2…`).
struct DeployHQGraph {
    let routes: [DeployHQRoute]

    static let shared = DeployHQGraph(routes: DeployHQRoutes.all)

    /// The route `segments` of an address match: literal segments first (`templates/public_templates`
    /// is not template `public_templates`), then identifiers.
    func route(at segments: [Substring]) -> DeployHQRoute? {
        var best: (route: DeployHQRoute, literals: Int)?
        for route in routes where route.segments.count == segments.count {
            var literals = 0
            var matches = true
            for (pattern, segment) in zip(route.segments, segments) {
                if pattern == segment {
                    literals += 1
                } else if pattern != "*" {
                    matches = false
                    break
                }
            }
            if matches, literals > (best?.literals ?? -1) { best = (route, literals) }
        }
        return best?.route
    }

    func route(at address: String) -> DeployHQRoute? {
        route(at: Self.segments(of: address))
    }

    /// The routes one literal segment below the address `segments`, by that segment's name:
    /// a project's `servers`, `deployments`, `star`; a step's `logs`.
    func children(of segments: [Substring]) -> [(name: String, route: DeployHQRoute)] {
        var found: [(name: String, route: DeployHQRoute)] = []
        for route in routes where route.segments.count == segments.count + 1 {
            guard let last = route.segments.last, last != "*", Self.prefix(of: route, matches: segments) else { continue }
            found.append((String(last), route))
        }
        return found
    }

    /// Whether items of the list at `segments` can be addressed one by one (`servers/*`),
    /// or something below them can (`steps/*/logs`).
    func addressesItems(below segments: [Substring]) -> Bool {
        let depth = segments.count
        return routes.contains { route in
            route.segments.count > depth && route.segments[depth] == "*" && Self.prefix(of: route, matches: segments)
        }
    }

    private static func prefix(of route: DeployHQRoute, matches segments: [Substring]) -> Bool {
        zip(route.segments, segments).allSatisfy { $0 == "*" || $0 == $1 }
    }

    static func segments(of address: String) -> [Substring] {
        let path = address.firstIndex(of: "?").map { address[..<$0] } ?? Substring(address)
        return path.split(separator: "/")
    }
}
