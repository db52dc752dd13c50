// `rove-sim`'s flags, parsed by hand into the services' settings and the server's configuration.

/// What a `rove-sim` command line asks for.
public struct SimCommandLine: Sendable {
    public var settings = SimSettings()
    public var server = SimServerConfiguration()
    /// 0 picks a free port; the ready line reports the one bound.
    public var octopusPort = 0
    public var deployhqPort = 0
    public var showsHelp = false

    /// Parses `arguments` (without the program name); flags take `--flag value` or `--flag=value`,
    /// and a repeated flag's last value wins.
    public init(parsing arguments: [String]) throws(SimUsageError) {
        var remaining = arguments[...]
        var faultSpec = ""
        var retryAfter: Int?
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--") else {
                throw SimUsageError("unexpected argument '\(argument)'")
            }
            var flag = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(SimUsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw SimUsageError("\(flag) needs a value") }
                return next
            }
            switch flag {
            case "--help":
                guard inlineValue == nil else { throw SimUsageError("--help takes no value") }
                showsHelp = true
            case "--host":
                server.host = try value()
                guard !server.host.isEmpty else { throw SimUsageError("--host needs an address") }
            case "--octopus-port":
                octopusPort = try Self.number(try value(), for: flag, in: 0...65_535)
            case "--deployhq-port":
                deployhqPort = try Self.number(try value(), for: flag, in: 0...65_535)
            case "--octopus-api-key":
                settings.octopusAPIKey = try Self.octopusKey(try value())
            case "--deployhq-email":
                settings.deployhqEmail = try Self.nonEmpty(try value(), for: flag)
            case "--deployhq-api-key":
                settings.deployhqAPIKey = try Self.nonEmpty(try value(), for: flag)
            case "--seed":
                let text = try value()
                guard let seed = UInt64(text) else {
                    throw SimUsageError("\(flag) needs a whole number from 0 to \(UInt64.max), not '\(text)'")
                }
                settings.seed = seed
                server.seed = seed
            case "--latency-ms":
                server.latencyMilliseconds = try Self.number(try value(), for: flag, in: 0...600_000)
            case "--tasks":
                settings.extraTasks = try Self.number(try value(), for: flag, in: 0...10_000_000)
            case "--deployhq-deployments":
                settings.extraDeployments = try Self.number(try value(), for: flag, in: 0...1_000_000)
            case "--task-seconds":
                let text = try value()
                guard let seconds = Double(text), seconds.isFinite, seconds >= 0 else {
                    throw SimUsageError("\(flag) needs a number of seconds, 0 or more, not '\(text)'")
                }
                settings.taskSeconds = seconds
            case "--faults":
                faultSpec = try value()
            case "--retry-after":
                retryAfter = try Self.number(try value(), for: flag, in: 0...86_400)
            default:
                throw SimUsageError("unknown option '\(flag)'")
            }
        }
        do {
            server.faults = try FaultPlan(parsing: faultSpec, retryAfterSeconds: retryAfter)
        } catch {
            throw SimUsageError("--faults: \(error.message)")
        }
    }

    private static func number(_ text: String, for flag: String,
                               in range: ClosedRange<Int>) throws(SimUsageError) -> Int {
        guard let number = Int(text), range.contains(number) else {
            let bounds = "\(range.lowerBound) to \(range.upperBound)"
            throw SimUsageError("\(flag) needs a whole number from \(bounds), not '\(text)'")
        }
        return number
    }

    /// Real keys are `API-` and uppercase letters and digits; the simulator accepts no other shape,
    /// so a typo is caught here rather than as a puzzling 401 later.
    private static func octopusKey(_ text: String) throws(SimUsageError) -> String {
        let rest = text.dropFirst(4)
        guard text.hasPrefix("API-"), !rest.isEmpty,
              rest.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else {
            throw SimUsageError(
                "--octopus-api-key must be API- followed by uppercase letters and digits, not '\(text)'")
        }
        return text
    }

    private static func nonEmpty(_ text: String, for flag: String) throws(SimUsageError) -> String {
        guard !text.isEmpty else { throw SimUsageError("\(flag) needs a value") }
        return text
    }

    public static let usage = """
        rove-sim — a local Octopus Deploy (and later DeployHQ) server for demos and tests

        Usage:
          rove-sim [options]

        Prints one line per service once every port is listening, then serves until
        SIGINT or SIGTERM:
          octopus: OCTOPUS_URL=http://127.0.0.1:PORT OCTOPUS_API_KEY=API-...

        Options:
          --host ADDRESS            address to listen on (default: 127.0.0.1)
          --octopus-port N          Octopus port; 0 picks a free one (default: 0)
          --deployhq-port N         DeployHQ port; 0 picks a free one (default: 0)
          --octopus-api-key KEY     the key Octopus accepts: API- then A-Z and 0-9
          --deployhq-email EMAIL    DeployHQ's Basic user name
          --deployhq-api-key KEY    DeployHQ's Basic password
          --seed N                  seeds the demo data and the fault draws (default: 1)
          --tasks N                 completed tasks added to the seeded ones (default: 0)
          --deployhq-deployments N  older finished deployments added to DeployHQ's Web
                                    project (default: 0)
          --task-seconds S          how long a deployment runs (default: 4)
          --latency-ms N            delay every answer by N milliseconds (default: 0)
          --faults KIND:RATE,...    inject faults; KIND is 503, 429, 500, reset, truncate,
                                    invalid or nonext, RATE from 0 to 1
          --retry-after S           send Retry-After: S with injected 429 and 503
          --help                    show this help

        Tests read and steer a running simulator under /_sim/ on every port:
        GET/DELETE /_sim/requests, GET/POST /_sim/faults. See docs/simulator.md.

        Exit status: 0 stopped by a signal, 1 could not listen, 2 usage.

        """
}

/// A command line `rove-sim` cannot run; the message says what to fix.
public struct SimUsageError: Error, Sendable, CustomStringConvertible {
    public let message: String

    init(_ message: String) { self.message = message }

    /// The one wording every usage error is shown in.
    public var description: String {
        "rove-sim: \(message)\nTry 'rove-sim --help' for more information."
    }
}
