// Where a host plugs the providers into an interpreter: one HTTP client, the globals, connect().

import RoveCore
import RoveHTTP

/// The providers of one interpreter: they share one HTTP client (so connections are reused and
/// one Ctrl-C stops every request) and one redactor (so no credential is written out).
///
/// ```swift
/// let providers = Providers(interpreter: interpreter, options: .init(trace: true, log: printToStderr))
/// try providers.connectOctopus(url: "https://octopus.example.com", apiKey: key, space: "Default")
/// ```
public final class Providers {
    public struct Options {
        /// Write a line per request and response (credentials redacted) to `log`.
        public var trace: Bool
        /// Where trace lines go; the CLI sends them to stderr.
        public var log: (String) -> Void
        /// Show task progress on stderr (`progressOutput`) while `wait()` polls: at a terminal.
        public var progressOutput: ((String) -> Void)?
        /// Whether progress redraws its one line (a terminal); false writes a plain line per
        /// change of state, for CI logs.
        public var progressRedraws = true
        /// The transport to use; nil for libcurl. Tests substitute their own.
        public var transport: HTTPTransport?
        /// A PEM file of certificate authorities to trust instead of the system's, for servers
        /// behind a private CA; the CLI takes it from `SSL_CERT_FILE`.
        public var certificateAuthorities: String?
        /// The largest response body a connection accepts unless it sets its own; nil for the
        /// transport's default (`CurlTransport.Options.defaultMaxResponseBytes`).
        public var maxResponseBytes: Int?
        /// A dry run: reads go out, writes are planned instead (`Providers.plan`), for every
        /// connection, those a script makes with `connect(...)` included.
        public var dryRun: Bool
        /// The redactor to share, for a host whose transport masks too (a `RecordingTransport`
        /// must mask the same keys and secrets); nil for a new one.
        public var redactor: Redactor?
        /// Called with every write (POST, PUT, PATCH, DELETE) any connection sends, once it has
        /// an outcome: the CLI's `--audit` journal. Nil keeps none; the providers never open a
        /// file of their own.
        public var journal: ((WriteAttempt) -> Void)?

        public init(trace: Bool = false, log: @escaping (String) -> Void = { _ in },
                    progressOutput: ((String) -> Void)? = nil, transport: HTTPTransport? = nil,
                    certificateAuthorities: String? = nil, maxResponseBytes: Int? = nil, redactor: Redactor? = nil,
                    dryRun: Bool = false, journal: ((WriteAttempt) -> Void)? = nil) {
            self.redactor = redactor
            self.dryRun = dryRun
            self.journal = journal
            self.trace = trace
            self.log = log
            self.progressOutput = progressOutput
            self.transport = transport
            self.certificateAuthorities = certificateAuthorities
            self.maxResponseBytes = maxResponseBytes
        }
    }

    /// Settings a profile name stands for, for `connect("staging")`; the CLI reads them from
    /// its config files. Nil when the host has no profiles.
    public struct ProfileSettings {
        public var octopusURL: String?
        public var apiKey: String?
        public var accessToken: String?
        public var space: String?
        public var deployhqURL: String?
        public var deployhqEmail: String?
        public var deployhqAPIKey: String?
        /// The profile's `max_response_size`, in bytes.
        public var maxResponseBytes: Int?

        public init(octopusURL: String?, apiKey: String?, accessToken: String?, space: String?,
                    deployhqURL: String? = nil, deployhqEmail: String? = nil, deployhqAPIKey: String? = nil,
                    maxResponseBytes: Int? = nil) {
            self.maxResponseBytes = maxResponseBytes
            self.octopusURL = octopusURL
            self.apiKey = apiKey
            self.accessToken = accessToken
            self.space = space
            self.deployhqURL = deployhqURL
            self.deployhqEmail = deployhqEmail
            self.deployhqAPIKey = deployhqAPIKey
        }
    }

    unowned let interpreter: Interpreter
    let options: Options
    /// The run's `Limits.requests`, for every connection: `--max-requests 10` means ten in all.
    private let requestBudget = RequestBudget()
    /// The run the budget counts for; a new run starts a new count.
    private var budgetRun = 0
    /// Looks a profile up by name; throws a diagnostic naming the known ones when it is unknown.
    public var profiles: ((String) throws -> ProfileSettings)?
    public let redactor: Redactor
    /// Under `Options.dryRun`, the writes the script would have made; nil otherwise.
    public let plan: DryRun?
    private var madeClient: HTTPClient?
    /// The limit `withTimeLimit` set, for the client made while it runs.
    private var timeLimit: Double?

