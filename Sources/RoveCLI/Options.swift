// The options of `rove`, in one table that parsing, `rove --help` and the tests of docs and completions read.

import RoveHTTP

/// One option: how it is spelled, the value it takes, its lines in `rove --help`, and what it
/// sets in the invocation.
struct Option {
    enum Effect {
        /// A switch: `--trace`. `--trace=x` is refused.
        case flag((inout Invocation) -> Void)
        /// An option with a value, written `--name VALUE` or `--name=VALUE`.
        case value((inout Invocation, String) throws(UsageError) -> Void)
    }

    /// The spellings, the short one first when there is one: `["-o", "--output"]`.
    let names: [String]
    /// What the value stands for in the help (`FORMAT`); nil for a switch.
    let valueName: String?
    /// The help's description, one string per line.
    let help: [String]
    /// Whether `rove test` takes it: what picks a single program or opens the REPL does not.
    var isForTests = true
    /// Whether the arguments after it belong to the script (`-e SOURCE ARGS...`).
    var endsOptions = false
    let effect: Effect

    init(_ names: [String], _ valueName: String? = nil, help: [String], isForTests: Bool = true,
         endsOptions: Bool = false, _ effect: Effect) {
        self.names = names
        self.valueName = valueName
        self.help = help
        self.isForTests = isForTests
        self.endsOptions = endsOptions
        self.effect = effect
    }

    /// The option spelled `name`, if any.
    static func named(_ name: String) -> Option? { byName[name] }

    private static let byName: [String: Option] = Dictionary(
        uniqueKeysWithValues: table.flatMap { option in option.names.map { ($0, option) } })

