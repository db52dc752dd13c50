// The default view of each resource kind, from documents the simulator serves (Fixtures/Views,
// captured from rove-sim with `rove -o json -e 'octopus.Projects.take(4)'` and the like).

@testable import RoveCLI
import RoveCore
import XCTest

final class TableViewTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Views")

    private func rows(_ name: String) throws -> [Fields] {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent(name + ".json"), encoding: .utf8)
        let value = try Interpreter().decodeJSON(text)
        return try XCTUnwrap(PlainData.records(in: value), name)
    }

    /// The columns each kind's view chooses, left to right, with no width to fit.
    func testViewOfEachKind() throws {
        let table: [(fixture: String, columns: [String])] = [
            ("octopus-projects", ["Name", "Description", "TenantedDeploymentMode", "Id"]),
            ("octopus-releases", ["Version", "ReleaseNotes", "Assembled", "Id"]),
            ("octopus-deployments", ["Name", "Created", "Id"]),
            ("octopus-tasks", ["Name", "Description", "State", "StartTime", "CompletedTime", "Duration", "Id"]),
            ("octopus-environments", ["Name", "Description", "SortOrder", "Id"]),
            ("octopus-machines", ["Name", "StatusSummary", "HealthStatus", "Roles", "Id"]),
            ("deployhq-projects", ["name", "last_deployed_at", "repository_url", "identifier"]),
            ("deployhq-servers", ["name", "hostname", "protocol_type", "environment", "identifier"]),
            ("deployhq-deployments", ["status", "timestamps.started_at", "timestamps.completed_at", "servers", "deployer", "identifier"]),
        ]
        for (fixture, expected) in table {
            let view = TableView(rows: try rows(fixture))
            XCTAssertEqual(view.columns.map(\.key), expected, fixture)
        }
    }

    /// What no view may do, whatever the kind: show links or nested documents, put an
    /// identifier anywhere but last, or show another record's identifier.
    func testEveryViewKeepsTheRules() throws {
        for fixture in ["octopus-projects", "octopus-releases", "octopus-deployments", "octopus-tasks",
                        "octopus-environments", "octopus-machines", "deployhq-projects", "deployhq-servers",
                        "deployhq-deployments"] {
            let rows = try rows(fixture)
            let columns = TableView(rows: rows).columns
            XCTAssertFalse(columns.contains { $0.key == "Links" }, fixture)
            XCTAssertLessThanOrEqual(columns.filter { $0.role == .identifier }.count, 1, fixture)
            if let identifier = columns.firstIndex(where: { $0.role == .identifier }) {
                XCTAssertEqual(identifier, columns.count - 1, fixture)
            }
            for column in columns where column.role != .reference {
                for row in rows {
                    guard let value = column.value(in: row) else { continue }
                    if case .object = value { XCTFail("\(fixture): nested record in column \(column.key)") }
                }
                XCTAssertFalse(FieldRules.namesOtherIdentifier(column.key), "\(fixture): \(column.key)")
            }
        }
    }

    /// The human name stays the first column however narrow the terminal, and a wide one
    /// shows more of the view.
    func testTheNameColumnLeadsAtEveryWidth() throws {
        let table: [(fixture: String, first: String, at80: [String], at200: [String])] = [
            ("octopus-projects", "Name", ["Name", "Description", "TenantedDeploymentMode", "Id"],
             ["Name", "Description", "TenantedDeploymentMode", "Id"]),
            ("octopus-tasks", "Name", ["Name", "Description", "State", "StartTime", "Id"],
             ["Name", "Description", "State", "StartTime", "CompletedTime", "Duration", "Id"]),
            ("deployhq-deployments", "status", ["status", "timestamps.started_at", "servers", "deployer"],
             ["status", "timestamps.started_at", "timestamps.completed_at", "servers", "deployer", "identifier"]),
        ]
        for (fixture, first, at80, at200) in table {
            for (width, expected) in [(80, at80), (200, at200)] {
                let text = render(try rows(fixture), width: width)
                let lines = text.split(separator: "\n").map(String.init)
                XCTAssertEqual(lines.first?.split(separator: " ").map(String.init), expected, "\(fixture) at \(width)")
                XCTAssertTrue(lines.first?.hasPrefix(first) ?? false, "\(fixture) at \(width)")
                for line in lines { XCTAssertLessThanOrEqual(TextWidth.of(line), width, "\(fixture) at \(width): \(line)") }
            }
        }
    }

    /// Small records, as `select` makes them, are shown whole and in their own order: someone
    /// chose those fields.
    func testSmallRecordsKeepTheirFieldsAndOrder() {
        let rows: [Fields] = [["Id": "Projects-1", "Name": "Web", "Links": .object(["Self": "/x"])],
                              ["Id": "Projects-2", "Name": "API", "Links": .object(["Self": "/y"])]]
        XCTAssertEqual(TableView(rows: rows).columns.map(\.key), ["Id", "Name", "Links"])
    }

    /// Plain records past the small size get a view by the same rules as API documents.
    func testPlainRecordsGetAViewToo() {
        let rows: [Fields] = (1...3).map { index in
            ["id": .int(index), "owner_id": .int(7), "title": .string("Item \(index)"), "state": "open",
             "created_at": .string("2025-12-0\(index)T10:00:00Z"), "updated_at": .string("2025-12-0\(index)T11:00:00Z"),
             "body": .string("Text \(index)"), "labels": .list(["bug"]), "url": .string("/items/\(index)"),
             "meta": .object(["x": 1])]
        }
        XCTAssertEqual(TableView(rows: rows).columns.map(\.key), ["title", "state", "created_at", "updated_at", "body", "id"])
    }

    /// Hostile shapes: nothing but nils, a field per row, absurd numbers of fields, values of
    /// every kind under one name. The view stays bounded and never crashes.
    func testOddRowsStillMakeAView() {
        let empty: [Fields] = (0..<10).map { _ in Fields(uniqueKeysWithValues: (0..<12).map { ("f\($0)", Value.null) }) }
        XCTAssertEqual(TableView(rows: empty).columns.map(\.key), (0..<8).map { "f\($0)" })
        let wide: [Fields] = [Fields(uniqueKeysWithValues: (0..<10_000).map { ("field\($0)", Value.int($0)) }),
                              Fields(uniqueKeysWithValues: (0..<10_000).map { ("field\($0)", Value.int(-$0)) })]
        let columns = TableView(rows: wide).columns
        XCTAssertLessThanOrEqual(columns.count, 3)
        let mixed: [Fields] = [["Name": "a", "v": 1], ["Name": 2, "v": "x"], ["Name": .list([1]), "v": nil],
                               ["Name": .object(["a": 1]), "v": true]] + (0..<6).map { ["extra\($0)": .int($0)] }
        XCTAssertNoThrow(render(mixed, width: 40))
        // A list of a million items in every row is never a column, and is not read through.
        let huge = Value.list(Array(repeating: .string("x"), count: 1_000_000))
        let heavy: [Fields] = (0..<3).map { index in
            Fields(uniqueKeysWithValues: [("Name", .string("row \(index)")), ("items", huge)] + (0..<8).map { ("f\($0)", Value.null) })
        }
        XCTAssertEqual(TableView(rows: heavy).columns.map(\.key), ["Name"])
        let hint = render(wide, width: 80).split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(hint.hasPrefix("(\(10_000 - columns.count) more columns"), hint)
        XCTAssertLessThanOrEqual(TextWidth.of(hint), 80)
    }

    /// The hint is cut by whole names and clauses, never mid-word, and always fits.
    func testTheHintFitsTheWidth() {
        let hidden = ["SpaceId", "VariableSetId", "DeploymentProcessId", "ClonedFromProjectId"]
        let table: [(Int, String?)] = [
            (200, "(4 more columns: SpaceId, VariableSetId, DeploymentProcessId, ClonedFromProjectId; pick with select(…), all with :output json)"),
            (80, "(4 more columns: SpaceId, …; pick with select(…), all with :output json)"),
            (100, "(4 more columns: SpaceId, VariableSetId, …; pick with select(…), all with :output json)"),
            (60, "(4 more columns; pick with select(…), all with :output json)"),
            (40, "(4 more columns; :output json shows all)"),
            (20, "(4 more columns)"),
            (5, "(+4)"),
            (3, nil),
        ]
        for (width, expected) in table {
            XCTAssertEqual(MoreColumnsHint.line(hidden: hidden, width: width, audience: .repl), expected, "width \(width)")
        }
        XCTAssertEqual(MoreColumnsHint.line(hidden: ["A"], width: 80, audience: .commandLine),
                       "(1 more column: A; pick with select(…), all with --output json)")
        XCTAssertEqual(MoreColumnsHint.line(hidden: ["evil\u{1B}[2J"], width: 80, audience: .repl),
                       "(1 more column: evil?[2J; pick with select(…), all with :output json)")
    }

    func testDatesShowToTheSecond() {
        let table: [(String, String)] = [
            ("2025-12-31T07:18:25.300+00:00", "2025-12-31 07:18:25Z"), ("2025-12-31T07:18:25Z", "2025-12-31 07:18:25Z"),
            ("2025-12-31T07:18:25+02:00", "2025-12-31 07:18:25+02:00"), ("2025-12-31", "2025-12-31"),
            ("Tuesday, December 30, 2025", "Tuesday, December 30, 2025"), ("2025-12-31T07:18", "2025-12-31T07:18"),
        ]
        for (text, expected) in table { XCTAssertEqual(Column.shortDate(text), expected, text) }
    }

    func testColumnsShareTheCutsAndDropTheLeastWanted() {
        let table: [(natural: [Int], minimum: [Int], priorities: [Int], width: Int?, expected: [Int?])] = [
            ([10, 20, 5], [10, 8, 5], [0, 1, 2], nil, [10, 20, 5]),
            ([10, 20, 5], [10, 8, 5], [0, 1, 2], 40, [10, 20, 5]),
            ([10, 20, 5], [10, 8, 5], [0, 1, 2], 30, [10, 11, 5]),
            ([10, 20, 5], [10, 8, 5], [0, 1, 2], 24, [10, 12, nil]),
            ([10, 20, 5], [10, 8, 5], [0, 2, 1], 19, [10, nil, 5]),
            ([10, 20, 5], [10, 8, 5], [0, 1, 2], 3, [3, nil, nil]),
            ([30, 30], [8, 8], [0, 1], 40, [19, 19]),
        ]
        for (natural, minimum, priorities, width, expected) in table {
            let layout = ColumnLayout(natural: natural, minimum: minimum, priorities: priorities, width: width)
            XCTAssertEqual(layout.widths, expected, "\(natural) in \(width.map(String.init) ?? "nil")")
        }
    }

    private func render(_ rows: [Fields], width: Int) -> String {
        TableFormat(cells: CellText(interpreter: Interpreter()), width: width, palette: .plain, audience: .repl).render(rows)
    }
}