    public init(interpreter: Interpreter, options: Options = Options()) {
        self.interpreter = interpreter
        self.options = options
        self.plan = options.dryRun ? DryRun() : nil
        self.redactor = options.redactor ?? Redactor()
        ProviderLibrary.install(in: interpreter)
        // The interpreter keeps the providers alive through this global and the connections'
        // client closures; the providers hold the interpreter unowned, so there is no cycle.
        interpreter.register(Builtin("connect", doc: "connect(\"profile\") or connect(octopus: url, apiKey: key) — opens another connection") { args in
            try self.connect(args)
        })
        let earlier = interpreter.secretMade
        interpreter.secretMade = { [redactor] text in
            earlier?(text)
            redactor.register(secret: text)
        }
    }

    /// The client every connection shares, made on first use so a script that never touches a
    /// provider never loads libcurl.
    func client() throws -> HTTPClient {
        if budgetRun != interpreter.runNumber {
            budgetRun = interpreter.runNumber
            requestBudget.renew(limit: interpreter.runLimits.requests)
        }
        if let madeClient { return madeClient }
        let transport: HTTPTransport
        if let given = options.transport {
            transport = given
        } else {
            do {
                transport = try CurlTransport(options: CurlTransport.Options(certificateAuthorities: options.certificateAuthorities))
            } catch {
                throw Diagnostic(.network, "cannot make HTTP requests: \(error.message)")
            }
        }
        let client = HTTPClient(transport: transport, redactor: redactor)
        client.trace = options.trace
        client.requestBudget = requestBudget
        client.log = options.log
        client.shouldStop = { [unowned interpreter] in interpreter.shouldStop }
        client.timeLimit = timeLimit
        madeClient = client
        return client
    }

    /// Runs `body` with every request it makes given at most `seconds`, retries included: the
    /// CLI wraps Tab completion in it, so a slow server costs a moment and the completions that
    /// need no request, instead of a frozen prompt.
    public func withTimeLimit<T>(_ seconds: Double, _ body: () throws -> T) rethrows -> T {
        let outer = timeLimit
        timeLimit = min(seconds, outer ?? seconds)
        madeClient?.timeLimit = timeLimit
        defer {
            timeLimit = outer
            madeClient?.timeLimit = outer
        }
        return try body()
    }

    /// Stops every request in flight; safe from any thread (the CLI's Ctrl-C watcher).
    public func cancel() {
        madeClient?.cancel()
    }

    // MARK: Octopus

    /// Defines the global `name` (`octopus`) as a connection to an Octopus server. Nothing is
    /// requested until a script uses it. `apiKey` is sent as `X-Octopus-ApiKey`, `accessToken`
    /// as a Bearer token.
    @discardableResult
    public func connectOctopus(url: String, apiKey: String?, accessToken: String?, space: String?,
                               maxResponseBytes: Int? = nil, as name: String? = "octopus") throws -> Value {
        let root = Value.host(try makeOctopus(url: url, apiKey: apiKey, accessToken: accessToken, space: space,
                                              maxResponseBytes: maxResponseBytes))
        if let name { interpreter.define(name, as: root) }
        return root
    }

