// URI templates as Rove uses them: Octopus-style links, malformed templates and their messages.

import RoveHTTP
import XCTest

final class URITemplateTests: XCTestCase {
    private static let projects = "/api/Spaces-1/projects{/id}{?name,skip,ids,take,partialName}"

    func testOctopusLinks() throws {
        let cases: [(template: String, variables: [String: TemplateValue], expected: String)] = [
            (Self.projects, [:], "/api/Spaces-1/projects"),
            (Self.projects, ["id": "Projects-1"], "/api/Spaces-1/projects/Projects-1"),
            (Self.projects, ["name": "refs/heads/x", "take": "30"], "/api/Spaces-1/projects?name=refs%2Fheads%2Fx&take=30"),
            (Self.projects, ["skip": "0", "ids": ["Projects-1", "Projects-2"]], "/api/Spaces-1/projects?skip=0&ids=Projects-1,Projects-2"),
            (Self.projects, ["partialName": "Web App", "ids": []], "/api/Spaces-1/projects?partialName=Web%20App"),
            (Self.projects, ["name": ""], "/api/Spaces-1/projects?name="),
            ("/api/Spaces-1/git-refs{/ref}", ["ref": "refs/heads/x"], "/api/Spaces-1/git-refs/refs%2Fheads%2Fx"),
            ("/api/tasks{?states}", ["states": "Failed,Canceled"], "/api/tasks?states=Failed%2CCanceled"),
            ("/api/tasks{?states*}", ["states": ["Failed", "Canceled"]], "/api/tasks?states=Failed&states=Canceled"),
            ("{+base}/api{/id}", ["base": "https://octo.test/root", "id": "a b"], "https://octo.test/root/api/a%20b"),
            ("/api/users{?filter*}", ["filter": ["team": "ops & dev"]], "/api/users?team=ops%20%26%20dev"),
            ("/api/x{?a}", ["a": "100%"], "/api/x?a=100%25"),
            ("/api{?q}", ["q": "déjà vu"], "/api?q=d%C3%A9j%C3%A0%20vu"),
        ]
        for (template, variables, expected) in cases {
            XCTAssertEqual(try URITemplate(template).expand(variables), expected, template)
        }
    }

    /// The table in docs/uri-templates.md, so the reference cannot drift from the code.
    func testDocumentedExamples() throws {
        let variables: [String: TemplateValue] = ["id": "a b", "path": "/x/y", "list": ["r", "g"], "keys": ["k": "v"], "q": "déjà"]
        let cases: [(String, String)] = [
            ("{id}", "a%20b"), ("{+path}", "/x/y"), ("{#path}", "#/x/y"), ("{.id}", ".a%20b"),
            ("{/path}", "/%2Fx%2Fy"), ("{;id}", ";id=a%20b"), ("{?id,list}", "?id=a%20b&list=r,g"),
            ("{&id}", "&id=a%20b"), ("{list*}", "r,g"), ("{?list*}", "?list=r&list=g"), ("{keys}", "k,v"),
            ("{?keys*}", "?k=v"), ("{id:1}", "a"), ("{q}", "d%C3%A9j%C3%A0"), ("café/{id}", "caf%C3%A9/a%20b"),
        ]
        for (template, expected) in cases {
            XCTAssertEqual(try URITemplate(template).expand(variables), expected, template)
        }
    }

    /// Links that already carry their query expand to themselves, whatever the variables.
    func testLiteralTemplatesExpandToThemselves() throws {
        for link in ["/api", "/api/Spaces-1/tasks?states=Failed&take=10", "/api/a%20b/c;v=1#top", "https://octo.test/api/x'y"] {
            let template = try URITemplate(link)
            XCTAssertTrue(template.isLiteral, link)
            XCTAssertEqual(try template.expand(["states": "ignored"]), link)
            XCTAssertEqual(template.variableNames, [])
        }
    }

