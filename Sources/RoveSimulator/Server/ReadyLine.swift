// The one line per service that says a simulator is listening, in a form shells can `export`.

/// `octopus: OCTOPUS_URL=http://127.0.0.1:PORT OCTOPUS_API_KEY=API-…`: the service's name, then
/// the variables a client needs. Scripts `export` everything after `name: `; tests parse it.
public enum ReadyLine {
    /// The variables that point a client at `listener`, in the order the line lists them.
    public static func variables(for listener: SimServer.Listener,
                                 settings: SimSettings) -> [(name: String, value: String)] {
        let prefix = listener.service.name.uppercased()
        var variables = [(name: "\(prefix)_URL", value: listener.url)]
        switch listener.service.name {
        case "octopus":
            variables.append((name: "OCTOPUS_API_KEY", value: settings.octopusAPIKey))
        case "deployhq":
            variables.append((name: "DEPLOYHQ_EMAIL", value: settings.deployhqEmail))
            variables.append((name: "DEPLOYHQ_API_KEY", value: settings.deployhqAPIKey))
        default:
            // A service without credentials needs only its URL.
            break
        }
        return variables
    }

    public static func text(for listener: SimServer.Listener, settings: SimSettings) -> String {
        let assignments = variables(for: listener, settings: settings).map { "\($0.name)=\($0.value)" }
        return "\(listener.service.name): " + assignments.joined(separator: " ")
    }
}
