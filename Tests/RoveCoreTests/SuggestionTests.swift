// Unit tables for "did you mean": which spelling `Suggestion` picks, when it picks none, and
// that hostile input (huge names, many candidates) stays cheap.

import XCTest
@testable import RoveCore

final class SuggestionTests: XCTestCase {
    private let builtins = ["print", "eprint", "len", "type", "str", "int", "float", "keys", "values",
                            "json", "parse", "secret", "readFile", "writeFile", "env", "args", "sleep", "now"]

    func testNearest() {
        let cases: [(name: String, candidates: [String], expected: String?, why: String)] = [
            ("pirnt", builtins, "print", "a swap of neighbours costs one"),
            ("prnt", builtins, "print", "a deletion"),
            ("priint", builtins, "print", "an insertion"),
            ("prinf", builtins, "print", "a substitution"),
            ("Print", builtins, "print", "case alone"),
            ("PRINT", builtins, "print", "case alone, every letter"),
            ("E", ["e", "f"], "e", "case alone wins even for one character"),
            ("readfile", builtins, "readFile", "case beats any edit"),
            ("tu", ["to", "wait"], "to", "a two-letter label"),
            ("Relases", ["Releases", "Channels", "Self"], "Releases", "a link name"),
            ("Projcts", ["Projects", "ProjectGroups"], "Projects", "the nearer of two"),
            ("lenght", ["len", "length"], "length", "a swap beats the shorter name"),
            ("cout", ["court", "count"], "count", "a tie goes to the name that sorts first"),
            ("cout", ["count", "court"], "count", "whatever the candidates' order"),
            ("nAme", ["NAME", "Name"], "Name", "a tie goes to the spelling closer in case"),
            ("nAme", ["Name", "NAME"], "Name", "whatever the candidates' order"),
            ("café", ["cafe", "cage"], "cafe", "accents are characters"),
            ("cafe", ["café"], "café", "either way round"),
            ("日本", ["日本語", "中国"], "日本語", "any script"),
            ("👍🏽s", ["👍🏽", "👍"], "👍🏽", "a grapheme cluster is one character"),
            ("Ünique", ["ünique"], "ünique", "non-ASCII case"),
            ("xyz", builtins, nil, "nothing close"),
            ("deploy", builtins, nil, "nothing close to a long name"),
            ("abcdef", ["uvwxyz"], nil, "same length, all different"),
            ("e", ["f"], nil, "a one-character name is not replaced wholesale"),
            ("ab", ["cd"], nil, "nor a two-character one"),
            ("print", builtins, nil, "a name that exists is not misspelt"),
            ("", builtins, nil, "an empty name"),
            ("a", ["", "b"], nil, "empty candidates are skipped"),
            ("pirnt", [], nil, "no candidates"),
        ]
        for (name, candidates, expected, why) in cases {
            XCTAssertEqual(Suggestion.nearest(to: name, in: candidates), expected, "\(name) in \(candidates): \(why)")
        }
    }

    func testThresholdGrowsWithLength() {
        let cases: [(name: String, candidate: String, close: Bool)] = [
            ("abc", "xbc", true),            // 3 characters: one edit
            ("abc", "xyc", false),
            ("abcdef", "xycdef", true),      // 6 characters: two edits
            ("abcdef", "xyzdef", false),
            ("abcdefghi", "xyzdefghi", true),  // 9 characters: three edits
            ("abcdefghi", "xyzwefghi", false),
        ]
        for (name, candidate, close) in cases {
            XCTAssertEqual(Suggestion.nearest(to: name, in: [candidate]), close ? candidate : nil, "\(name) ~ \(candidate)")
        }
    }

    func testDistance() {
        let cases: [(String, String, Int)] = [
            ("", "", 0), ("", "abc", 3), ("abc", "abc", 0), ("ab", "ba", 1), ("abcd", "acbd", 1),
            ("kitten", "sitting", 3), ("ca", "abc", 3), ("flaw", "lawn", 2), ("é", "e", 1),
            ("e\u{301}", "é", 0), ("👍🏽", "👍", 1), ("日本語", "日本", 1),
        ]
        for (a, b, expected) in cases {
            XCTAssertEqual(distance(a, b, atMost: 10), expected, "\(a) ~ \(b)")
            XCTAssertEqual(distance(b, a, atMost: 10), expected, "\(b) ~ \(a)")
        }
        XCTAssertNil(distance("kitten", "sitting", atMost: 2), "over the limit")
        XCTAssertNil(distance("a", "abcd", atMost: 2), "lengths alone exceed the limit")
    }