    func testVariableNamesInOrderOfFirstUse() throws {
        XCTAssertEqual(try URITemplate(Self.projects).variableNames, ["id", "name", "skip", "ids", "take", "partialName"])
        XCTAssertEqual(try URITemplate("{a}{/b*,a:3}{?c,b}").variableNames, ["a", "b", "c"])
        XCTAssertFalse(try URITemplate("{a}").isLiteral)
    }

    func testMalformedTemplatesNameTheTemplateAndColumn() {
        let cases: [(template: String, message: String)] = [
            ("/x{?a", "invalid URI template '/x{?a' at column 5: unclosed expression"),
            ("{", "invalid URI template '{' at column 1: unclosed expression"),
            ("/x}", "invalid URI template '/x}' at column 3: '}' without a matching '{'"),
            ("/x{}", "invalid URI template '/x{}' at column 4: expected a variable name before '}'"),
            ("{!hello}", "invalid URI template '{!hello}' at column 2: operator '!' is reserved for future extensions of RFC 6570"),
            ("{var:0}", "invalid URI template '{var:0}' at column 6: a prefix length must be a number from 1 to 9999"),
            ("{var:10000}", "invalid URI template '{var:10000}' at column 6: a prefix length must be a number from 1 to 9999"),
            ("{x..y}", "invalid URI template '{x..y}' at column 3: '.' in a variable name must be followed by a letter, digit, '_' or '%'"),
            ("{hello:2*}", "invalid URI template '{hello:2*}' at column 9: a variable cannot have both a prefix and '*'"),
            ("{a b}", "invalid URI template '{a b}' at column 3: expected ',' or '}' after 'a', found ' '"),
            ("{?x, y}", "invalid URI template '{?x, y}' at column 5: expected a variable name, found ' '"),
            ("50%", "invalid URI template '50%' at column 3: '%' in literal text must start a percent-encoded triplet such as '%20'"),
            ("{%2x}", "invalid URI template '{%2x}' at column 2: '%' in a variable name must start a percent-encoded triplet such as '%20'"),
            ("a\tb", "invalid URI template 'a\tb' at column 2: control character U+0009 is not allowed in a URI template"),
        ]
        for (template, message) in cases {
            XCTAssertThrowsError(try URITemplate(template), template) { error in
                XCTAssertEqual((error as? URITemplateError)?.description, message)
            }
        }
    }

    func testPrefixOnCompositeValueIsAnExpansionError() throws {
        let template = try URITemplate("/x{?keys:1}")
        XCTAssertThrowsError(try template.expand(["keys": ["a": "b"]])) { error in
            XCTAssertEqual((error as? URITemplateError)?.description,
                           "cannot expand URI template '/x{?keys:1}' at column 5: prefix ':1' applies only to strings, and 'keys' is an object")
        }
        XCTAssertEqual(try template.expand([:]), "/x")
        XCTAssertEqual(try template.expand(["keys": "abc"]), "/x?keys=a")
    }

    /// A cheap stand-in for fuzzing: every prefix of every template, and every ASCII character
    /// at every position of one, either parses and expands or throws; nothing traps.
    func testMalformedInputNeverCrashes() {
        let variables: [String: TemplateValue] = ["a": "x/y", "b": ["1", "2"], "c": ["k": "v"], "%41": "pct"]
        let seeds = [Self.projects, "{+a,b*,c:2}{#c*}x%20y{.a}{;b}{&c*}{?%41}", "é{a:9999}{/b*}"]
        var templates: [String] = []
        for seed in seeds {
            let scalars = Array(seed.unicodeScalars)
            for end in 0...scalars.count { templates.append(String(String.UnicodeScalarView(scalars[..<end]))) }
        }
        let probe = Array("{?a.b:12*,c}".unicodeScalars)
        for position in 0..<probe.count {
            for value in 0...0x7F {
                var scalars = probe
                scalars[position] = Unicode.Scalar(UInt8(value))
                templates.append(String(String.UnicodeScalarView(scalars)))
            }
        }
        for text in templates {
            do {
                _ = try URITemplate(text).expand(variables)
            } catch {
                XCTAssertTrue(error.description.contains("URI template '\(text)'"), "\(text): \(error)")
            }
        }
    }
}
