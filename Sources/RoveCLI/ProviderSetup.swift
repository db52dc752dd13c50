// Connects the session to the configured servers: the `octopus` and `root` globals, tracing, progress.

import RoveCore
import RoveProviders

extension CLI {
    /// The providers of a new interpreter, connected as `connections` says. A provider that is
    /// not configured still gets its global, one that explains how to configure it.
    func makeProviders(for interpreter: Interpreter, _ connections: ResolvedConnections,
                       _ invocation: Invocation, records: RunRecords) throws -> Providers {
        let errors = standardError
        // The flag beats every profile: it is the most specific thing the caller said. A
        // profile's `max_response_size` is for every connection too, below a provider's own key.
        let flaggedCap = invocation.maxResponseBytes
        let profileCap = connections.run.maxResponseBytes
        var options = Providers.Options(
            trace: invocation.tracesRequests,
            // Written through at once: a trace or progress line matters while the request runs.
            log: { line in
                errors.write(line + "\n")
                errors.flush()
            },
            // In a CI log (no terminal) progress is a plain line per change of state.
            progressOutput: terminal.error || ciSystem(invocation) != .none ? { text in
                errors.write(text)
                errors.flush()
            } : nil,
            transport: records.recording?.transport,
            certificateAuthorities: certificateAuthorities,
            // For the connections a script makes with `connect(octopus: …)` without a cap of its own.
            maxResponseBytes: flaggedCap ?? profileCap,
            redactor: records.redactor,
            dryRun: invocation.dryRun,
            journal: records.journal.map { journal in { attempt in journal.record(attempt) } }
        )
        options.progressRedraws = terminal.error
        let providers = Providers(interpreter: interpreter, options: options)
        let environment = self.environment
        providers.profiles = { name in
            let resolved = try ConnectionSettings.resolve(environment: environment, profile: name)
            let octopus = resolved.octopus
            let deployhq = resolved.deployhq
            return Providers.ProfileSettings(octopusURL: octopus?.url, apiKey: octopus?.apiKey,
                                             accessToken: octopus?.accessToken, space: octopus?.space,
                                             deployhqURL: deployhq?.url, deployhqEmail: deployhq?.email,
                                             deployhqAPIKey: deployhq?.apiKey,
                                             maxResponseBytes: flaggedCap ?? octopus?.maxResponseBytes ?? deployhq?.maxResponseBytes
                                                                 ?? profileCap)
        }
        var roots: [ConnectionSettings.Provider: Value] = [:]
        if let octopus = connections.octopus, let url = octopus.url {
            roots[.octopus] = try providers.connectOctopus(url: url, apiKey: octopus.apiKey, accessToken: octopus.accessToken,
                                                           space: octopus.space,
                                                           maxResponseBytes: flaggedCap ?? octopus.maxResponseBytes ?? profileCap)
            // The helpers written in Rove (deploy, promote, …) come with the connection.
            _ = try interpreter.run("import \"std/octopus.rove\"", file: "<octopus>")
        } else {
            providers.defineUnconfigured("octopus", hint: "set OCTOPUS_URL and OCTOPUS_API_KEY, use a profile (docs/cli.md), or run 'rove --demo'")
        }
        if let deployhq = connections.deployhq, let url = deployhq.url, let email = deployhq.email, let apiKey = deployhq.apiKey {
            roots[.deployhq] = try providers.connectDeployHQ(url: url, email: email, apiKey: apiKey,
                                                             maxResponseBytes: flaggedCap ?? deployhq.maxResponseBytes ?? profileCap)
            _ = try interpreter.run("import \"std/deployhq.rove\"", file: "<deployhq>")
        } else {
            let missing = (connections.deployhq ?? ConnectionSettings(provider: .deployhq)).missingVariables
            providers.defineUnconfigured("deployhq", hint: "set \(missing.joined(separator: ", ")), use a profile (docs/cli.md), or run 'rove --demo'")
        }
        // The connection the profile in use configures, else the only one (docs/cli.md); with
        // both and nothing to choose, scripts name `octopus` and `deployhq`.
        if let root = connections.root.flatMap({ roots[$0] }) { interpreter.define("root", as: root) }
        return providers
    }

    /// The variable OpenSSL's own tools read; libcurl is given its default CA bundle
    /// otherwise, so without this a private CA could only be added system-wide.
    var certificateAuthorities: String? {
        environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The connections the environment and config files describe; a broken config file or an
    /// unknown profile is a usage error, reported here.
    func resolveConnections(_ invocation: Invocation) -> ResolvedConnections? {
        do {
            let connections = try ConnectionSettings.resolve(environment: environment, profile: invocation.profile)
            let palette: Palette = Terminal.wantsColor(onTerminal: terminal.error, environment: environment) ? .ansi : .plain
            for warning in connections.warnings {
                standardError.write("rove: " + StyledWarnings.styled(" \(warning)\n", palette: palette))
            }
            return connections
        } catch {
            standardError.write(DiagnosticRenderer.render(error, color: false))
            return nil
        }
    }
}
