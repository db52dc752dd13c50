// Scheduled deployments keep their server and work out `next_deployment_at` from the clock.
// The fake clock starts on Friday 2027-01-15 at 08:00 UTC.

import XCTest
@testable import RoveSimulator

final class DeployHQScheduleTests: XCTestCase {
    let harness = DeployHQHarness()

    func schedule(_ fields: String, status: Int = 201) -> JSONValue {
        let server = harness.identifier(of: "Production")
        return harness.json("POST", "/projects/web/scheduled_deployments",
                            body: #"{"scheduled_deployment": {"server_identifier": "\#(server)", \#(fields)}}"#, status: status)
    }

    func testTheSeededDailyRunIsTheNextTwoOClock() {
        let list = harness.get("/projects/web/scheduled_deployments").arrayValue ?? []
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list.first?["server"], "Staging")
        XCTAssertEqual(list.first?["server_identifier"], .string(harness.identifier(of: "Staging")))
        XCTAssertEqual(list.first?["frequency"], "daily")
        XCTAssertEqual(list.first?["next_deployment_at"], "2027-01-16T02:00:00.000+00:00")
        harness.clock.advance(86_400)
        XCTAssertEqual(harness.get("/projects/web/scheduled_deployments").arrayValue?.first?["next_deployment_at"],
                       "2027-01-17T02:00:00.000+00:00", "worked out at read time")
    }

