// The resolved settings of one connection: where the server is and how to sign in to it.

/// What one provider global (`octopus` or `deployhq`) connects with, after the flags, the
/// environment and the config files have been merged (see `ConnectionSettings.resolve`).
struct ConnectionSettings: Equatable {
    enum Provider: String, CaseIterable {
        case octopus, deployhq
    }

    var provider: Provider
    /// `octopus` or `deployhq` when only the environment configured it, else the profile's name.
    var name: String
    /// The base URL: `OCTOPUS_URL` (or `OCTOPUS_HOST`); `DEPLOYHQ_URL`, else
    /// `https://<account>.deployhq.com/`.
    var url: String?
    /// `OCTOPUS_API_KEY` (sent as `X-Octopus-ApiKey`) or `DEPLOYHQ_API_KEY` (the Basic password).
    var apiKey: String?
    /// `OCTOPUS_ACCESS_TOKEN`, sent as a Bearer token.
    var accessToken: String?
    /// `OCTOPUS_SPACE`: a space's name or id.
    var space: String?
    /// `DEPLOYHQ_EMAIL`: the Basic user name.
    var email: String?
    /// `DEPLOYHQ_ACCOUNT`: the subdomain, without `.deployhq.com`.
    var account: String?
    /// A profile's `*_max_response_size`, in bytes.
    var maxResponseBytes: Int?

    init(provider: Provider, name: String? = nil, url: String? = nil, apiKey: String? = nil,
         accessToken: String? = nil, space: String? = nil, email: String? = nil, account: String? = nil) {
        self.provider = provider
        self.name = name ?? provider.rawValue
        self.url = url
        self.apiKey = apiKey
        self.accessToken = accessToken
        self.space = space
        self.email = email
        self.account = account
    }

    /// The environment variables still needed before this connection can make a request, for
    /// an error such as `octopus: set OCTOPUS_URL and OCTOPUS_API_KEY`. Empty when complete.
    var missingVariables: [String] {
        switch provider {
        case .octopus:
            return (url == nil ? ["OCTOPUS_URL"] : [])
                + (apiKey == nil && accessToken == nil ? ["OCTOPUS_API_KEY"] : [])
        case .deployhq:
            return (url == nil ? ["DEPLOYHQ_ACCOUNT"] : [])
                + (email == nil ? ["DEPLOYHQ_EMAIL"] : [])
                + (apiKey == nil ? ["DEPLOYHQ_API_KEY"] : [])
        }
    }

    /// `https://acme.deployhq.com/` for `acme`.
    static func deployhqURL(account: String) -> String {
        "https://\(account).deployhq.com/"
    }

    /// `acme` from `acme`, `acme.deployhq.com` or `https://acme.deployhq.com/`: people paste
    /// the host name they see in the browser (the vendor's CLI strips the suffix for this reason).
    static func deployhqAccount(_ text: String) -> String {
        var account = Substring(text)
        for scheme in ["https://", "http://"] where account.hasPrefix(scheme) {
            account = account.dropFirst(scheme.count)
        }
        while account.hasSuffix("/") { account = account.dropLast() }
        if account.hasSuffix(".deployhq.com") { account = account.dropLast(".deployhq.com".count) }
        return String(account)
    }
}