    func testAppending() {
        XCTAssertEqual(Suggestion.appending(to: "undefined name 'pirnt'", for: "pirnt", in: builtins),
                       "undefined name 'pirnt'; did you mean 'print'?")
        XCTAssertEqual(Suggestion.appending(to: "undefined name 'zzz'", for: "zzz", in: builtins),
                       "undefined name 'zzz'")
        XCTAssertEqual(Suggestion.appending(to: "unexpected label 'prety:'", forLabel: "prety", in: ["pretty"]),
                       "unexpected label 'prety:'; did you mean 'pretty:'?")
        XCTAssertEqual(Suggestion.appending(to: "unexpected label 'x:'", forLabel: "x", in: Set<String>()),
                       "unexpected label 'x:'")
    }

    func testLongNamesAreCheapAndUnsuggested() {
        let long = String(repeating: "a", count: 10_000)
        let nearlyLong = String(repeating: "a", count: 9_999) + "b"
        let limit = Suggestion.maximumLength
        let cases: [(name: String, candidates: [String], expected: String?, why: String)] = [
            (long, [nearlyLong, "a"], nil, "a 10,000-character name is not compared"),
            ("aaaa", [long, "aaab"], "aaab", "a 10,000-character candidate is skipped"),
            (String(repeating: "x", count: limit - 1) + "y", [String(repeating: "x", count: limit)],
             String(repeating: "x", count: limit), "names up to the limit are compared"),
            (String(repeating: "x", count: limit) + "y", [String(repeating: "x", count: limit + 1)],
             nil, "one past the limit is not"),
        ]
        for (name, candidates, expected, why) in cases {
            XCTAssertEqual(Suggestion.nearest(to: name, in: candidates), expected, why)
        }
        // A long name against a thousand long candidates: bounded, not 10⁸ steps per pair.
        let candidates = (0..<1_000).map { String(repeating: "b", count: 10_000 + $0 % 7) }
        let started = Date()
        XCTAssertNil(Suggestion.nearest(to: long, in: candidates))
        XCTAssertNil(Suggestion.nearest(to: "bbbb", in: candidates))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "long input must stay cheap")
    }

    func testManyCandidatesAtTheLengthLimitStayCheap() {
        // The worst case the bound allows: every candidate as long as a name may be, and all
        // tied at distance 2, so each is compared twice (ignoring case, then with it).
        let name = String((0..<Suggestion.maximumLength).map { Character(UnicodeScalar(97 + $0 % 26)!) })
        let candidates = (0..<10_000).map { index -> String in
            var characters = Array(name)
            characters[index % characters.count] = "!"
            characters[(index * 7 + 1) % characters.count] = Character(String(index % 10))
            return String(characters)
        }
        let started = Date()
        XCTAssertNotNil(Suggestion.nearest(to: name, in: candidates))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "10,000 comparisons at the length limit")
    }

    func testHostileProgramsStayCheap() throws {
        let long = String(repeating: "x", count: 10_000)
        let cases: [(source: String, message: String)] = [
            ("let \(long)y = 1\n\(long)z", "undefined name '\(long)z'"),
            ("\"web\".\(long)()", "string has no method '\(long)'"),
            ("fn f(a: 1) { a }\nf(\(long): 2)", "'f' has no parameter labelled '\(long):'"),
            ("var o = {}\nfor i in 0..<100000 { o[\"field\\(i)\"] = i }\no.fiel1234()",
             "object has no field or method 'fiel1234'; did you mean 'field1234'?"),
            ("let ü = 1\nÜ", "undefined name 'Ü'; did you mean 'ü'?"),
        ]
        for (source, message) in cases {
            let started = Date()
            XCTAssertThrowsError(try Interpreter().run(source, file: "hostile.rove")) { error in
                XCTAssertEqual((error as? Diagnostic)?.message, message)
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, String(source.prefix(40)))
        }
    }

    /// The distance between two spellings, numbered by one alphabet as `nearest` does.
    private func distance(_ a: String, _ b: String, atMost limit: Int) -> Int? {
        var alphabet = Suggestion.Alphabet()
        guard let a = alphabet.spelling(of: a), let b = alphabet.spelling(of: b) else { return nil }
        return Suggestion.distance(a.exact, b.exact, atMost: limit)
    }
}
