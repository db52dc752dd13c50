// The stdlib as scripts use it: properties without parentheses, trailing closures, labels,
// mutation through `var`, and error wording at the call site.

import XCTest
@testable import RoveCore

final class StdlibScriptTests: XCTestCase {
    /// Runs `source` and returns what it printed.
    private func output(of source: String) throws -> String {
        var printed = ""
        let interpreter = Interpreter(host: Host(standardOutput: { printed += $0 }))
        try interpreter.run(source, file: "t.rove")
        return printed
    }

    func testScripts() throws {
        let cases: [(String, String)] = [
            ("let xs = [3, 1, 2]; print(xs.count, xs.first, xs.last, xs.sum, xs.min, xs.max)", "3 3 2 6 1 3"),
            ("print([].first, [].sum, [].isEmpty)", "nil 0 true"),
            ("print([1, 2, 3].first { $0 > 1 }, [1, 2, 3].count { $0 > 1 })", "2 2"),
            ("print([1, 2, 3, 4].where { $0 % 2 == 0 }.map { $0 * 10 })", "[20, 40]"),
            ("print([1, 2, 3].reduce(0) { acc, x in acc + x })", "6"),
            ("print([\"b\", \"a\"].sort(), [3, 1].sortBy { -$0 })", "[\"a\", \"b\"] [3, 1]"),
            ("for (i, x) in [\"a\", \"b\"].enumerated() { print(i, x) }", "0 a\n1 b"),
            ("var xs = [1]; let ys = xs; xs.append(2); xs.insert(0, at: 0); print(xs, ys)", "[0, 1, 2] [1]"),
            ("var xs = [1, 2, 3]; print(xs.remove(at: 0), xs.removeLast(), xs)", "1 3 [2]"),
            ("let s = \"  Web, Api \"; print(s.trim().split(\", \"), s.count, s.trim().lower())", "[\"Web\", \"Api\"] 11 web, api"),
            ("print(\"a.b.c\".replace(\".\", with: \"/\"), \"x\".repeat(3), \"héllo\".count)", "a/b/c xxx 5"),
            ("print(\"line1\\nline2\".lines, \"ab\".chars)", "[\"line1\", \"line2\"] [\"a\", \"b\"]"),
            ("let o = {Name: \"Web\", Id: 1}; print(o.keys(), o.values(), o.count(), o.contains(\"Id\"))",
             "[\"Name\", \"Id\"] [\"Web\", 1] 2 true"),
            ("let o = {keys: 5}; print(o.keys, keys(o))", "5 [\"keys\"]"),
            ("var o = {a: 1, b: 2}; print(o.removeValue(forKey: \"a\"), o, o.merge({c: 3}))", "1 {b: 2} {b: 2, c: 3}"),
            ("print(json({a: [1, 2.5, nil, \"x\"]}))", "{\"a\":[1,2.5,null,\"x\"]}"),
            ("let v = parse(\"{\\\"b\\\": 1, \\\"a\\\": [true]}\"); print(v, v.a.first)", "{b: 1, a: [true]} true"),
            ("let k = secret(\"hunter2\"); print(k, \"key=\\(k)\", type(k), json([k]))", "••• key=••• secret [\"•••\"]"),
            ("print(len(\"añb\"), len([1, 2]), len({a: 1}), int(\"7\") + 1, float(1), str(2.0))", "3 2 1 8 1.0 2.0"),
            ("print([1, 2, 3].groupBy { $0 % 2 == 0 ? \"even\" : \"odd\" })", "{odd: [1, 3], even: [2]}"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try output(of: source), expected + "\n", source)
        }
    }

    func testErrors() {
        let cases: [(String, String)] = [
            ("[1, 2].take(\"x\")", "bad argument #1 to 'take' (integer expected, got string)"),
            ("[1].map(5)", "bad argument #1 to 'map' (function expected, got integer)"),
            ("[1, \"a\"].sort()", "cannot compare string and integer"),
            ("var xs = [1]; xs.insert(2, 0)", "bad argument #2 to 'insert' (label 'at:' expected)"),
            ("\"a\".replace(\"a\", \"b\")", "bad argument #2 to 'replace' (label 'with:' expected)"),
            ("int(\"12x\")", "cannot convert '12x' to an integer"),
            ("parse(\"{\\\"a\\\": }\")", "invalid JSON at 1:7: expected a value, found '}'"),
            // A host's interpreter is sandboxed: the policy refuses before the host is asked.
            ("readFile(\"nope.txt\")", "reading 'nope.txt' is not allowed"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try output(of: source), source) { error in
                guard let diagnostic = error as? Diagnostic else { return XCTFail("\(error)") }
                XCTAssertEqual(diagnostic.message, message, source)
                XCTAssertNotNil(diagnostic.location, "errors are located at the call site: \(source)")
            }
        }
    }
}