    static let table: [Option] = [
        Option(["-e", "--eval"], "SOURCE", help: ["run SOURCE instead of a file"], isForTests: false, endsOptions: true,
               .value { invocation, source in invocation.program = .source(source) }),
        Option(["-o", "--output"], "FORMAT", help: ["print results as table, json, ndjson, csv or text",
                                                    "(default: table on a terminal, json otherwise)"],
               .value { invocation, name throws(UsageError) in invocation.outputFormat = try OutputFormat(named: name) }),
        Option(["-i", "--interactive"], help: ["open the REPL, after running FILE or SOURCE if given"], isForTests: false,
               .flag { $0.forcesREPL = true }),
        Option(["--no-pager"], help: ["write long REPL results out instead of through $PAGER"],
               .flag { $0.pages = false }),
        Option(["--profile"], "NAME", help: ["connect with the config file's profile NAME",
                                             "(default: $ROVE_PROFILE, else the file's `profile`)"],
               .value { invocation, name throws(UsageError) in invocation.profile = try nonEmpty(name, "--profile", "a value") }),
        Option(["--demo"], help: ["start the local simulator and connect to it"],
               .flag { $0.startsDemo = true }),
        Option(["--ci"], "NAME", help: ["write outputs and error annotations for github, gitlab,",
                                        "azure, teamcity, octopus or none (default: detected)"],
               .value { invocation, name throws(UsageError) in invocation.ci = try CISystem(named: name) }),
        Option(["--trace"], help: ["print each request, redirect and response to stderr, redacted"],
               .flag { $0.tracesRequests = true }),
        Option(["--read-only"], help: ["send only GET and HEAD requests; any write is refused"],
               .flag { $0.readOnly = true }),
        Option(["--dry-run"], help: ["send reads, plan writes instead of sending them; print the",
                                     "plan at the end (stderr; the last stdout line with -o json)"],
               .flag { $0.dryRun = true }),
        Option(["--sandbox"], help: ["no files, environment or new connections beyond what",
                                     "the --allow-* options open (imports from the script's",
                                     "own folder still work); any --allow-* implies it"],
               .flag { $0.sandbox = true }),
        Option(["--allow-read"], "PATH", help: ["let scripts read (and import) PATH and what is below it"],
               .value { invocation, path throws(UsageError) in invocation.allowRead.append(try nonEmpty(path, "--allow-read", "a path")) }),
        Option(["--allow-write"], "PATH", help: ["let scripts write PATH and what is below it"],
               .value { invocation, path throws(UsageError) in invocation.allowWrite.append(try nonEmpty(path, "--allow-write", "a path")) }),
        Option(["--allow-env"], "NAME", help: ["let scripts read the environment variable NAME"],
               .value { invocation, name throws(UsageError) in invocation.allowEnv.append(try Invocation.variableName(name)) }),
        Option(["--allow-net"], "ORIGIN", help: ["let scripts connect(...) to ORIGIN (https://host[:port])"],
               .value { invocation, origin throws(UsageError) in invocation.allowNet.append(try Invocation.origin(origin)) }),
        Option(["--max-requests"], "N", help: ["send at most N HTTP requests (retries included)"],
               .value { invocation, text throws(UsageError) in
                   guard let count = Int(text), count >= 0 else {
                       throw UsageError(message: "option '--max-requests' needs a number of requests (got '\(text)')")
                   }
                   invocation.maxRequests = count
               }),
        Option(["--max-time"], "SECONDS", help: ["stop a run when SECONDS have passed"],
               .value { invocation, text throws(UsageError) in
                   guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                       throw UsageError(message: "option '--max-time' needs a number of seconds (got '\(text)')")
                   }
                   invocation.maxTime = seconds
               }),
        Option(["--max-steps"], "N", help: ["stop a run after N steps (loop iterations, calls, items)"],
               .value { invocation, text throws(UsageError) in
                   guard let count = Int(text), count > 0 else {
                       throw UsageError(message: "option '--max-steps' needs a number of steps (got '\(text)')")
                   }
                   invocation.maxSteps = count
               }),
        Option(["--max-memory"], "MB", help: ["stop a run that adds MB megabytes (default: half the machine's)"],
               .value { invocation, text throws(UsageError) in
                   // A bare number is megabytes, as the option's documentation says.
                   let isNumber = !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
                   let size = isNumber ? Int(text).flatMap { $0 > 0 && $0 <= Int.max >> 20 ? $0 << 20 : nil }
                                       : ByteCount(parsing: text)?.bytes
                   guard let size, size > 0 else {
                       throw UsageError(message: "option '--max-memory' needs megabytes or a size such as 2G (got '\(text)')")
                   }
                   invocation.maxMemory = size
               }),
        Option(["--max-response-size"], "SIZE", help: ["refuse response bodies larger than SIZE (default 256M)"],
               .value { invocation, text throws(UsageError) in
                   guard let size = ByteCount(parsing: text) else {
                       throw UsageError(message: "option '--max-response-size' needs a size such as 512M or 1G (got '\(text)')")
                   }
                   invocation.maxResponseBytes = size.bytes
               }),
        Option(["--record"], "FILE", help: ["write every request and response to FILE, secrets masked"],
               .value { invocation, path throws(UsageError) in invocation.recordPath = try nonEmpty(path, "--record", "a file") }),
        Option(["--replay"], "FILE", help: ["answer requests from FILE's recording; no network at all"],
               .value { invocation, path throws(UsageError) in invocation.replayPath = try nonEmpty(path, "--replay", "a file") }),
        Option(["--audit"], "FILE", help: ["append a JSON line per write and per run to FILE"],
               .value { invocation, path throws(UsageError) in invocation.auditPath = try nonEmpty(path, "--audit", "a file") }),
        Option(["--update-recordings"], help: ["rove test: record each test file's requests beside it"],
               .flag { $0.updatesRecordings = true }),
        Option(["-h", "--help"], help: ["show this help"], .flag { $0.showsHelp = true }),
        Option(["--version"], help: ["show the version"], .flag { $0.showsVersion = true }),
    ]

    private static func nonEmpty(_ text: String, _ option: String, _ what: String) throws(UsageError) -> String {
        guard !text.isEmpty else { throw UsageError(message: "option '\(option)' needs \(what)") }
        return text
    }

    /// The option's lines in `rove --help`: spellings and value in a column of their own, the
    /// description beside them, or below when they are too wide.
    var helpLines: String {
        let spelling = (names.count > 1 ? "" : "    ") + names.joined(separator: ", ")
            + (valueName.map { " " + $0 } ?? "")
        let column = 23
        let indent = String(repeating: " ", count: column + 2)
        var text = "  " + spelling
        if spelling.count < column {
            text += String(repeating: " ", count: column - spelling.count) + help[0] + "\n"
        } else {
            text += "\n" + indent + help[0] + "\n"
        }
        return text + help.dropFirst().map { indent + $0 + "\n" }.joined()
    }
}
