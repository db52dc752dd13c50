// Unit tables for Tab completion: which candidates the text before the cursor gets, what one Tab
// inserts, and that names from outside always come back as valid, escaped Rove.

import XCTest
@testable import RoveCore

final class CompletionTests: XCTestCase {
    /// An interpreter with globals shaped like the documents servers send.
    private func interpreter() throws -> Interpreter {
        let interpreter = Interpreter()
        try interpreter.run("""
            let deploymentCount = 42
            let o = {Name: "Web", Id: 1, "Odd key": 2, "a\\"b": 3, "back\\\\slash": 4, "esc\\u{1b}[2Jx": 5,
                     "Authenticate_Azure AD": 6, "Authenticate_Octopus ID": 7, "Reporting/DeploymentsCountedByWeek": 8,
                     "line\\nbreak": 9, "bidi\\u{202e}txt": 10, "7up": 11, "if": 12}
            let nested = {"Odd key": {Inner: 1}, list: [{Name: "first"}]}
            let words = {"A b c": 1, "A b d": 2, Auth1: 3, "Auth 2": 4}
            """, file: "setup.rove")
        return interpreter
    }

    func testCandidatesAndWhatOneTabInserts() throws {
        let interpreter = try interpreter()
        let cases: [(typed: String, names: [String], replaced: String, insertion: String)] = [
            // Names on their own: keywords and globals.
            ("deploymentC", ["deploymentCount"], "deploymentC", "deploymentCount"),
            ("whi", ["while"], "whi", "while"),
            ("print(deplo", ["deploymentCount"], "deplo", "deploymentCount"),
            // Members after a dot; the dot is part of what is replaced.
            ("o.Na", ["Name"], ".Na", ".Name"),
            ("print(o.Na", ["Name"], ".Na", ".Name"),
            ("o?.Na", ["Name"], ".Na", ".Name"),
            ("o.if", ["if"], ".if", ".if"),
            // Names that are not identifiers turn into subscripts, escaped.
            ("o.Odd", ["Odd key"], ".Odd", "[\"Odd key\"]"),
            ("o.a", ["a\"b"], ".a", "[\"a\\\"b\"]"),
            ("o.back", ["back\\slash"], ".back", "[\"back\\\\slash\"]"),
            ("o.esc", ["esc\u{1b}[2Jx"], ".esc", "[\"esc\\u{1b}[2Jx\"]"),
            ("o.line", ["line\nbreak"], ".line", "[\"line\\nbreak\"]"),
            ("o.bidi", ["bidi\u{202e}txt"], ".bidi", "[\"bidi\\u{202e}txt\"]"),
            ("o.Rep", ["Reporting/DeploymentsCountedByWeek"], ".Rep", "[\"Reporting/DeploymentsCountedByWeek\"]"),
            ("o.7", [], ".7", ".7"),
            ("o[\"7", ["7up"], "[\"7", "[\"7up\"]"),
            // After `?.` there is no subscript form, so such names are not offered.
            ("o?.Odd", [], ".Odd", ".Odd"),
            // Inside an open subscript: keys, any name, kept in subscript form.
            ("o[\"Od", ["Odd key"], "[\"Od", "[\"Odd key\"]"),
            ("o[\"Na", ["Name"], "[\"Na", "[\"Name\"]"),
            ("o[\"a\\\"", ["a\"b"], "[\"a\\\"", "[\"a\\\"b\"]"),
            ("o[\"Authenticate_Azure A", ["Authenticate_Azure AD"], "[\"Authenticate_Azure A", "[\"Authenticate_Azure AD\"]"),
            // Several candidates: the start they share, when it says more than what was typed.
            ("o.Auth", ["Authenticate_Azure AD", "Authenticate_Octopus ID"], ".Auth", ".Authenticate_"),
            ("words.A", ["A b c", "A b d", "Auth 2", "Auth1"], ".A", ".A"),
            ("words[\"A b", ["A b c", "A b d"], "[\"A b", "[\"A b "),
            ("words.Au", ["Auth 2", "Auth1"], ".Au", ".Auth"),
            // Chains through keys and integer subscripts.
            ("nested[\"Odd key\"].In", ["Inner"], ".In", ".Inner"),
            ("nested.list[0].Na", ["Name"], ".Na", ".Name"),
            ("nested.list[-1].Na", [], "", ""),
            ("nested.list[5].Na", [], ".Na", ".Na"),
            // Nothing to offer: after a call, inside a string or an interpolation, in a number.
            ("f().Na", [], "", ""),
            ("print(\"o.Na", [], "", ""),
            ("\"\\(o.Na", [], "", ""),
            ("o.Name.", ["chars", "contains", "count", "drop", "endsWith", "indexOf", "isEmpty", "lines", "lower",
                         "repeat", "replace", "split", "startsWith", "take", "trim", "upper"], ".", "."),
            ("12", [], "", ""),
            ("missing.x", [], "", ""),
        ]
        for (typed, names, replaced, insertion) in cases {
            let completion = interpreter.completion(for: typed)
            XCTAssertEqual(completion.candidates.map(\.name), names, typed)
            if !names.isEmpty {
                XCTAssertEqual(completion.replaced, replaced, typed)
                XCTAssertEqual(completion.insertion, insertion, typed)
            }
        }
    }

