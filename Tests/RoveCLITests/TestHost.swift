// Builtins the CLI tests add to the interpreter: HTTP failures, interrupts and host objects on demand.

import RoveCore

/// What a provider would give scripts, reduced to what the CLI's exit codes and formats need.
enum TestHost {
    static func install(in interpreter: Interpreter) {
        interpreter.define("failHTTP", as: .function(Function(name: "failHTTP") { args in
            let status = try args.int(0)
            var diagnostic = Diagnostic(ErrorKind("http"), "HTTP \(status) from GET /api/projects")
            diagnostic.fields["status"] = .int(status)
            throw diagnostic
        }))
        interpreter.define("failNetwork", as: .function(Function(name: "failNetwork") { _ in
            throw Diagnostic(ErrorKind("network"), "connection refused: 127.0.0.1:1")
        }))
        interpreter.define("interruptNow", as: .function(Function(name: "interruptNow") { args in
            args.interpreter.interrupt()
            return .null
        }))
        interpreter.define("resource", as: .function(Function(name: "resource") { _ in
            .host(Resource())
        }))
    }

    /// A host object whose plain data form is a record, as an API resource's is.
    final class Resource: HostObject {
        var typeName: String { "Resource" }
        func data(in interpreter: Interpreter) throws -> Value? {
            .object(["Id": "Projects-1", "Name": "Web"])
        }
    }
}
