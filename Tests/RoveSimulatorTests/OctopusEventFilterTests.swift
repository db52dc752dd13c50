// The audit log across spaces: the server-wide list, a space's list, and the `spaces`/`from`/`to` filters.

import XCTest
@testable import RoveSimulator

final class OctopusEventFilterTests: XCTestCase {
    let harness = OctopusHarness()

    func spaces(_ path: String) -> Set<String> {
        Set(harness.get(path)["Items"]?.arrayValue?.compactMap { $0["SpaceId"]?.stringValue } ?? [])
    }

    func testTheServerWideListHasEverySpacesEventsAndASpaceOnlyItsOwn() {
        let all = harness.get("/api/events?take=100000")
        XCTAssertEqual(all["ItemType"], "Event")
        let every = spaces("/api/events?take=100000")
        XCTAssertEqual(every, ["Spaces-1", "Spaces-2"])
        let platform = harness.get("/api/Spaces-2/events?take=100000")
        XCTAssertEqual(spaces("/api/Spaces-2/events?take=100000"), ["Spaces-2"])
        let platformTotal = platform["TotalResults"]?.intValue ?? 0
        let defaultTotal = harness.get("/api/Spaces-1/events?take=1")["TotalResults"]?.intValue ?? 0
        XCTAssertGreaterThan(platformTotal, 0)
        XCTAssertEqual(platformTotal + defaultTotal, all["TotalResults"]?.intValue)
        XCTAssertEqual(platform["Links"]?["Self"], "/api/Spaces-2/events?skip=0&take=100000")
        XCTAssertEqual(harness.get("/api/events?spaces=Spaces-2&take=1")["TotalResults"]?.intValue, platformTotal)
        XCTAssertEqual(harness.get("/api/events?spaces=Spaces-3")["TotalResults"], 0)
        // The legacy `/api/events` is the server-wide list, not the default space's.
        XCTAssertEqual(harness.get("/api/events?take=1")["TotalResults"], all["TotalResults"])
    }

    func testAnEventOfAnotherSpaceIsNotFoundInThisOne() {
        let event = harness.get("/api/Spaces-2/events?take=1")["Items"]?.arrayValue?.first
        let id = event?["Id"]?.stringValue ?? ""
        XCTAssertEqual(harness.get("/api/Spaces-2/events/\(id)")["SpaceId"], "Spaces-2")
        XCTAssertEqual(harness.get("/api/events/\(id)")["Id"], .string(id))
        XCTAssertEqual(harness.get("/api/Spaces-1/events/\(id)", status: 404)["ErrorMessage"]?.stringValue, OctopusFailure.notFoundMessage)
    }

    func testFromAndToBoundWhenEventsOccurred() {
        let from = "2025-12-25T00:00:00.000+00:00", to = "2025-12-28"
        let page = harness.get("/api/events?from=\(from.replacingOccurrences(of: "+", with: "%2B"))&to=\(to)&take=100000")
        let occurred = page["Items"]?.arrayValue?.compactMap { $0["Occurred"]?.stringValue } ?? []
        XCTAssertFalse(occurred.isEmpty)
        XCTAssertTrue(occurred.allSatisfy { $0 >= "2025-12-25" && $0 <= "2025-12-28T00:00:00.000+00:00" }, "\(occurred.prefix(3))")
        let everything = harness.get("/api/events?take=100000")["Items"]?.arrayValue?.compactMap { $0["Occurred"]?.stringValue } ?? []
        XCTAssertEqual(occurred.count, everything.filter { $0 >= "2025-12-25" && $0 <= "2025-12-28T00:00:00.000+00:00" }.count)
        XCTAssertEqual(page["Links"]?["Page.All"]?.stringValue?.contains("from=2025-12-25T00%3A00%3A00.000%2B00%3A00"), true)
        XCTAssertEqual(spaces("/api/Spaces-2/events?from=2025-12-01&take=100000"), ["Spaces-2"])
        XCTAssertEqual(harness.get("/api/events?from=2026-01-02&to=2026-01-01")["TotalResults"], 0)
        XCTAssertEqual(harness.get("/api/events?to=2000-01-01T10:00Z")["TotalResults"], 0)
    }

    func testMalformedDatesAre400() {
        for value in ["yesterday", "2025-13-01", "2025-12-01T25:00", "2025-12-01Tnoon"] {
            let answer = harness.json("GET", "/api/events?from=\(value)", status: 400)
            XCTAssertEqual(answer["Errors"]?.stringArray, ["The value '\(value)' is not valid for from."], value)
        }
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/events?to=x").status, 400)
    }
}
