// The network and method parts of an interpreter's `Policy`, checked where connections are made and requests leave.

import RoveCore
import RoveHTTP

extension Policy {
    /// Checks that a script may open a connection to `url` (`connect(...)`). The connections a
    /// host configures itself (`Providers.connectOctopus`, the CLI's profiles and variables)
    /// are not checked: the host chose them.
    ///
    /// Allowed entries are read with the same `Origin` parser as the URL, so
    /// `https://octopus.example.com` allows `https://octopus.example.com:443/api` and nothing
    /// on another scheme, host or port; userinfo never counts (`http://allowed@evil` is evil's).
    /// A URL with no origin is left to the connection's own check, which refuses it.
    ///
    /// Nothing a connection sends can reach another origin (links and redirects elsewhere are
    /// refused, docs/http-client.md), so this one check covers the requests it makes later.
    func checkConnection(to url: String) throws {
        guard case .only(let allowed) = network, let origin = Origin(url: url) else { return }
        guard !allowed.contains(where: { Origin(url: $0) == origin }) else { return }
        var denial = denial("connecting to \(origin) is not allowed", flag: "--allow-net", value: origin.description)
        denial.fields["origin"] = .string(origin.description)
        throw denial
    }

    /// Checks that `request` uses a method the policy allows, before it is sent: under
    /// `.readOnly` only GET and HEAD (`HTTPRequest.onlyReads`, the predicate redirects use too).
    func checkMethod(of request: HTTPRequest, redactor: Redactor) throws {
        switch methods {
        case .all:
            return
        case .readOnly:
            guard !request.onlyReads else { return }
            let method = request.method.uppercased()
            let url = redactor.redact(url: request.url)
            var diagnostic = Diagnostic(.denied, "denied: \(method) \(url): the run is read-only (only GET and HEAD are sent)")
            diagnostic.fields["method"] = .string(method)
            diagnostic.fields["url"] = .string(url)
            throw diagnostic
        }
    }
}
