// Step logs: a deployment's whole log as text (`log`), its failed steps' entries (`logs`), a step's own (`logs`).

import RoveCore

/// DeployHQ has no whole-deployment log (`/deployments/:id/log` does not exist; research §1.1):
/// each step has its own, newest entries first in pages that `before=<id>` walks back through.
/// Several steps' pages are fetched together, one round trip per page depth.
struct DeployHQLogs {
    let connection: Connection

    /// Every step's entries as lines: `transfer: Uploading index.html`, an error's detail
    /// indented below it; nil when no step has logged anything yet.
    static func text(of deployment: Resource) throws -> String? {
        let steps = try self.steps(of: deployment).filter(\.hasLogs)
        guard !steps.isEmpty else { return nil }
        var lines: [String] = []
        for entry in try entries(of: steps, in: deployment).joined() {
            guard case .object(let fields) = entry else { continue }
            func text(_ key: String) -> String? {
                if case .string(let value)? = fields[key], !value.isEmpty { return value }
                return nil
            }
            var line = (text("step") ?? "step") + ": "
            if let type = text("type"), type != "info" { line += type + ": " }
            lines.append(line + (text("message") ?? ""))
            if let detail = text("detail") { lines.append("    " + detail) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The entries of the steps that failed, oldest first: what went wrong, without the rest.
    static func failedStepEntries(of deployment: Resource) throws -> [Value] {
        let failed = try steps(of: deployment).filter { $0.status == "failed" && $0.hasLogs }
        return Array(try entries(of: failed, in: deployment).joined())
    }

    /// The entries of `steps` of `deployment`, each oldest first.
    private static func entries(of steps: [DeployHQDialect.Step], in deployment: Resource) throws -> [[Value]] {
        let base = try deployment.selfLink()
        return try DeployHQLogs(connection: deployment.connection).entries(ofSteps: steps.map { "\(base)/steps/\($0.identifier)" })
    }

    /// A list's row has no `steps`; the logs need them, so such a row is read whole first.
    private static func steps(of deployment: Resource) throws -> [DeployHQDialect.Step] {
        if deployment.document["steps"] == nil { try deployment.reload() }
        return DeployHQDialect.steps(of: deployment.document)
    }

    /// The entries of each step at `addresses` (`…/deployments/<id>/steps/<id>`), oldest first.
    func entries(ofSteps addresses: [String]) throws -> [[Value]] {
        var collected = [[Value]](repeating: [], count: addresses.count)
        var before = [Int?](repeating: nil, count: addresses.count)
        var open = Array(addresses.indices)
        while !open.isEmpty {
            let links = open.map { index in addresses[index] + "/logs" + (before[index].map { "?before=\($0)" } ?? "") }
            let pages = try connection.documents(at: links)
            var stillOpen: [Int] = []
            for (index, page) in zip(open, pages) {
                guard case .list(let items) = page, !items.isEmpty else { continue }
                collected[index] = items + collected[index]
                // Walk back until a page comes back empty, or the server ignores `before`.
                let oldest = items.compactMap(Self.id).min()
                if let oldest, before[index].map({ oldest < $0 }) ?? true {
                    before[index] = oldest
                    stillOpen.append(index)
                }
            }
            open = stillOpen
        }
        return collected
    }

    private static func id(of entry: Value) -> Int? {
        guard case .object(let fields) = entry, case .int(let id)? = fields["id"] else { return nil }
        return id
    }
}
