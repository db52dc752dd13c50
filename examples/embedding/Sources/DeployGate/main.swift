// A deployment gate: runs a team's Rove scripts with a Swift function, a host object, Codable
// structs in and out and an `octopus` connection over the host's own transport; compiles its
// policy once and runs it for every change request; stops scripts that run away, from another
// thread or by cancelling their Task.

import Foundation
import RoveCore
import RoveHTTP
import RoveHost
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

/// A change request as the gate receives it; the policy script reads it as `request`.
struct ChangeRequest: Codable {
    let id: String
    let project: String
    let risk: Int
}

/// What the policy script answers, read back into Swift.
struct Verdict: Decodable {
    let approved: Bool
    let reason: String
}

/// The host's own transport: it sees every request the providers send, then hands it to libcurl.
final class CountingTransport: HTTPTransport {
    private let curl: CurlTransport
    private(set) var requests = 0

    init() throws { curl = try CurlTransport() }

    func start(_ request: HTTPRequest, id: Int) {
        requests += 1
        curl.start(request, id: id)
    }

    func completions(waitingAtMost seconds: Double) -> [HTTPCompletion] { curl.completions(waitingAtMost: seconds) }
    func abandon() { curl.abandon() }
    func cancel() { curl.cancel() }
}

/// Everything the gate gives its scripts, made outside any actor. The closures the interpreter
/// calls (the Host's, registered functions) run on whichever thread runs the script, with
/// `run(_:) async` a thread of its own; written in top-level code they would belong to the main
/// actor, and Swift 6 stops a program that calls such a closure from another thread.
nonisolated func makeGate(ticket: Ticket, transport: CountingTransport, output: OutputBuffer) throws -> Interpreter {
    let host = Host(standardOutput: { output.text += $0 },
                    standardError: { FileHandle.standardError.write(Data($0.utf8)) })
    let interpreter = Interpreter(host: host)
    interpreter.define("ticket", as: .host(ticket))
    // A Swift function in one line: the arity is checked, completion and help see the doc.
    interpreter.register("approve", arity: 1, doc: "approves the ticket, giving a reason") { args in
        ticket.approved = true
        return .string("approved \(ticket.id): \(try args.string(0))")
    }
    let providers = Providers(interpreter: interpreter, options: .init(transport: transport))
    let environment = ProcessInfo.processInfo.environment
    if let url = environment["OCTOPUS_URL"], let key = environment["OCTOPUS_API_KEY"] {
        try providers.connectOctopus(url: url, apiKey: key, accessToken: nil, space: nil)
    }
    return interpreter
}

/// What scripts print, collected.
final class OutputBuffer {
    var text = ""
}

func fail(_ error: any Error) -> Never {
    print((error as? Diagnostic).map { DiagnosticRenderer.render($0) } ?? "\(error)", terminator: "")
    exit(1)
}

let ticket = Ticket(id: "CHG-1042")
let transport = try CountingTransport()
let output = OutputBuffer()
let interpreter = try makeGate(ticket: ticket, transport: transport, output: output)

// 1. A script run once.
let gate = """
    let web = octopus.Projects.find(name: "Web")
    let latest = web.Releases.first
    print("\\(web.Name) \\(latest.Version) for \\(ticket.id)")
    print(approve("latest release is \\(latest.Version)"))
    """
do {
    try interpreter.run(gate, file: "gate.rove")
    print(output.text, terminator: "")
    print("ticket approved: \(ticket.approved)")
} catch {
    fail(error)
}

// The interpreter is sandboxed unless the host says otherwise: a script reaches no file,
// variable or connection of its own, only what the host gave it (docs/embedding.md "Policy").
do {
    _ = try interpreter.run(#"readFile("/etc/passwd")"#, file: "nosy.rove")
} catch let error as Diagnostic {
    print("nosy script: \(error.kind.name)")
}

// 2. The policy, compiled once and run for each request: each run reads `request`, a Swift
// struct encoded as a Rove object, and answers with an object decoded as a `Verdict`.
let policy = """
    let latest = octopus.Projects.find(name: request.project).Releases.first
    let risky = request.risk > 2
    {approved: !risky, reason: risky ? "risk \\(request.risk) needs a review" : "\\(request.project) \\(latest.Version) is released"}
    """
do {
    let program = try interpreter.compile(policy, file: "policy.rove")
    let requests = [
        ChangeRequest(id: "CHG-1043", project: "Web API", risk: 1),
        ChangeRequest(id: "CHG-1044", project: "Payments", risk: 3),
        ChangeRequest(id: "CHG-1045", project: "Search", risk: 2),
    ]
    for request in requests {
        interpreter.define("request", as: try Value(encoding: request))
        let verdict = try ValueDecoder().decode(Verdict.self, from: try interpreter.run(program) ?? .null)
        print("\(request.id): \(verdict.approved ? "approved" : "held"), \(verdict.reason)")
    }
    print("requests through the host's transport: \(transport.requests > 0)")
} catch {
    fail(error)
}

// 3. A script that never ends, stopped from another thread through the Sendable handle.
let stop = interpreter.interruptHandle
Thread {
    Thread.sleep(forTimeInterval: 0.2)
    stop.interrupt()
}.start()
do {
    try interpreter.run("var n = 0\nwhile true { n += 1 }", file: "runaway.rove")
} catch let error as Diagnostic {
    print("runaway script: \(error.kind)")
}

// Limits bound a run however the script is written: a step budget that a catch-everything loop
// cannot swallow, and a memory limit checked before a doubling string is made.
for (name, script, limits) in [
    ("bounded", "while true { try { ticket.id } catch e { } }", Limits(steps: 100_000)),
    ("greedy", "var s = \"x\"\nwhile true { s = s + s }", Limits(memory: 64 << 20)),
] {
    do {
        try interpreter.run(SourceFile(name: "\(name).rove", text: script), limits: limits)
    } catch let error as Diagnostic {
        print("\(name) script: \(error.kind), \(error.message)")
    }
}

// 4. The runaway script again, run as a Task: it gets a thread of its own, and cancelling the task
// stops it. The interpreter stays usable.
let endless = try interpreter.compile("while true { }", file: "endless.rove")
// A task's result must be Sendable and a Value is not: a task hands back Swift values
// (decode them inside it) or, as here, nothing.
let task = Task { _ = try await interpreter.run(endless) }
try await Task.sleep(for: .milliseconds(200))
task.cancel()
switch await task.result {
case .success: print("cancelled script: finished")
case .failure(let error): print("cancelled script: \((error as? Diagnostic)?.kind.name ?? "\(error)")")
}
print(try interpreter.run("1 + 1", file: "after.rove")?.description ?? "nil")
