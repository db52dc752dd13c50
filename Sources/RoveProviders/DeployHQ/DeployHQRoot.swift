// The `deployhq` global: the account, whose members are the graph's top-level paths.

import RoveCore

/// A DeployHQ account as a script sees it: `deployhq.projects`, `deployhq.global_servers`,
/// `deployhq.zones`. It is the resource at the empty address, so its members come from the
/// graph like every other resource's; nothing is requested until a script follows one.
public final class DeployHQRoot: HostObject {
    let account: Resource

    init(connection: Connection, dialect: DeployHQDialect = DeployHQDialect()) {
        account = Resource([:], connection: connection, dialect: dialect, address: "")
        connection.dialect = dialect
    }

    public var typeName: String { "DeployHQ" }

    /// What the account answers besides its paths; dispatch, completion and help read it.
    static let members = HostMembers<DeployHQRoot>([
        .property("url", doc: "url — the account's base address") { root, _ in .string(root.account.connection.baseURL) },
    ])

    public func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        if let value = try Self.members.read(name, of: self, in: interpreter) { return value }
        // The account is no document: a name that is none of its paths is an error, not nil.
        let value = try account.member(name, in: interpreter)
        return value == .null ? nil : value
    }

    public func callMethod(_ name: String, with arguments: Arguments) throws -> Value? {
        if let answer = try RawRequests(connection: account.connection, dialect: account.dialect).call(name, with: arguments) {
            return answer
        }
        return try account.dialect.method(name, of: account, with: arguments)
    }

    public func data(in interpreter: Interpreter) throws -> Value? {
        .object(["url": .string(account.connection.baseURL), "members": .list(account.links.keys.sorted().map(Value.string))])
    }

    public func describe(in interpreter: Interpreter) -> String {
        "<DeployHQ \(account.connection.baseURL)>"
    }

    public func completions(in interpreter: Interpreter) -> [String] {
        Array(account.links.keys) + account.dialect.memberHelp(of: account).map(\.name) + Self.members.names + RawRequests.names
    }

    public func help(in interpreter: Interpreter) throws -> HelpTopic? {
        HelpTopic(title: "DeployHQ account \(account.connection.baseURL)",
                  lines: ["Each path of the API is a member: deployhq.projects, deployhq.global_servers; Tab lists them."],
                  sections: [HelpTopic.Section("Paths", account.links.keys.sorted().map { HelpTopic.Entry(name: $0) }),
                             HelpTopic.Section("Members", Self.members.helpEntries + account.dialect.memberHelp(of: account)),
                             HelpTopic.Section("Requests to any path", RawRequests.helpEntries)])
    }
}
