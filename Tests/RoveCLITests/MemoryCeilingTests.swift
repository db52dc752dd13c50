// The memory a run may take when nobody set a limit: half the machine's, or half the container's.

import Foundation
import RoveCore
import RoveHost
import RoveTestSupport
import XCTest

final class MemoryCeilingTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try temporaryFolder(prefix: "rove-ceiling")
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testTheCeilingIsHalfTheContainersLimitWhenThatIsLower() throws {
        let machine = ProcessMemory.defaultCeiling()
        let table: [(name: String, files: [(String, String)], ceiling: Int)] = [
            ("no cgroup files", [], machine),
            ("cgroup v2 with a limit", [("memory.max", "1073741824\n")], 512 << 20),
            ("cgroup v2 without one", [("memory.max", "max\n")], machine),
            ("cgroup v1 with a limit", [("limit_in_bytes", "2147483648\n")], 1 << 30),
            ("cgroup v1 'unlimited'", [("limit_in_bytes", "9223372036854771712\n")], machine),
            ("v2 without a limit, v1 with one", [("memory.max", "max"), ("limit_in_bytes", "1073741824")], 512 << 20),
            ("a file of nonsense", [("memory.max", "lots")], machine),
        ]
        for row in table {
            let paths = try row.files.map { try file($0.0, $0.1) }
            let missing = folder + "/absent"
            XCTAssertEqual(ProcessMemory.machineCeiling(limitFiles: paths + [missing]), row.ceiling, row.name)
            for path in paths { try FileManager.default.removeItem(atPath: path) }
        }
    }
}
