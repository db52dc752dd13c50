// Origins and Location resolution: the two parsers the credential check rests on.

@testable import RoveHTTP
import XCTest

final class OriginTests: XCTestCase {
    func testOriginsAreSchemeHostAndPort() {
        let cases: [(url: String, origin: String?)] = [
            ("http://127.0.0.1:8080/api/x?y=1", "http://127.0.0.1:8080"),
            ("HTTPS://Octopus.Example.com/api", "https://octopus.example.com:443"),
            ("http://example.com", "http://example.com:80"),
            ("https://user:pw@example.com:8443/a", "https://example.com:8443"),
            // Userinfo ends at the last '@': the host is what curl connects to.
            ("http://good.test@evil.test/", "http://evil.test:80"),
            ("http://good.test:80@evil.test:81/", "http://evil.test:81"),
            ("http://[::1]:9000/a", "http://[::1]:9000"),
            ("http://[::1]/a", "http://[::1]:80"),
            ("https://example.com?q=1", "https://example.com:443"),
            ("https://example.com#frag", "https://example.com:443"),
            ("https://example.com:443/", "https://example.com:443"),
            // Not usable as an origin: refused rather than guessed at.
            ("example.com/path", nil),
            ("ftp://example.com/", nil),
            ("file:///etc/passwd", nil),
            ("http:///path", nil),
            ("http://example.com:99999/", nil),
            ("http://example.com:8x/", nil),
            ("http://good.test\\@evil.test/", nil),
            ("http://ex ample.com/", nil),
            ("https://ünïcode.example/x", nil),
        ]
        for (url, origin) in cases {
            XCTAssertEqual(Origin(url: url)?.description, origin, url)
        }
    }

    func testGovernorsAreKeyedByOrigin() {
        XCTAssertEqual(Governor.key(Origin(url: "HTTP://A.test/x"), url: "HTTP://A.test/x"), "http://a.test:80")
        XCTAssertEqual(Governor.key(Origin(url: "not a url"), url: "not a url"), "not a url")
    }

    /// RFC 3986 §5.4.1 and §5.4.2, against its base `http://a/b/c/d;p?q`.
    func testReferencesResolveAsRFC3986Says() {
        let base = "http://a/b/c/d;p?q"
        let cases: [(String, String?)] = [
            ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g/"), ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q"), ("g#s", "http://a/b/c/g"),
            (";x", "http://a/b/c/;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"),
            ("../..", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
            ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("HTTPS://Other/x", "https://Other/x"),
            // Not followable: another scheme, or no host.
            ("ftp://a/x", nil), ("javascript:alert(1)", nil), ("http:", nil),
            // Blanks and line breaks are percent-encoded, never sent raw.
            ("/a b", "http://a/a%20b"), ("/x\r\nX-Injected: 1", "http://a/x%0D%0AX-Injected:%201"),
        ]
        for (reference, expected) in cases {
            XCTAssertEqual(URLReference.resolve(reference, against: base), expected, reference)
        }
    }
}
