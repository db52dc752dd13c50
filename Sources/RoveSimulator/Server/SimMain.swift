// The whole of `rove-sim`: flags in, services up, ready lines out, serve until signalled.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum SimMain {
    /// Runs `rove-sim` with `arguments` (without the program name); returns the exit status.
    public static func run(_ arguments: [String]) async -> Int32 {
        let commandLine: SimCommandLine
        do {
            commandLine = try SimCommandLine(parsing: arguments)
        } catch {
            writeError(error.description)
            return 2
        }
        if commandLine.showsHelp {
            print(SimCommandLine.usage, terminator: "")
            fflush(stdout)
            return 0
        }
        let settings = commandLine.settings
        let services: [(service: any SimService, port: Int)] = [
            (OctopusService(settings: settings, now: wallClock), commandLine.octopusPort),
            (DeployHQService(settings: settings, now: wallClock), commandLine.deployhqPort),
        ]
        let server = SimServer(services: services, configuration: commandLine.server, handlesSignals: true)
        do {
            try await server.run { listeners in
                for listener in listeners { print(ReadyLine.text(for: listener, settings: settings)) }
                fflush(stdout)
            }
            return 0
        } catch {
            let ports = services.map { String($0.port) }.joined(separator: ", ")
            writeError("rove-sim: cannot serve on \(commandLine.server.host) (ports \(ports)): \(error)")
            return 1
        }
    }

    /// Seconds since 1970, the clock the services' tasks move on.
    @Sendable static func wallClock() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func writeError(_ text: String) {
        fputs(text + "\n", stderr)
        fflush(stderr)
    }
}
