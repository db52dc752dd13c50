// A deployment gate: runs a team's Rove script with one Swift function, one host object and an
// `octopus` connection, and stops a script that runs away.

import Foundation
import RoveCore
import RoveProviders

/// The change ticket the gate is checking, shown to scripts as `ticket`.
final class Ticket: HostObject {
    let id: String
    var approved = false

    init(id: String) { self.id = id }

    var typeName: String { "Ticket" }

    func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        switch name {
        case "id": return .string(id)
        case "approved": return .bool(approved)
        default: return nil
        }
    }

    func describe(in interpreter: Interpreter) -> String { "<Ticket \(id)>" }
}

let environment = ProcessInfo.processInfo.environment
var output = ""
let host = Host(standardOutput: { output += $0 }, standardError: { FileHandle.standardError.write(Data($0.utf8)) },
                environment: [:])
let interpreter = Interpreter(host: host)

let ticket = Ticket(id: "CHG-1042")
interpreter.define("ticket", as: .host(ticket))
// A Swift function a script calls as `approve(reason)`.
interpreter.define("approve", as: .function(Function(name: "approve") { args in
    try args.expect(1)
    ticket.approved = true
    return .string("approved \(ticket.id): \(try args.string(0))")
}))

let providers = Providers(interpreter: interpreter)
if let url = environment["OCTOPUS_URL"], let key = environment["OCTOPUS_API_KEY"] {
    try providers.connectOctopus(url: url, apiKey: key, accessToken: nil, space: nil)
}

let script = """
    let web = octopus.Projects.find(name: "Web")
    let latest = web.Releases.first
    print("\\(web.Name) \\(latest.Version) for \\(ticket.id)")
    print(approve("latest release is \\(latest.Version)"))
    """
do {
    _ = try interpreter.run(script, file: "gate.rove")
    print(output, terminator: "")
    print("ticket approved: \(ticket.approved)")
} catch let error as Diagnostic {
    print(DiagnosticRenderer.render(error), terminator: "")
    exit(1)
}

// The interpreter is sandboxed unless the host says otherwise: a script reaches no file,
// variable or connection of its own, only what the host gave it (docs/embedding.md "Policy").
do {
    _ = try interpreter.run(#"readFile("/etc/passwd")"#, file: "nosy.rove")
} catch let error as Diagnostic {
    print("nosy script: \(error.kind.name)")
}

// A script that never ends is stopped from another thread through the Sendable handle; the
// interpreter stays usable.
let stop = interpreter.interruptHandle
let runaway = Thread {
    Thread.sleep(forTimeInterval: 0.2)
    stop.interrupt()
}
runaway.start()
do {
    _ = try interpreter.run("var n = 0\nwhile true { n += 1 }", file: "runaway.rove")
} catch let error as Diagnostic {
    print("runaway script: \(error.kind.name)")
}
print(try interpreter.run("1 + 1", file: "after.rove").map { interpreter.repr($0) } ?? "nil")
