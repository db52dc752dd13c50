// Connecting to a DeployHQ account: the `deployhq` global and `connect(deployhq:, email:, apiKey:)`.

import RoveCore
import RoveHTTP

extension Providers {
    /// Defines the global `name` (`deployhq`) as a connection to the DeployHQ account at `url`
    /// (`https://<account>.deployhq.com/`, or the simulator's address), signing in with HTTP
    /// Basic as `email` and `apiKey`. Nothing is requested until a script uses it.
    @discardableResult
    public func connectDeployHQ(url: String, email: String, apiKey: String, maxResponseBytes: Int? = nil,
                                as name: String? = "deployhq") throws -> Value {
        let root = Value.host(try makeDeployHQ(url: url, email: email, apiKey: apiKey, maxResponseBytes: maxResponseBytes))
        if let name { interpreter.define(name, as: root) }
        return root
    }

    func makeDeployHQ(url: String, email: String, apiKey: String, maxResponseBytes: Int?) throws -> DeployHQRoot {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw Diagnostic(.value, "the DeployHQ URL must start with http:// or https:// (got '\(url)')")
        }
        guard !email.isEmpty, !apiKey.isEmpty else {
            throw Diagnostic(.value, "DeployHQ needs an email and an API key (Settings → Security in DeployHQ)")
        }
        redactor.register(user: email, password: apiKey)
        let headers = [(name: "Authorization", value: BasicCredentials.authorization(user: email, password: apiKey))]
        let connection = try Connection(name: "deployhq", baseURL: url, headers: headers, redactor: redactor,
                                        maxResponseBytes: maxResponseBytes ?? options.maxResponseBytes,
                                        client: { try self.client() }, interpreter: interpreter,
                                        progress: options.progressOutput.map { TaskProgress(write: $0, redraws: options.progressRedraws) },
                                        plan: plan, journal: options.journal)
        return DeployHQRoot(connection: connection)
    }
}
