// Which faults to inject and how often: parsed from `--faults 503:0.1,reset:0.05`.

/// The faults a simulator injects, each with the chance that it hits a given request.
public struct FaultPlan: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var kind: FaultKind
        /// 0 never, 1 every request.
        public var rate: Double
    }

    /// In the order given; when several faults that answer in the service's place hit the same
    /// request, the first listed wins.
    public private(set) var entries: [Entry]
    /// Sent as `Retry-After` on injected 429 and 503 answers; nil sends none.
    public var retryAfterSeconds: Int?

    public static let none = FaultPlan(entries: [], retryAfterSeconds: nil)

    init(entries: [Entry], retryAfterSeconds: Int?) {
        self.entries = entries
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// Parses `KIND:RATE,…`; an empty or all-blank `spec` is the empty plan.
    public init(parsing spec: String, retryAfterSeconds: Int? = nil) throws(FaultPlanError) {
        var entries: [Entry] = []
        for item in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let text = item.trimmingSpaces
            if text.isEmpty {
                if spec.allSatisfy({ $0 == " " || $0 == "," }) { continue }
                throw FaultPlanError("empty fault in '\(spec)'; write KIND:RATE,KIND:RATE")
            }
            guard let colon = text.firstIndex(of: ":") else {
                throw FaultPlanError("fault '\(text)' needs a rate, as in \(text):0.1")
            }
            let name = String(text[..<colon]).trimmingSpaces
            let rateText = String(text[text.index(after: colon)...]).trimmingSpaces
            guard let kind = FaultKind(rawValue: name.lowercased()) else {
                throw FaultPlanError("unknown fault '\(name)'; the faults are \(FaultKind.spellings)")
            }
            guard let rate = Double(rateText), rate.isFinite, (0...1).contains(rate) else {
                throw FaultPlanError("fault rate '\(rateText)' in '\(text)' is not a number from 0 to 1")
            }
            guard !entries.contains(where: { $0.kind == kind }) else {
                throw FaultPlanError("fault '\(kind.rawValue)' is given twice")
            }
            entries.append(Entry(kind: kind, rate: rate))
        }
        guard retryAfterSeconds.map({ $0 >= 0 }) ?? true else {
            throw FaultPlanError("retry-after must be a whole number of seconds, 0 or more")
        }
        self.init(entries: entries, retryAfterSeconds: retryAfterSeconds)
    }

    /// The plan written back as `--faults` takes it: `503:1,nonext:0.5`.
    public var spec: String {
        entries.map { "\($0.kind.rawValue):\(Self.format($0.rate))" }.joined(separator: ",")
    }

    /// `1` rather than `1.0`, so a spec reads back as it was typed.
    private static func format(_ rate: Double) -> String {
        rate == rate.rounded() ? String(Int(rate)) : String(rate)
    }
}

/// A `--faults` value (or an admin request's) that does not parse; the message says why.
public struct FaultPlanError: Error, Sendable, CustomStringConvertible {
    public let message: String

    init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension StringProtocol {
    /// Without leading and trailing spaces; Foundation-free.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
