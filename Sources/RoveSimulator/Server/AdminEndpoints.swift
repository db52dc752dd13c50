// The /_sim/ surface on every service port: the request log and the fault plan, for tests.

/// Answers `/_sim/…` requests. These never meet faults, latency or authentication and are not
/// logged, so a test can always look at what the simulator did without changing it.
///
/// - `GET /_sim/requests`: every request answered so far, in order, as
///   `[{"method","path","query","status"}]` (plus `"fault"` when one was injected, and
///   `"bodyKeys"`, the top-level keys of a JSON object body).
/// - `DELETE /_sim/requests`: forgets them.
/// - `GET /_sim/faults`: the plan, as `{"faults": "503:1,nonext:0.5", "retryAfter": 1}`.
/// - `POST /_sim/faults` with that shape: replaces the plan; `{"faults": ""}` clears it.
struct AdminEndpoints: Sendable {
    static let prefix = "/_sim/"

    let log: RequestLog
    let faults: FaultInjector

    static func handles(path: String) -> Bool {
        path.hasPrefix(prefix) || path == "/_sim"
    }

    func respond(to request: SimRequest) -> SimResponse {
        let route = request.path.dropFirst(Self.prefix.count)
        switch (request.method, route) {
        case ("GET", "requests"):
            return json(200, .array(log.all.map(Self.json(for:))))
        case ("DELETE", "requests"):
            log.removeAll()
            return SimResponse(status: 204)
        case ("GET", "faults"):
            return json(200, Self.json(for: faults.plan))
        case ("POST", "faults"):
            return replaceFaults(body: request.body)
        case (_, "requests"):
            return failure(405, "use GET or DELETE on /_sim/requests", allow: "GET, DELETE")
        case (_, "faults"):
            return failure(405, "use GET or POST on /_sim/faults", allow: "GET, POST")
        default:
            return failure(404, "no admin endpoint \(request.path); there are /_sim/requests and /_sim/faults")
        }
    }

    private func replaceFaults(body: [UInt8]) -> SimResponse {
        guard let object = try? JSONValue.parse(body), object.objectPairs != nil else {
            return failure(400, #"send a JSON object such as {"faults": "503:0.5", "retryAfter": 1}"#)
        }
        let spec = object["faults"]?.stringValue
        guard spec != nil || object["faults"] == nil || object["faults"]?.isNull == true else {
            return failure(400, #""faults" must be a string such as "503:0.5,reset:0.1""#)
        }
        let retryAfter = object["retryAfter"]?.intValue
        guard retryAfter != nil || object["retryAfter"] == nil || object["retryAfter"]?.isNull == true else {
            return failure(400, #""retryAfter" must be a whole number of seconds"#)
        }
        do {
            let plan = try FaultPlan(parsing: spec ?? "", retryAfterSeconds: retryAfter)
            faults.replacePlan(with: plan)
            return json(200, Self.json(for: plan))
        } catch {
            return failure(400, error.message)
        }
    }

    private static func json(for entry: LoggedRequest) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("method", .string(entry.method)), ("path", .string(entry.path)),
            ("query", .string(entry.query)), ("status", .int(entry.status)),
        ]
        if let fault = entry.fault { members.append(("fault", .string(fault.rawValue))) }
        if !entry.bodyKeys.isEmpty { members.append(("bodyKeys", .array(entry.bodyKeys.map(JSONValue.string)))) }
        return .object(members)
    }

    private static func json(for plan: FaultPlan) -> JSONValue {
        .object([("faults", .string(plan.spec)), ("retryAfter", plan.retryAfterSeconds.map(JSONValue.int) ?? .null)])
    }

    private func json(_ status: Int, _ value: JSONValue) -> SimResponse {
        SimResponse(status: status, headers: [(name: "Content-Type", value: "application/json")],
                    body: value.encoded())
    }

    private func failure(_ status: Int, _ message: String, allow: String? = nil) -> SimResponse {
        var response = json(status, .object([("error", .string(message))]))
        if let allow { response.headers.append((name: "Allow", value: allow)) }
        return response
    }
}
