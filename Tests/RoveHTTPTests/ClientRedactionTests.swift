// Credentials never reach trace lines or error texts, in any form.

import Foundation
import RoveHTTP
import XCTest

final class ClientRedactionTests: XCTestCase {
    let canary = "API-CANARY1234567890"
    /// base64("deploy:API-CANARY1234567890"), as a Basic Authorization header carries it.
    let canaryBase64 = "ZGVwbG95OkFQSS1DQU5BUlkxMjM0NTY3ODkw"

    func testTheCanaryKeyAppearsNowhere() throws {
        let transport = ScriptedTransport(), clock = FakeClock()
        let keyed = "https://octo.test/api/projects?take=5&apikey=\(canary)"
        let basic = "https://deploy.test/projects/web"
        let echo = """
            {"ErrorMessage": "Invalid API key \(canary)", "Errors": ["credentials \(canaryBase64) rejected",
             "user deploy:\(canary)"], "Links": {"Self": "/api/projects?apikey=\(canary)"}, "\(canary)": 1}
            """
        transport.script("GET", keyed, reply(503), reply(401, body: echo))
        transport.script("GET", basic, reply(403, body: "denied for deploy:\(canary) (\(canaryBase64))"))
        transport.script("POST", basic, failure(.connection, "could not reach \(keyed)"))

        let client = makeClient(transport, clock)
        var lines: [String] = []
        client.trace = true
        client.log = { lines.append($0) }
        var texts: [String] = []
        let requests = [
            HTTPRequest(url: keyed, headers: [("X-Octopus-ApiKey", canary)]),
            HTTPRequest(url: basic, headers: [("Authorization", "Basic \(canaryBase64)")]),
            HTTPRequest(method: "POST", url: basic, headers: [("Authorization", "Basic \(canaryBase64)")]),
        ]
        for request in requests {
            XCTAssertThrowsError(try client.send(request)) { error in
                let failure = error as! HTTPError
                texts += [failure.message, failure.description, failure.url ?? "", failure.location ?? ""]
            }
        }
        texts += lines
        XCTAssertGreaterThan(lines.count, 4)
        for text in texts {
            XCTAssertFalse(text.contains(canary), text)
            XCTAssertFalse(text.contains(canaryBase64), text)
            XCTAssertFalse(text.contains("CANARY"), text)
        }
        // The client has learned the key, so a reader of the body can mask it there too
        // (RoveProvidersTests' RequestErrorTests).
        XCTAssertEqual(client.redactor.redact("Invalid API key \(canary)"), "Invalid API key •••")
    }

    func testCredentialHeadersAreMasked() {
        let redactor = Redactor()
        let headers = redactor.redact(headers: [("Authorization", "Bearer t0k3n"), ("accept", "application/json"),
                                                ("x-octopus-apikey", "API-1"), ("Cookie", "s=1"), ("Set-Cookie", "s=2"),
                                                ("Proxy-Authorization", "Basic eDp5")])
        XCTAssertEqual(headers.map(\.value), ["•••", "application/json", "•••", "•••", "•••", "•••"])
    }

    func testURLsLoseTheirApiKeyAndPassword() {
        let redactor = Redactor()
        XCTAssertEqual(redactor.redact(url: "https://u:pw@h.test/x?a=1&ApiKey=zzz&b=2#f"),
                       "https://u:•••@h.test/x?a=1&ApiKey=•••&b=2#f")
        XCTAssertEqual(redactor.redact(url: "https://h.test/x?APIKEY=zzz"), "https://h.test/x?APIKEY=•••")
        XCTAssertEqual(redactor.redact(url: "https://h.test/x?notapikey=zzz"), "https://h.test/x?notapikey=zzz")
        XCTAssertEqual(redactor.redact("see https://h.test/?apikey=k1 and \"/a?apikey=k2\""),
                       "see https://h.test/?apikey=••• and \"/a?apikey=•••\"")
    }

    func testRegisteredSecretsAreMaskedAsWrittenAndPercentEncoded() {
        let redactor = Redactor()
        redactor.register(secret: "s3cr/t+1")
        redactor.register(secret: "")
        XCTAssertEqual(redactor.redact("a s3cr/t+1 b s3cr%2Ft%2B1 c"), "a ••• b ••• c")
    }

    func testBasicCredentialsAreMaskedEncodedAndDecoded() {
        let redactor = Redactor()
        redactor.register(user: "deploy", password: canary)
        XCTAssertEqual(redactor.redact("\(canaryBase64) deploy:\(canary) \(canary)"), "••• ••• •••")
    }

    func testASecretIsMaskedInsideAnyBase64Text() {
        let redactor = Redactor()
        redactor.register(secret: canary)
        // Whatever precedes the key shifts its base64; all three alignments must be caught.
        for prefix in ["", "a:", "ab:", "deploy:", "someone-else:"] {
            let encoded = "Basic " + Self.base64(prefix + canary)
            let redacted = redactor.redact(encoded)
            XCTAssertTrue(redacted.contains("•••"), redacted)
            XCTAssertFalse(redacted.contains(Self.base64(prefix + canary)), redacted)
        }
    }

    func testShortLearnedKeysDoNotMaskOrdinaryText() {
        let redactor = Redactor()
        redactor.learn(from: [("X-Octopus-ApiKey", "k"), ("Authorization", "Bearer long-token-1")])
        XCTAssertEqual(redactor.redact("ok long-token-1"), "ok •••")
    }

    func testRedactorIsSafeAcrossThreads() {
        let redactor = Redactor()
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            redactor.register(secret: "secret-\(index)")
            XCTAssertFalse(redactor.redact("x secret-\(index) y").contains("secret-\(index) "))
        }
    }

    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