    func testWhatTabInsertsIsValidRoveWithoutRawControlCharacters() throws {
        let interpreter = try interpreter()
        for typed in ["o.", "o[\"", "nested.", "words."] {
            let completion = interpreter.completion(for: typed)
            XCTAssertFalse(completion.candidates.isEmpty, typed)
            for candidate in completion.candidates {
                for text in [candidate.text, candidate.display] {
                    XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{202e}" },
                                   "\(typed): \(text.debugDescription)")
                }
                // The candidate, put after the chain, reads back the member it names.
                let chain = String(typed.dropLast(completion.replaced.count))
                let value = try interpreter.run(chain + candidate.text, file: "check.rove")
                let expected = try interpreter.run(chain.isEmpty ? "nil" : "\(chain)[\(MemberSpelling.literal(candidate.name))]",
                                                   file: "expected.rove")
                XCTAssertEqual(value, expected, candidate.text)
            }
        }
    }

    func testIterableHostObjectsOfferTheListMethodsTheyAnswer() throws {
        let interpreter = Interpreter()
        try interpreter.run("let r = 0..<5", file: "setup.rove")
        let names = interpreter.completions(for: "r.")
        XCTAssertTrue(names.contains("map") && names.contains("sortBy") && names.contains("count"), "\(names)")
        XCTAssertFalse(names.contains("append"), "a range cannot be changed in place")
    }

    func testAHugeNumberOfNamesCompletesAndNarrows() throws {
        let interpreter = Interpreter()
        var fields = Fields()
        for index in 0..<50_000 { fields["Link\(index)"] = .int(index) }
        interpreter.define("many", as: .object(fields))
        XCTAssertEqual(interpreter.completion(for: "many.").candidates.count, 50_000 + Methods.object.count)
        XCTAssertEqual(interpreter.completions(for: "many.Link4999"), ["Link4999", "Link49990", "Link49991", "Link49992",
                                                                        "Link49993", "Link49994", "Link49995", "Link49996",
                                                                        "Link49997", "Link49998", "Link49999"])
        XCTAssertEqual(interpreter.completion(for: "many.Link4999").insertion, ".Link4999")
    }

    func testTheContextOfTheCursor() {
        let cases: [(text: String, context: CompletionContext?)] = [
            ("", CompletionContext(position: .word, root: nil, steps: [], partial: "", replaced: "")),
            ("a + b", CompletionContext(position: .word, root: nil, steps: [], partial: "b", replaced: "b")),
            ("a.", CompletionContext(position: .member(optional: false), root: "a", steps: [], partial: "", replaced: ".")),
            ("a?.b", CompletionContext(position: .member(optional: true), root: "a", steps: [], partial: "b", replaced: ".b")),
            ("a.b[\"c d\"][2].e", CompletionContext(position: .member(optional: false), root: "a",
                                                    steps: [.member("b"), .member("c d"), .index(2)], partial: "e", replaced: ".e")),
            ("a[\"x\\u{41}", CompletionContext(position: .key, root: "a", steps: [], partial: "xA", replaced: "[\"x\\u{41}")),
            ("a[\"x\\u{4", nil),
            ("a[\"x\\", nil),
            ("a[b].c", nil),
            ("a[\"\\(x)\"].c", nil),
            ("(a).b", nil),
            ("\"s\".b", nil),
            ("1.5", nil),
        ]
        for (text, context) in cases {
            XCTAssertEqual(CompletionContext.reading(text), context, text)
        }
    }

    func testSpellingOfNames() {
        let cases: [(name: String, isPlain: Bool, member: String)] = [
            ("Name", true, ".Name"),
            ("_x1", true, "._x1"),
            ("café", true, ".café"),
            ("if", true, ".if"),
            ("", false, "[\"\"]"),
            ("1st", false, "[\"1st\"]"),
            ("$0", false, "[\"$0\"]"),
            ("a b", false, "[\"a b\"]"),
            ("a\u{85}b", false, "[\"a\\u{85}b\"]"),
            ("a\u{200b}b", false, "[\"a\\u{200b}b\"]"),
            ("a\u{2028}b", false, "[\"a\\u{2028}b\"]"),
            ("\\(x)", false, "[\"\\\\(x)\"]"),
            ("\u{7f}", false, "[\"\\u{7f}\"]"),
        ]
        for (name, isPlain, member) in cases {
            XCTAssertEqual(MemberSpelling.isPlain(name), isPlain, name.debugDescription)
            XCTAssertEqual(MemberSpelling.member(name), member, name.debugDescription)
        }
    }
}
