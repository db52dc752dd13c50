// Connects the session to the configured servers: the `octopus` and `root` globals, tracing, progress.

import RoveCore
import RoveProviders

extension CLI {
    /// The providers of a new interpreter, connected as `connections` says. A provider that is
    /// not configured still gets its global, one that explains how to configure it.
    func makeProviders(for interpreter: Interpreter, _ connections: ResolvedConnections,
                       tracing: Bool) throws -> Providers {
        let errors = standardError
        let providers = Providers(interpreter: interpreter, options: Providers.Options(
            trace: tracing,
            // Written through at once: a trace or progress line matters while the request runs.
            log: { line in
                errors.write(line + "\n")
                errors.flush()
            },
            progressOutput: terminal.error ? { text in
                errors.write(text)
                errors.flush()
            } : nil
        ))
        let environment = self.environment
        providers.profiles = { name in
            let resolved = try ConnectionSettings.resolve(environment: environment, profile: name)
            let octopus = resolved.octopus
            return Providers.ProfileSettings(octopusURL: octopus?.url, apiKey: octopus?.apiKey,
                                             accessToken: octopus?.accessToken, space: octopus?.space)
        }
        if let octopus = connections.octopus, let url = octopus.url {
            let value = try providers.connectOctopus(url: url, apiKey: octopus.apiKey, accessToken: octopus.accessToken,
                                                     space: octopus.space)
            // DeployHQ has no provider yet (issue 5), so a DeployHQ connection (as `--demo` now
            // configures) cannot make Octopus ambiguous as `root`.
            if connections.root == .octopus || connections.root == nil { interpreter.define("root", as: value) }
            // The helpers written in Rove (deploy, promote, …) come with the connection.
            _ = try interpreter.run("import \"std/octopus.rove\"", file: "<octopus>")
        } else {
            providers.defineUnconfigured("octopus", hint: "set OCTOPUS_URL and OCTOPUS_API_KEY, use a profile (docs/cli.md), or run 'rove --demo'")
        }
        return providers
    }

    /// The connections the environment and config files describe; a broken config file or an
    /// unknown profile is a usage error, reported here.
    func resolveConnections(_ invocation: Invocation) -> ResolvedConnections? {
        do {
            let connections = try ConnectionSettings.resolve(environment: environment, profile: invocation.profile)
            for warning in connections.warnings { standardError.write("rove: warning: \(warning)\n") }
            return connections
        } catch {
            standardError.write(DiagnosticRenderer.render(error, color: false))
            return nil
        }
    }
}