    private func makeOctopus(url: String, apiKey: String?, accessToken: String?, space: String?,
                             maxResponseBytes: Int?) throws -> OctopusRoot {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw Diagnostic(.value, "the Octopus URL must start with http:// or https:// (got '\(url)')")
        }
        var headers: [(name: String, value: String)] = []
        if let apiKey, !apiKey.isEmpty {
            redactor.register(secret: apiKey)
            headers.append((name: "X-Octopus-ApiKey", value: apiKey))
        }
        if let accessToken, !accessToken.isEmpty {
            redactor.register(secret: accessToken)
            headers.append((name: "Authorization", value: "Bearer " + accessToken))
        }
        let connection = try Connection(name: "octopus", baseURL: url, headers: headers, redactor: redactor,
                                        maxResponseBytes: maxResponseBytes ?? options.maxResponseBytes,
                                        client: { try self.client() },
                                        interpreter: interpreter,
                                        progress: options.progressOutput.map { TaskProgress(write: $0, redraws: options.progressRedraws) },
                                        plan: plan, journal: options.journal)
        return OctopusRoot(connection: connection, space: space.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `connect(octopus: "https://…", apiKey: secret(env("KEY")), space: "Ops")`,
    /// `connect(deployhq: "https://acme.deployhq.com", email: "…", apiKey: secret(env("KEY")))`, or
    /// `connect("staging")` for a profile: another connection inside a script.
    private func connect(_ args: Arguments) throws -> Value {
        if args.positional.count == 1 {
            try args.expect(1, labels: ["space", "maxResponseSize"])
            let name = try args.string(0)
            guard let profiles else { throw Diagnostic(.value, "connect: this host has no profiles, so '\(name)' means nothing") }
            let profile = try profiles(name)
            let cap = try maxResponseSize(args) ?? profile.maxResponseBytes
            // The profile is the runner's, but choosing it is the script's: under a policy it is
            // a connection like any other (a sandboxed job for staging cannot pick prod's key).
            try interpreter.policy.checkConnection(to: profile.octopusURL ?? profile.deployhqURL ?? "")
            if let url = profile.octopusURL {
                return .host(try makeOctopus(url: url, apiKey: profile.apiKey, accessToken: profile.accessToken,
                                             space: try args.string(labelled: "space") ?? profile.space,
                                             maxResponseBytes: cap))
            }
            if let url = profile.deployhqURL {
                return .host(try makeDeployHQ(url: url, email: profile.deployhqEmail ?? "", apiKey: profile.deployhqAPIKey ?? "",
                                              maxResponseBytes: cap))
            }
            throw Diagnostic(.value, "connect: profile '\(name)' has no octopus_url or deployhq_account")
        }
        if args.index(ofLabel: "deployhq") != nil {
            try args.expect(0...0, required: ["deployhq", "email", "apiKey"], optional: ["maxResponseSize"])
            let url = try args.requiredString(labelled: "deployhq")
            try interpreter.policy.checkConnection(to: url)
            return .host(try makeDeployHQ(url: url,
                                          email: try args.requiredString(labelled: "email"),
                                          apiKey: try credential("apiKey", args) ?? "",
                                          maxResponseBytes: try maxResponseSize(args)))
        }
        try args.expect(0...0, required: ["octopus"], optional: ["apiKey", "accessToken", "space", "maxResponseSize"])
        let url = try args.requiredString(labelled: "octopus")
        try interpreter.policy.checkConnection(to: url)
        return .host(try makeOctopus(url: url, apiKey: try credential("apiKey", args),
                                     accessToken: try credential("accessToken", args),
                                     space: try args.string(labelled: "space"),
                                     maxResponseBytes: try maxResponseSize(args)))
    }

    /// `maxResponseSize:` as a number of bytes or a size such as `"512M"`.
    private func maxResponseSize(_ args: Arguments) throws -> Int? {
        guard let index = args.index(ofLabel: "maxResponseSize") else { return nil }
        switch args.values[index] {
        case .null: return nil
        case .int(let bytes) where bytes > 0: return bytes
        case .string(let text):
            guard let size = ByteCount(parsing: text) else {
                throw args.badArgument(index, "a size such as \"512M\" expected, got \"\(text)\"")
            }
            return size.bytes
        case .int, .bool, .float, .list, .object, .function, .host:
            throw args.typeError(index, expected: "positive integer or size text")
        }
    }

    /// A credential given as a string or, better, a `secret(...)`.
    private func credential(_ label: String, _ args: Arguments) throws -> String? {
        guard let index = args.index(ofLabel: label) else { return nil }
        switch args.values[index] {
        case .null: return nil
        case .string(let text): return text
        case .host(let secret as Secret): return secret.revealed
        case .bool, .int, .float, .list, .object, .function, .host:
            throw args.typeError(index, expected: "string or secret")
        }
    }
}

extension Providers {
    /// Defines `name` as a stand-in that says how to configure it, instead of an unknown name.
    public func defineUnconfigured(_ name: String, hint: String) {
        interpreter.define(name, as: .host(Unconfigured(name: name, hint: hint)))
    }
}

/// The global of a provider with no connection settings: every use is a clear error.
final class Unconfigured: HostObject {
    let name: String
    let hint: String

    init(name: String, hint: String) {
        self.name = name
        self.hint = hint
    }

    var typeName: String { "Unconfigured" }

    private func error() -> Diagnostic {
        Diagnostic(.value, "\(name) is not configured: \(hint)")
    }

    func member(_ name: String, in interpreter: Interpreter) throws -> Value? { throw error() }
    func callMethod(_ name: String, with arguments: Arguments) throws -> Value? { throw error() }
    func data(in interpreter: Interpreter) throws -> Value? { throw error() }
    func describe(in interpreter: Interpreter) -> String { "<\(name): not configured>" }
    func help(in interpreter: Interpreter) throws -> HelpTopic? {
        HelpTopic(title: "\(name) is not configured", lines: [hint.prefix(1).uppercased() + hint.dropFirst() + "."])
    }
}
