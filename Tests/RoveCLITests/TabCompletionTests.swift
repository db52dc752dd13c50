// What one Tab does to the line libedit edits, and how candidates are listed, as plain text.

@testable import RoveCLI
import RoveCore
import XCTest

final class TabCompletionTests: XCTestCase {
    private func completion(_ replaced: String, _ insertion: String, _ names: [String] = ["x", "y"]) -> Completion {
        Completion(replaced: replaced, candidates: names.map { .init(name: $0, display: $0, text: $0) }, insertion: insertion)
    }

    func testTheReplacementOfLibeditsWord() {
        let cases: [(word: String, completion: Completion, replacement: String?, why: String)] = [
            ("octopus.Pro", completion(".Pro", ".Projects"), "octopus.Projects", "the chain is one word"),
            ("octopus.Auth", completion(".Auth", "[\"Authenticate_Azure AD\"]"), "octopus[\"Authenticate_Azure AD\"]",
             "a member turns into a subscript, the dot replaced"),
            ("AD\"].Li", completion(".Li", ".Links"), "AD\"].Links", "a word that starts after a space in a key"),
            ("A", completion("[\"Authenticate_Azure A", "[\"Authenticate_Azure AD\"]"), "AD\"]",
             "a key with a space: only the part inside the word is replaced"),
            ("A", completion("[\"Authenticate_Okta A", "[\"Authenticate_Azure AD\"]"), nil,
             "a change before the word cannot be made"),
            ("deploymentC", completion("deploymentC", "deploymentCount"), "deploymentCount", "a name on its own"),
            ("octopus.P", completion(".P", ".P"), nil, "nothing shared beyond what was typed"),
            ("x", completion("x", "xs", []), nil, "no candidates"),
            ("o.a", completion("bc.a", "bc.ab"), nil, "what is replaced does not end the word, nor the word it"),
        ]
        for (word, completion, replacement, why) in cases {
            XCTAssertEqual(TabCompletion.replacement(forWord: word, completion), replacement, why)
        }
    }

    func testListingFillsColumnsDownThenAcross() {
        let candidates = ["ProjectGroups", "Projects", "ProjectTriggers", "Proxies", "[\"Pro x\"]"].map {
            Completion.Candidate(name: $0, display: $0, text: $0)
        }
        XCTAssertEqual(TabCompletion.listing(candidates, width: 60), """
            ProjectGroups    ProjectTriggers  ["Pro x"]
            Projects         Proxies

            """)
        XCTAssertEqual(TabCompletion.listing(candidates, width: 10), candidates.map { $0.display + "\n" }.joined(),
                       "a window narrower than a name gets one column")
        XCTAssertEqual(TabCompletion.listing([], width: 80), "")
    }

    func testAHugeNumberOfCandidatesIsCut() {
        let candidates = (0..<100_000).map { Completion.Candidate(name: "L\($0)", display: "L\($0)", text: "L\($0)") }
        let listing = TabCompletion.listing(candidates, width: 80)
        XCTAssertTrue(listing.hasSuffix("… and 99900 more; type more of the name\n"), listing)
        // 100 names of up to 3 characters: 16 columns of 5, so 7 rows, and the count.
        XCTAssertEqual(listing.split(separator: "\n").count, 8)
    }

    func testTheWordBreaksKeepAChainWhole() {
        for character in ".[]\"\\?_$0a" where character != "$" {
            XCTAssertFalse(TabCompletion.wordBreaks.contains(character), "\(character) must not end a word")
        }
        for character in " ,(+=" {
            XCTAssertTrue(TabCompletion.wordBreaks.contains(character), "\(character) ends a word")
        }
    }
}
