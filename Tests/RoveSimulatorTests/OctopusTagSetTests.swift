// Tag sets and tenant tags: the seeded sets, canonical names, writes that keep tenants consistent, bad input.

import XCTest
@testable import RoveSimulator

final class OctopusTagSetTests: XCTestCase {
    let harness = OctopusHarness()

    func testTagSetsListBySortOrderWithCanonicalTagNames() {
        let page = harness.get("/api/Spaces-1/tagsets")
        XCTAssertEqual(page["ItemType"], "TagSet")
        XCTAssertEqual(page["Items"]?.arrayValue?.compactMap { $0["Name"]?.stringValue }, ["Tier", "Region"])
        let tier = page["Items"]?.arrayValue?.first
        XCTAssertEqual(tier?["SpaceId"], "Spaces-1")
        XCTAssertEqual(tier?["Tags"]?.arrayValue?.compactMap { $0["CanonicalTagName"]?.stringValue }, ["Tier/Gold", "Tier/Silver", "Tier/Bronze"])
        XCTAssertEqual(tier?["Tags"]?.arrayValue?.first?["Id"], .string("\(tier?["Id"]?.stringValue ?? "")-1"))
        XCTAssertEqual(tier?["Links"]?["Self"], .string("/api/Spaces-1/tagsets/\(tier?["Id"]?.stringValue ?? "")"))
        XCTAssertEqual(page["Links"]?["Template"], "/api/Spaces-1/tagsets{/id}{?skip,take,ids,partialName}")
        XCTAssertEqual(harness.get("/api/tagsets/all").arrayValue?.count, 2, "the legacy route is the default space's")
    }

    func testEveryTenantTagIsATagOfTheSpace() {
        let canonical = Set(harness.get("/api/Spaces-1/tagsets/all").arrayValue?
            .flatMap { $0["Tags"]?.arrayValue ?? [] }.compactMap { $0["CanonicalTagName"]?.stringValue } ?? [])
        let tenants = harness.get("/api/Spaces-1/tenants/all").arrayValue ?? []
        XCTAssertEqual(tenants.count, 6)
        for tenant in tenants {
            let tags = tenant["TenantTags"]?.stringArray ?? []
            XCTAssertFalse(tags.isEmpty)
            XCTAssertTrue(Set(tags).isSubset(of: canonical), "\(tags)")
        }
        let gold = harness.get("/api/Spaces-1/tenants?tags=Tier/Gold&take=100")["Items"]?.arrayValue ?? []
        XCTAssertTrue(gold.allSatisfy { $0["TenantTags"]?.stringArray.contains("Tier/Gold") == true })
    }

    func testEachSpaceHasItsOwnTagSets() {
        let platform = harness.get("/api/Spaces-2/tagsets/all").arrayValue ?? []
        XCTAssertEqual(platform.compactMap { $0["Name"]?.stringValue }, ["Cost Centre"])
        XCTAssertTrue(platform.allSatisfy { $0["SpaceId"] == "Spaces-2" })
        let tierId = harness.id(of: "Tier", in: "tagsets")
        XCTAssertEqual(harness.get("/api/Spaces-2/tagsets/\(tierId)", status: 404)["ErrorMessage"]?.stringValue, OctopusFailure.notFoundMessage)
        XCTAssertEqual(harness.send("GET", "/api/Spaces-1/tagsets/TagSets-999").status, 404)
    }