    func testEachFrequencyComputesItsNextRun() {
        let cases: [(String, String)] = [
            (#""frequency": "daily", "at": "09:30""#, "2027-01-15T09:30:00.000+00:00"),
            (#""frequency": "weekly", "weekday": "monday", "at": "06:00""#, "2027-01-18T06:00:00.000+00:00"),
            (#""frequency": "weekly", "weekday": "5", "at": "07:00""#, "2027-01-22T07:00:00.000+00:00"),
            (#""frequency": "monthly", "day": 31, "at": "23:00""#, "2027-01-31T23:00:00.000+00:00"),
            (#""frequency": "monthly", "day": "10""#, "2027-02-10T00:00:00.000+00:00"),
            (#""frequency": "future", "year": 2027, "month": 3, "day": 1, "at": "12:00""#, "2027-03-01T12:00:00.000+00:00"),
            (#""frequency": "custom", "schedule": "*/15 9-17 * * 1-5""#, "2027-01-15T09:00:00.000+00:00"),
        ]
        for (fields, next) in cases {
            XCTAssertEqual(schedule(fields)["next_deployment_at"], .string(next), fields)
        }
        let list = harness.get("/projects/web/scheduled_deployments").arrayValue ?? []
        let times = list.compactMap { $0["next_deployment_at"]?.stringValue }
        XCTAssertEqual(times, times.sorted(), "soonest first")
        XCTAssertEqual(list.count, cases.count + 1)
        XCTAssertTrue(list.filter { $0["server"] == "Production" }.count == cases.count)
    }

    func testAMonthlyRunOnTheThirtyFirstFallsOnTheLastDayOfShortMonths() {
        let created = schedule(#""frequency": "monthly", "day": 31, "at": "01:00""#)
        harness.clock.advance(20 * 86_400)  // 2027-02-04
        XCTAssertEqual(harness.get("/projects/web/scheduled_deployments/\(created["identifier"]?.stringValue ?? "")")["next_deployment_at"],
                       "2027-02-28T01:00:00.000+00:00")
    }

    func testAOneOffLeavesTheListOnceItHasRunAndCannotBeCancelledThen() {
        let once = schedule(#""frequency": "future", "year": 2027, "month": 1, "day": 15, "at": "10:00""#)
        let id = once["identifier"]?.stringValue ?? ""
        harness.clock.advance(3 * 3600)
        XCTAssertFalse((harness.get("/projects/web/scheduled_deployments").arrayValue ?? []).contains { $0["identifier"] == .string(id) })
        let shown = harness.get("/projects/web/scheduled_deployments/\(id)")
        XCTAssertEqual(shown["next_deployment_at"], .null)
        XCTAssertEqual(harness.json("DELETE", "/projects/web/scheduled_deployments/\(id)", status: 422)["errors"]?.arrayValue?.count, 1)
        let daily = schedule(#""frequency": "daily""#)
        XCTAssertEqual(harness.json("DELETE", "/projects/web/scheduled_deployments/\(daily["identifier"]?.stringValue ?? "")")["status"], "deleted")
    }

    func testUpdatesKeepTheServerAndRevisions() {
        let created = schedule(#""frequency": "daily", "at": "09:30", "start_revision": "abc", "copy_config_files": false"#)
        let id = created["identifier"]?.stringValue ?? ""
        let staging = harness.identifier(of: "Staging")
        let updated = harness.json("PUT", "/projects/web/scheduled_deployments/\(id)", body: """
            {"scheduled_deployment": {"frequency": "weekly", "weekday": "sun", "at": "04:15", "server_identifier": "\(staging)", "start_revision": "zzz"}}
            """)
        XCTAssertEqual(updated["server"], "Production")
        XCTAssertEqual(updated["server_identifier"], .string(harness.identifier(of: "Production")))
        XCTAssertEqual(updated["start_revision"], "abc")
        XCTAssertEqual(updated["copy_config_files"], false)
        XCTAssertEqual(updated["next_deployment_at"], "2027-01-17T04:15:00.000+00:00")
        let patched = harness.json("PATCH", "/projects/web/scheduled_deployments/\(id)", body: #"{"scheduled_deployment": {"at": "03:00"}}"#)
        XCTAssertEqual(patched["frequency"], "weekly")
        XCTAssertEqual(patched["next_deployment_at"], "2027-01-17T03:00:00.000+00:00")
        let group = harness.identifier(of: "Web Cluster", in: "server_groups")
        let toGroup = harness.json("POST", "/projects/web/scheduled_deployments",
                                   body: #"{"scheduled_deployment": {"server_identifier": "\#(group)", "frequency": "daily"}}"#, status: 201)
        XCTAssertEqual(toGroup["server"], "Web Cluster")
    }

    func testBadSchedulesAre422WithAnErrorList() {
        let cases: [(String, [String])] = [
            (#""at": "02:00""#, ["Frequency can't be blank"]),
            (#""frequency": "hourly""#, ["Frequency is not included in the list"]),
            (#""frequency": "daily", "at": "25:00""#, ["At is invalid"]),
            (#""frequency": "weekly""#, ["Weekday can't be blank"]),
            (#""frequency": "weekly", "weekday": "funday""#, ["Weekday is not included in the list"]),
            (#""frequency": "monthly", "day": 32"#, ["Day is not included in the list"]),
            (#""frequency": "future", "year": 2027, "month": 2, "day": 30"#, ["Day is invalid"]),
            (#""frequency": "future", "year": 2026, "month": 1, "day": 1"#, ["Next deployment at must be in the future"]),
            (#""frequency": "custom", "schedule": "every day""#, ["Schedule is invalid"]),
            (#""frequency": "custom""#, ["Schedule can't be blank"]),
        ]
        for (fields, errors) in cases {
            XCTAssertEqual(schedule(fields, status: 422), .object([("errors", .strings(errors))]), fields)
        }
        let noServer = harness.json("POST", "/projects/web/scheduled_deployments", body: #"{"scheduled_deployment": {"frequency": "daily"}}"#,
                                    status: 422)
        XCTAssertEqual(noServer["errors"], ["Server identifier can't be blank"])
        let unknown = harness.json("POST", "/projects/web/scheduled_deployments",
                                   body: #"{"scheduled_deployment": {"server_identifier": "nope", "frequency": "daily"}}"#, status: 422)
        XCTAssertEqual(unknown["errors"], ["Server must exist"])
        XCTAssertEqual(harness.get("/projects/web/scheduled_deployments/nope", status: 404)["error_code"], "record_not_found")
        XCTAssertEqual(harness.send("PUT", "/projects/web/scheduled_deployments/nope", body: "{}").status, 404)
        XCTAssertEqual(harness.get("/projects/nope/scheduled_deployments", status: 404)["error_code"], "record_not_found")
        let id = harness.get("/projects/web/scheduled_deployments").arrayValue?.first?["identifier"]?.stringValue ?? ""
        XCTAssertEqual(harness.json("PATCH", "/projects/web/scheduled_deployments/\(id)", body: #"{"scheduled_deployment": {"frequency": "yearly"}}"#,
                                    status: 422)["errors"], ["Frequency is not included in the list"])
        XCTAssertEqual(harness.get("/projects/web/scheduled_deployments/\(id)")["frequency"], "daily", "a refused update changes nothing")
    }
}
