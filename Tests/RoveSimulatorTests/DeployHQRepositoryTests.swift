// A project's repository: a new project has none, a script creates it, changes its branch, deploys from it.

import XCTest
@testable import RoveSimulator

final class DeployHQRepositoryTests: XCTestCase {
    let harness = DeployHQHarness(taskSeconds: 10)

    func newProject(_ name: String = "Shop") -> JSONValue {
        harness.json("POST", "/projects", body: #"{"project": {"name": "\#(name)"}}"#)
    }

    func testANewProjectHasNoRepositoryUntilOneIsCreated() {
        let project = newProject()
        XCTAssertEqual(project["repository"], .null)
        XCTAssertEqual(project["repository_url"], .null)
        XCTAssertEqual(harness.get("/projects/shop/repository", status: 404)["error_code"], "record_not_found")
        XCTAssertEqual(harness.get("/projects/shop/repository/branches", status: 404)["error_code"], "record_not_found")
        let created = harness.json("POST", "/projects/shop/repository",
                                   body: #"{"repository": {"scm_type": "git", "url": "https://github.com/acme/shop.git", "branch": "main", "password": "s3cret"}}"#)
        XCTAssertEqual(created["url"], "https://github.com/acme/shop.git")
        XCTAssertEqual(created["branch"], "main")
        XCTAssertNil(created["password"], "credentials are never shown")
        XCTAssertEqual(created["hosting_service"]?["name"], "GitHub")
        XCTAssertEqual(created["hosting_service"]?["tree_url"], "https://github.com/acme/shop/tree/main")
        XCTAssertEqual(harness.get("/projects/shop")["repository"], created)
        XCTAssertEqual(harness.get("/projects/shop")["repository_url"], "https://github.com/acme/shop.git")
        XCTAssertEqual(harness.get("/projects/shop/repository"), created)
        let tip = harness.get("/projects/shop/repository/latest_revision")["ref"]?.stringValue ?? ""
        XCTAssertEqual(tip.count, 40)
        XCTAssertEqual(harness.get("/projects/shop/repository/branches")["main"], .string(tip))
    }

    func testAScriptCanSetUpAProjectAndDeployIt() {
        _ = newProject()
        _ = harness.json("POST", "/projects/shop/repository", body: #"{"repository": {"url": "git@gitlab.com:acme/shop.git"}}"#)
        let server = harness.json("POST", "/projects/shop/servers",
                                  body: #"{"server": {"name": "Live", "protocol_type": "ssh", "hostname": "live.test", "username": "deploy"}}"#)
        let created = harness.json("POST", "/projects/shop/deployments", body: """
            {"deployment": {"parent_identifier": "\(server["identifier"]?.stringValue ?? "")", "start_revision": "", "end_revision": "__CURRENT__"}}
            """, status: 201)
        harness.clock.advance(20)
        let done = harness.get("/projects/shop/deployments/\(created["identifier"]?.stringValue ?? "")")
        XCTAssertEqual(done["status"], "completed")
        XCTAssertEqual(done["end_revision"]?["ref"], harness.get("/projects/shop/repository/latest_revision")["ref"])
    }

    func testPutChangesOnlyTheBranchRootPathAndHostingType() {
        let before = harness.get("/projects/web/repository")
        let changed = harness.json("PUT", "/projects/web/repository",
                                   body: #"{"repository": {"branch": "develop", "root_path": "app", "url": "git@evil.test:x/y.git", "scm_type": "mercurial"}}"#)
        XCTAssertEqual(changed["branch"], "develop")
        XCTAssertEqual(changed["root_path"], "app")
        XCTAssertEqual(changed["url"], before["url"], "PUT does not replace the repository")
        XCTAssertEqual(changed["scm_type"], "git")
        XCTAssertEqual(changed["hosting_service"]?["tree_url"], "https://github.com/rove-demo/web/tree/develop")
        let branches = harness.get("/projects/web/repository/branches").objectPairs?.map(\.0)
        XCTAssertEqual(branches, ["develop", "main", "feature/checkout"], "the configured branch comes first")
        XCTAssertEqual(harness.json("PATCH", "/projects/web/repository", body: #"{"repository": {"branch": "main"}}"#)["branch"], "main")
        // PUT on a project without a repository has nothing to change.
        _ = newProject()
        XCTAssertEqual(harness.json("PUT", "/projects/shop/repository", body: #"{"repository": {"branch": "main"}}"#, status: 404)["error_code"],
                       "record_not_found")
    }

    func testPostReplacesTheRepositoryAndItsHistory() {
        let oldTip = harness.get("/projects/api/repository/latest_revision")["ref"]
        let replaced = harness.json("POST", "/projects/api/repository",
                                    body: #"{"repository": {"url": "ssh://git@bitbucket.org/acme/api.git", "branch": "trunk", "username": "ci"}}"#)
        XCTAssertEqual(replaced["hosting_service"]?["name"], "Bitbucket")
        XCTAssertEqual(replaced["username"], "ci")
        XCTAssertNotEqual(harness.get("/projects/api/repository/latest_revision")["ref"], oldTip)
        XCTAssertEqual(harness.get("/projects/api/repository/branches").objectPairs?.first?.0, "trunk")
        let other = harness.json("POST", "/projects/api/repository", body: #"{"repository": {"url": "https://git.acme.test/api.git"}}"#)
        XCTAssertEqual(other["hosting_service"]?["name"], "Other")
    }

    func testBadRepositoriesAre422FieldKeyedAndUnknownProjects404() {
        _ = newProject()
        XCTAssertEqual(harness.json("POST", "/projects/shop/repository", body: #"{"repository": {"branch": "main"}}"#, status: 422),
                       .object([("url", ["can't be blank"])]))
        XCTAssertEqual(harness.json("POST", "/projects/shop/repository", body: #"{"url": "git@github.com:a/b.git"}"#, status: 422),
                       .object([("url", ["can't be blank"])]), "the body must be wrapped in `repository`")
        XCTAssertEqual(harness.json("POST", "/projects/shop/repository", body: #"{"repository": {"url": "not a url"}}"#, status: 422)["url"],
                       ["is invalid"])
        XCTAssertEqual(harness.json("POST", "/projects/shop/repository",
                                    body: #"{"repository": {"url": "git@github.com:a/b.git", "scm_type": "cvs"}}"#, status: 422)["scm_type"],
                       ["is not included in the list"])
        XCTAssertEqual(harness.json("POST", "/projects/shop/repository", body: #"{"repository": "#, status: 400)["error_code"], "invalid_json")
        XCTAssertEqual(harness.get("/projects/shop")["repository"], .null, "a refused POST leaves no repository behind")
        XCTAssertEqual(harness.json("POST", "/projects/nope/repository", body: #"{"repository": {"url": "git@github.com:a/b.git"}}"#,
                                    status: 404)["error_code"], "record_not_found")
    }
}
