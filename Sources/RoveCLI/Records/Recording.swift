// `--record FILE` and `--replay FILE`: the transport a run's providers use, and the file at the end.

import RoveCore
import RoveHost
import RoveHTTP

/// A run's recording or replay: the transport every connection uses.
///
/// Recording wraps libcurl and writes the cassette when the run ends, from every exit path the
/// CLI returns through (an error, a limit, Ctrl-C). Replaying reads the cassette first and
/// connects with the base URLs it holds instead of the configured ones, so a replay needs no
/// server, no credentials and no configuration; nothing it does reaches the network.
final class Recording {
    enum Mode {
        case record(RecordingTransport)
        case replay(ReplayTransport, Cassette)
    }

    let path: String
    let mode: Mode

    var transport: HTTPTransport {
        switch mode {
        case .record(let recorder): return recorder
        case .replay(let replayer, _): return replayer
        }
    }

    /// Sets up what `invocation` asks for; nil when it asks for neither. Throws a message for
    /// `rove:` when the cassette cannot be read or the recording file cannot be written.
    static func start(_ invocation: Invocation, connections: ResolvedConnections, redactor: Redactor,
                      certificateAuthorities: String?) throws(UsageError) -> Recording? {
        if let path = invocation.replayPath { return try replaying(path, redactor: redactor) }
        guard let path = invocation.recordPath else { return nil }
        return try recording(to: path, connections: connections, redactor: redactor,
                             certificateAuthorities: certificateAuthorities)
    }

    /// A replay of the cassette at `path`.
    static func replaying(_ path: String, redactor: Redactor) throws(UsageError) -> Recording {
        let text: String
        do {
            text = try FileAccess.contents(of: path)
        } catch {
            throw UsageError(message: (error as? Diagnostic)?.message ?? "cannot read '\(path)'")
        }
        let cassette: Cassette
        do {
            cassette = try Cassette(decoding: Array(text.utf8))
        } catch {
            throw UsageError(message: "cannot replay '\(path)': \(error.message)")
        }
        return Recording(path: path, mode: .replay(ReplayTransport(cassette: cassette, redactor: redactor), cassette))
    }

    /// A recording through libcurl of what `connections` reach, written to `path` by `finish()`.
    static func recording(to path: String, connections: ResolvedConnections, redactor: Redactor,
                          certificateAuthorities: String?) throws(UsageError) -> Recording {
        // Made now, empty, so a path that cannot be written stops the run before any request.
        do {
            try FileAccess.store("", at: path)
        } catch {
            throw UsageError(message: (error as? Diagnostic)?.message ?? "cannot write '\(path)'")
        }
        let curl: CurlTransport
        do {
            curl = try CurlTransport(options: CurlTransport.Options(certificateAuthorities: certificateAuthorities))
        } catch {
            throw UsageError(message: "cannot make HTTP requests: \(error.message)")
        }
        let recorder = RecordingTransport(wrapping: curl, redactor: redactor)
        recorder.connections = Self.settings(of: connections)
        return Recording(path: path, mode: .record(recorder))
    }

    private init(path: String, mode: Mode) {
        self.path = path
        self.mode = mode
    }

    /// What a replay connects to: the recorded base URLs and spaces, with no credentials. The
    /// configured connections are set aside, so a replay in CI gives what the recording gave.
    func connections(replacing configured: ResolvedConnections) -> ResolvedConnections {
        guard case .replay(_, let cassette) = mode else { return configured }
        var connections = configured
        connections.octopus = cassette.connections["octopus"].flatMap { recorded in
            recorded["url"].map { url in
                var settings = ConnectionSettings(provider: .octopus)
                settings.url = url
                settings.space = recorded["space"]
                return settings
            }
        }
        connections.deployhq = cassette.connections["deployhq"].flatMap { recorded in
            recorded["url"].map { url in
                var settings = ConnectionSettings(provider: .deployhq)
                settings.url = url
                // Basic credentials are never recorded. The connection needs some to be made;
                // these go nowhere, since a replay sends nothing.
                // Long and odd, since the redactor masks them wherever they would appear.
                settings.email = "rove-replay-placeholder-user"
                settings.apiKey = "rove-replay-placeholder-key"
                return settings
            }
        }
        let recordedRoot = ConnectionSettings.Provider.allCases.first { cassette.connections[$0.rawValue]?["root"] == "yes" }
        let only = connections.octopus == nil ? (connections.deployhq == nil ? nil : ConnectionSettings.Provider.deployhq)
                                              : (connections.deployhq == nil ? .octopus : nil)
        connections.root = recordedRoot ?? only
        return connections
    }

    /// What a replay could not answer; empty when recording.
    var misses: [String] {
        guard case .replay(let replayer, _) = mode else { return [] }
        return replayer.misses
    }

    /// Writes the recording out (nothing to do for a replay); the message says why it could not.
    func finish() -> String? {
        guard case .record(let recorder) = mode else { return nil }
        do {
            try FileAccess.store(String(decoding: recorder.cassette.encoded(), as: UTF8.self), at: path)
            return nil
        } catch {
            return (error as? Diagnostic)?.message ?? "cannot write '\(path)'"
        }
    }

    /// The base URL (and space) of each configured connection; credentials stay out.
    private static func settings(of connections: ResolvedConnections) -> [String: [String: String]] {
        var settings: [String: [String: String]] = [:]
        if let octopus = connections.octopus, let url = octopus.url {
            settings["octopus"] = ["url": url].merging(octopus.space.map { ["space": $0] } ?? [:]) { first, _ in first }
        }
        if let deployhq = connections.deployhq, let url = deployhq.url {
            settings["deployhq"] = ["url": url]
        }
        if let root = connections.root { settings[root.rawValue]?["root"] = "yes" }
        return settings
    }
}
