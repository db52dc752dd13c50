// What the command line asks for: parsed by hand so that script arguments pass through untouched.

import RoveHTTP

/// The parsed command line.
///
/// Options come first; the script (a file, `-e SOURCE`, or `-`) ends them, and every argument
/// after it belongs to the script, even `--output` or `-e`. swift-argument-parser cannot leave
/// options after `-e SOURCE` alone, which is why this is written by hand (see docs/cli.md).
struct Invocation: Equatable {
    /// Where the program comes from.
    enum Program: Equatable {
        /// The REPL on a terminal; a program read from standard input otherwise.
        case standardInputOrREPL
        /// A program read from standard input, asked for with `-`.
        case standardInput
        /// A script file.
        case file(String)
        /// Source text given with `-e`.
        case source(String)
        /// `rove test [PATH...]`: the test files and folders given (none: the current folder).
        case tests([String])

        var isTests: Bool { if case .tests = self { return true } else { return false } }
        var testPaths: [String] { if case .tests(let paths) = self { return paths } else { return [] } }

        var isFile: Bool {
            switch self {
            case .file: return true
            case .standardInputOrREPL, .standardInput, .source, .tests: return false
            }
        }
    }

    var program: Program = .standardInputOrREPL
    /// What the script sees as `args`.
    var scriptArguments: [String] = []
    /// Nil means: choose by whether standard output is a terminal.
    var outputFormat: OutputFormat?
    /// `-i`: the REPL even when standard input is not a terminal (lines are then read plainly).
    var forcesREPL = false
    /// `--no-pager`: REPL results taller than the screen are written out rather than paged.
    var pages = true
    var showsHelp = false
    var showsVersion = false
    /// `--trace`: each request and response goes to standard error, credentials redacted.
    var tracesRequests = false
    /// `--demo`: start the local simulator and connect to it instead of a configured server.
    var startsDemo = false
    /// `--profile NAME`: the config file profile to connect with; it beats the environment.
    var profile: String?
    /// `--max-response-size SIZE`: the largest response body any connection accepts, in bytes;
    /// it beats a profile's `*_max_response_size`.
    var maxResponseBytes: Int?
    /// `--read-only`: only GET and HEAD requests leave; a write is refused (exit 8).
    var readOnly = false
    /// `--dry-run`: reads go out, writes are planned instead; the plan is shown at the end and
    /// the exit status is 10 when it holds anything (docs/cli.md "Dry run").
    var dryRun = false
    /// `--max-requests N`: the run sends at most N HTTP requests; the next is a limit (exit 7).
    var maxRequests: Int?
    /// `--max-time SECONDS`: each run (the program, each REPL line) stops with a limit error
    /// (exit 7) when time is up.
    var maxTime: Double?
    /// `--max-steps N`: each run stops with a limit error after N steps.
    var maxSteps: Int?
    /// `--max-memory MB` (or a size such as 2G): each run stops with a limit error when it has
    /// added this much memory; without it, half the machine's (or the cgroup's) memory.
    var maxMemory: Int?
    /// `--sandbox`: no files, environment or new connections but what the `--allow-*` flags
    /// open (docs/cli.md "Sandbox"). Any `--allow-*` flag turns it on as well.
    var sandbox = false
    /// `--allow-read PATH`, repeatable: files and folders `readFile` (and `import`) may read.
    var allowRead: [String] = []
    /// `--allow-write PATH`, repeatable: files and folders `writeFile` may write.
    var allowWrite: [String] = []
    /// `--allow-env NAME`, repeatable: variables `env` may read.
    var allowEnv: [String] = []
    /// `--allow-net ORIGIN`, repeatable: origins `connect(...)` may reach, as `scheme://host:port`.
    var allowNet: [String] = []
    /// `--record FILE`: every HTTP exchange, credentials masked, is written to FILE at the end.
    var recordPath: String?
    /// `--replay FILE`: requests are answered from FILE's recording; nothing reaches the network.
    var replayPath: String?
    /// `rove test --update-recordings`: each test file's requests go to the configured servers
    /// and are recorded beside it (`TestFiles.recording(of:)`), to be replayed by later runs.
    var updatesRecordings = false
    /// `--audit FILE`: a JSON line per write attempt and one for the run are appended to FILE.
    var auditPath: String?
    /// `--ci NAME`: the CI system whose outputs and annotations to write; nil detects it from
    /// the environment (docs/cli.md "CI").
    var ci: CISystem?
}

/// A command line that cannot be understood; `rove` prints it with a hint and exits 2.
struct UsageError: Error, Equatable {
    let message: String
}

extension Invocation {
    /// Parses `arguments` (without the program name).
    init(parsing arguments: [String]) throws(UsageError) {
        self.init()
        try read(arguments)
        if recordPath != nil && replayPath != nil {
            throw UsageError(message: "options '--record' and '--replay' cannot be used together")
        }
        if updatesRecordings {
            guard program.isTests else {
                throw UsageError(message: "'--update-recordings' is for 'rove test'; a script records with '--record FILE'")
            }
            guard recordPath == nil && replayPath == nil else {
                throw UsageError(message: "'--update-recordings' writes each test file's own recording; leave out '--record' and '--replay'")
            }
        }
    }

    private mutating func read(_ arguments: [String]) throws(UsageError) {
        var index = 0
        /// The value of an option given either as `--name value` or `--name=value`.
        func value(of option: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else {
                throw UsageError(message: "option '\(option)' needs a value")
            }
            return arguments[index]
        }

        while index < arguments.count {
            let argument = arguments[index]
            let (name, inline) = Self.split(argument)
            if let option = Option.named(name) {
                guard option.isForTests || !program.isTests else {
                    throw UsageError(message: "'\(name)' cannot be used with 'rove test', which runs test files")
                }
                switch option.effect {
                case .flag(let apply):
                    guard inline == nil else { throw UsageError(message: "option '\(name)' takes no value") }
                    apply(&self)
                case .value(let apply):
                    try apply(&self, try value(of: name, inline: inline))
                }
                index += 1
                if option.endsOptions {
                    scriptArguments = Array(arguments[index...])
                    return
                }
                continue
            }
            switch argument {
            case "--" where program.isTests:
                program = .tests(program.testPaths + arguments[(index + 1)...])
                return
            case "--":
                if index + 1 < arguments.count { program = .file(arguments[index + 1]) }
                scriptArguments = Array(arguments[min(index + 2, arguments.count)...])
                return
            case "-":
                guard !program.isTests else {
                    throw UsageError(message: "'-' cannot be used with 'rove test', which runs test files")
                }
                program = .standardInput
                scriptArguments = Array(arguments[(index + 1)...])
                return
            case _ where argument.hasPrefix("-"):
                throw UsageError(message: "unknown option '\(argument)'")
            // `rove test` is the test runner wherever options end; a script named `test`
            // runs as `rove ./test`. Options after it still apply to every test.
            case _ where program.isTests:
                program = .tests(program.testPaths + [argument])
                index += 1
            case "test" where program == .standardInputOrREPL:
                program = .tests([])
                index += 1
            default:
                program = .file(argument)
                scriptArguments = Array(arguments[(index + 1)...])
                return
            }
        }
    }

    /// `--output=json` → (`--output`, `json`); anything else → (argument, nil).
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
            return (argument, nil)
        }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

}
