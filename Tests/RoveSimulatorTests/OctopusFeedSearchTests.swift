// A feed's package search and version search: the feed's templates, shapes, ranges, paging, bad input.

import XCTest
@testable import RoveSimulator

final class OctopusFeedSearchTests: XCTestCase {
    let harness = OctopusHarness()

    func testTheFeedsTemplatesLeadToSearchAndVersions() {
        let feed = harness.get("/api/Spaces-1/feeds/feeds-builtin")
        XCTAssertEqual(feed["Links"]?["SearchPackagesTemplate"], "/api/Spaces-1/feeds/feeds-builtin/packages/search{?term,take,skip}")
        XCTAssertEqual(feed["Links"]?["SearchPackageVersionsTemplate"],
                       "/api/Spaces-1/feeds/feeds-builtin/packages/versions{?packageId,take,skip,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes}")
    }

    func testSearchFindsPackagesByPartOfTheirIdWithTheLatestVersion() {
        let page = harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/search?term=web")
        XCTAssertEqual(page["ItemType"], "PackageDescription")
        let items = page["Items"]?.arrayValue ?? []
        XCTAssertEqual(items.compactMap { $0["Id"]?.stringValue }, ["Web", "WebAdmin", "WebAPI"])
        XCTAssertEqual(items.first?["Name"], "Web")
        XCTAssertEqual(items.first?["LatestVersion"], "1.4.4")
        XCTAssertEqual(harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/search")["TotalResults"], 12)
        let paged = harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/search?take=5&skip=10")
        XCTAssertEqual(paged["Items"]?.arrayValue?.count, 2)
        XCTAssertEqual(paged["Links"]?["Page.Previous"], "/api/Spaces-1/feeds/feeds-builtin/packages/search?skip=5&take=5")
        let platform = harness.get("/api/Spaces-2/feeds/feeds-builtin/packages/search")["Items"]?.arrayValue ?? []
        XCTAssertEqual(platform.compactMap { $0["Id"]?.stringValue }, ["DataPipeline", "ETLJobs", "Warehouse"])
        XCTAssertEqual(harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/search?term=nothing")["TotalResults"], 0)
    }

    func testVersionsComeHighestFirstWithTheirSize() {
        let page = harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Web&take=3")
        XCTAssertEqual(page["ItemType"], "PackageVersion")
        XCTAssertEqual(page["TotalResults"], 45)
        let items = page["Items"]?.arrayValue ?? []
        XCTAssertEqual(items.compactMap { $0["Version"]?.stringValue }, ["1.4.4", "1.4.3", "1.4.2"])
        for item in items {
            XCTAssertGreaterThan(item["SizeBytes"]?.intValue ?? 0, 0)
            XCTAssertEqual(item["PackageId"], "Web")
            XCTAssertEqual(item["FeedId"], "feeds-builtin")
            XCTAssertNotNil(item["Published"]?.stringValue)
            XCTAssertEqual(item["ReleaseNotes"], .null)
        }
        XCTAssertEqual(page["Links"]?["Page.Next"], "/api/Spaces-1/feeds/feeds-builtin/packages/versions?skip=3&take=3&packageId=Web")
        let notes = harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=web&take=1&includeReleaseNotes=true")
        XCTAssertNotNil(notes["Items"]?.arrayValue?.first?["ReleaseNotes"]?.stringValue)
    }

    func testVersionRangesAndFilters() {
        func versions(_ query: String) -> [String] {
            harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Web&take=100&\(query)")["Items"]?
                .arrayValue?.compactMap { $0["Version"]?.stringValue } ?? []
        }
        XCTAssertEqual(versions("versionRange=%5B1.2,1.3)").count, 10)
        XCTAssertEqual(versions("versionRange=%5B1.2,1.3)").first, "1.2.9")
        XCTAssertEqual(versions("versionRange=%5B1.4.4%5D"), ["1.4.4"])
        XCTAssertEqual(versions("versionRange=(1.4.2,)"), ["1.4.4", "1.4.3"])
        XCTAssertEqual(versions("versionRange=(,1.0.1%5D"), ["1.0.1", "1.0.0"])
        XCTAssertEqual(versions("versionRange=1.4.3"), ["1.4.4", "1.4.3"])
        XCTAssertEqual(versions("filter=1.3.").count, 10)
        XCTAssertEqual(versions("preReleaseTag=beta"), [], "only pre-releases tagged like that; the demo has none")
    }

    func testBadVersionQueriesAre400AndUnknownFeedsAre404() {
        let noPackage = harness.json("GET", "/api/Spaces-1/feeds/feeds-builtin/packages/versions", status: 400)
        XCTAssertEqual(noPackage["ErrorMessage"], "There was a problem with your request.")
        XCTAssertEqual(noPackage["Errors"]?.stringArray, ["No packageId parameter was provided."])
        let badRange = harness.json("GET", "/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Web&versionRange=%5B2.0", status: 400)
        XCTAssertEqual(badRange["Errors"]?.stringArray.first?.hasPrefix("The version range '[2.0' is not valid."), true)
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Web&preReleaseTag=%5B").status, 400)
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Web&take=x").status, 400)
        for path in ["/api/Spaces-1/feeds/Feeds-999/packages/search", "/api/Spaces-1/feeds/Feeds-999/packages/versions?packageId=Web"] {
            XCTAssertEqual(harness.get(path, status: 404)["ErrorMessage"]?.stringValue, OctopusFailure.notFoundMessage, path)
        }
        XCTAssertEqual(harness.get("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Nope")["TotalResults"], 0)
    }

    func testAnExternalFeedHasNoPackagesHere() {
        let feed = harness.json("POST", "/api/Spaces-1/feeds", body: #"{"Name":"NuGet.org","FeedType":"NuGet","FeedUri":"https://api.nuget.org/v3/index.json"}"#,
                                status: 201)
        let id = feed["Id"]?.stringValue ?? ""
        XCTAssertEqual(harness.get("/api/Spaces-1/feeds/\(id)/packages/search?term=Web")["TotalResults"], 0)
        XCTAssertEqual(harness.get("/api/Spaces-1/feeds/\(id)/packages/versions?packageId=Web")["TotalResults"], 0)
    }
}
