// Calling a path that is only written to: `deployment.abort()`, `project.star()`, `rollback(mode:)`.

import RoveCore

/// One call of an action path below a resource. Arguments become the body: one object as it
/// is, or labelled values (`rollback(mode: "preview", copy_config_files: false)`), wrapped in
/// the path's resource key when it has one. An answer that is a resource the graph can address
/// comes back as one; `{"status": …}` answers come back as plain objects.
struct DeployHQAction {
    let name: String
    let route: DeployHQRoute
    let resource: Resource
    let dialect: DeployHQDialect

    func call(with arguments: Arguments) throws -> Value {
        let address = try resource.selfLink() + "/" + name
        let method = route.writes.contains("POST") ? "POST" : route.writes[0]
        let body = try self.body(from: arguments)
        let answer = try resource.connection.send(method, to: address, body: body.map { dialect.requestBody($0, to: address) })
        guard case .object(let fields)? = answer, dialect.identity(of: fields) != nil else { return answer ?? .null }
        return .host(Resource(fields, connection: resource.connection, dialect: dialect, address: try answerAddress(fields)))
    }

    private func body(from arguments: Arguments) throws -> Value? {
        if arguments.count == 1, arguments.label(at: 0) == nil {
            guard case .object = try arguments.value(0) else { throw arguments.typeError(0, expected: "object") }
            return try arguments.value(0)
        }
        guard arguments.count > 0 else { return nil }
        var fields: Fields = [:]
        for index in 0..<arguments.count {
            guard let label = arguments.label(at: index) else {
                throw arguments.badArgument(index, "expected an object or labelled values such as mode: \"preview\"")
            }
            fields[label] = arguments.values[index]
        }
        return .object(fields)
    }

    /// Where the answer lives: in a collection named like the action, below the resource or
    /// the nearest of its ancestors that has one (a server's `test_access()` answers a
    /// `projects/web/test_access/<id>`); else beside the resource, as one of its kind
    /// (`rollback` and `retry` answer with a deployment).
    private func answerAddress(_ fields: Fields) throws -> String? {
        let own = try resource.selfLink()
        var ancestor = DeployHQGraph.segments(of: own)
        while !ancestor.isEmpty {
            let collection = (ancestor + [Substring(name)]).joined(separator: "/")
            if let address = dialect.address(ofItem: fields, inCollection: collection) { return address }
            ancestor.removeLast()
        }
        guard let slash = own.lastIndex(of: "/") else { return nil }
        return dialect.address(ofItem: fields, inCollection: String(own[..<slash]))
    }
}
