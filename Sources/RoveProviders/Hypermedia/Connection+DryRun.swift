// Under a dry run, what a connection answers in place of the server.

import RoveCore
import RoveHTTP

/// A resource's document as read and as the script changed it, for a save's plan entry.
struct ResourceEdit {
    var before: Fields
    var after: Fields
}

/// What a dialect answers for a write a dry run did not send: the document the script goes on
/// with, and documents it implies (an Octopus deployment's task), by their addresses.
struct StandIn {
    var document: Fields
    var implied: [(address: String, document: Fields)] = []
}

extension Connection {
    /// The plan's answer in place of the server's; `value` nil means an empty answer.
    struct PlannedAnswer {
        let value: Value?
    }

    /// Under a dry run, the plan's answer to `method` `link`, or nil when the request goes out.
    ///
    /// A write never goes out: it becomes a plan entry, and the answer is a stand-in the
    /// dialect writes from the body (with a placeholder identifier), or for a save the document
    /// as the script left it. A read goes out unless it names something only the plan has; then
    /// it is that planned document, or an empty list for what lies below one (a planned
    /// release has no deployments yet).
    func plannedAnswer(_ method: String, _ link: String, body: Value?,
                       replacing edit: ResourceEdit? = nil) throws -> PlannedAnswer? {
        guard let plan else { return nil }
        let url = url(for: link)
        let request = HTTPRequest(method: method, url: url)
        if request.onlyReads {
            guard plan.mentionsPlanned(url) else { return nil }
            return PlannedAnswer(value: plan.document(at: url).map(Value.object) ?? .list([]))
        }
        // What the run's policy refuses is refused in a dry run too: the preview shows the
        // failure the real run would meet (`--read-only` with `--dry-run` stops at the write).
        try interpreter.policy.checkMethod(of: request, redactor: redactor)
        var entry = PlanEntry(connection: name, method: method, url: redactor.redact(url: url),
                              body: try body.map(redactedText), placeholder: nil, changes: nil)
        var answer: Value?
        switch method {
        case "PUT", "PATCH":
            if let edit {
                entry.changes = DocumentDiff.changes(from: edit.before, to: edit.after) { value in
                    (try? self.redactedText(value)) ?? "?"
                }
                answer = .object(edit.after)
            } else {
                answer = body
            }
            if plan.document(at: url) != nil, case .object(let fields)? = answer { plan.store(fields, at: url) }
        case "DELETE":
            plan.removeDocument(at: url)
        default:
            if let dialect, let standIn = dialect.standIn(for: body, sentTo: link, plan: plan) {
                entry.placeholder = dialect.identity(of: standIn.document)
                let collection = Self.withoutQuery(link)
                let address = dialect.address(ofItem: standIn.document, inCollection: collection)
                if let selfLink = dialect.selfLink(of: standIn.document, at: address) {
                    plan.store(standIn.document, at: self.url(for: selfLink))
                }
                for (address, document) in standIn.implied { plan.store(document, at: self.url(for: address)) }
                answer = .object(standIn.document)
            }
        }
        plan.append(entry)
        // A trace tells the whole story of the run: the write is in it, marked as not sent.
        if let client = try? client(), client.trace {
            client.log("⊘ planned \(method) \(entry.url)" + (entry.placeholder.map { " → \($0)" } ?? "") + " (not sent)")
        }
        return PlannedAnswer(value: answer)
    }

    /// `value` as compact JSON with `secret(...)` values masked and every credential the
    /// redactor knows masked in the text: what a plan may show.
    func redactedText(_ value: Value) throws -> String {
        redactor.redact(try interpreter.encodeJSON(value, pretty: false))
    }

    static func withoutQuery(_ link: String) -> String {
        String(link.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