    func testCreatingATagSetAssignsIdsOrderAndCanonicalNames() {
        let created = harness.json("POST", "/api/Spaces-1/tagsets",
                                   body: ##"{"Name":"Size","Tags":[{"Name":"Small"},{"Name":"Large","Color":"#FF0000"}]}"##, status: 201)
        let id = created["Id"]?.stringValue ?? ""
        XCTAssertEqual(created["SortOrder"], 2)
        let tags = created["Tags"]?.arrayValue ?? []
        XCTAssertEqual(tags.compactMap { $0["Id"]?.stringValue }, ["\(id)-1", "\(id)-2"])
        XCTAssertEqual(tags.compactMap { $0["CanonicalTagName"]?.stringValue }, ["Size/Small", "Size/Large"])
        XCTAssertEqual(tags.last?["Color"], "#FF0000")
        let tenant = harness.json("POST", "/api/Spaces-1/tenants", body: #"{"Name":"Hooli","TenantTags":["size/small","Tier/Gold"]}"#, status: 201)
        XCTAssertEqual(tenant["TenantTags"], ["Size/Small", "Tier/Gold"], "tags are matched case-insensitively and spelt as the set spells them")
    }

    func testRenamingOrRemovingTagsFollowsThroughToTenants() {
        var tier = harness.get("/api/Spaces-1/tagsets/\(harness.id(of: "Tier", in: "tagsets"))")
        let id = tier["Id"]?.stringValue ?? ""
        let goldTenants = (harness.get("/api/Spaces-1/tenants?tags=Tier/Gold&take=100")["Items"]?.arrayValue ?? []).count
        tier.set("Name", "Support Tier")
        let tags = tier["Tags"]?.arrayValue ?? []
        tier.set("Tags", .array(tags.filter { $0["Name"] != "Bronze" }))
        let saved = harness.json("PUT", "/api/Spaces-1/tagsets/\(id)", body: tier.jsonText)
        XCTAssertEqual(saved["Tags"]?.arrayValue?.compactMap { $0["CanonicalTagName"]?.stringValue }, ["Support Tier/Gold", "Support Tier/Silver"])
        XCTAssertEqual(saved["Tags"]?.arrayValue?.first?["Id"], tags.first?["Id"], "tags keep their ids")
        let tenants = harness.get("/api/Spaces-1/tenants/all").arrayValue ?? []
        XCTAssertEqual(tenants.filter { $0["TenantTags"]?.stringArray.contains("Support Tier/Gold") == true }.count, goldTenants)
        XCTAssertFalse(tenants.contains { ($0["TenantTags"]?.stringArray ?? []).contains { $0.hasPrefix("Tier/") } })
        XCTAssertEqual(harness.send("DELETE", "/api/Spaces-1/tagsets/\(id)").status, 200)
        XCTAssertTrue((harness.get("/api/Spaces-1/tenants/all").arrayValue ?? []).allSatisfy { $0["TenantTags"] == [] })
    }

    func testBadTagSetsAndUnknownTenantTagsAre400() {
        let cases: [(String, String)] = [
            (#"{"Tags":[]}"#, "Please provide a value for Name."),
            (##"{"Name":"A","Tags":[{"Color":"#000000"}]}"##, "Tag 1 needs a Name."),
            (#"{"Name":"A","Tags":[{"Name":"x"},{"Name":"X"}]}"#, "The tag 'X' appears more than once in the tag set 'A'."),
            (#"{"Name":"A","Tags":"Gold"}"#, "Tags must be a list of tags."),
        ]
        for (body, error) in cases {
            let answer = harness.json("POST", "/api/Spaces-1/tagsets", body: body, status: 400)
            XCTAssertEqual(answer["ErrorMessage"], "There was a problem with your request.", body)
            XCTAssertEqual(answer["Errors"]?.stringArray, [error], body)
        }
        XCTAssertEqual(harness.send("POST", "/api/Spaces-1/tagsets", body: #"{"Name":"tier"}"#).status, 409)
        let unknown = harness.json("POST", "/api/Spaces-1/tenants", body: #"{"Name":"Hooli","TenantTags":["Tier/Platinum"]}"#, status: 400)
        XCTAssertEqual(unknown["Errors"]?.stringArray, ["The tag 'Tier/Platinum' could not be found. Tags are named 'TagSet/Tag'."])
        let tenant = harness.id(of: "Globex", in: "tenants")
        XCTAssertEqual(harness.send("PUT", "/api/Spaces-1/tenants/\(tenant)", body: #"{"TenantTags":["Cost Centre/Engineering"]}"#).status, 400,
                       "another space's tag is not this space's")
        XCTAssertEqual(harness.send("PUT", "/api/Spaces-1/tenants/\(tenant)", body: #"{"TenantTags":"Tier/Gold"}"#).status, 400)
    }
}
