// The pieces a walk plans with: lazy offsets, loop-watching links, and sums that saturate.

@testable import RoveProviders
import XCTest

final class PagePlanTests: XCTestCase {
    func testOffsetsAreMadeABatchAtATimeAndStopAtTheEndOfInt() {
        let cases: [(start: Int, end: Int, step: Int, batches: [[Int]])] = [
            (50, 1550, 500, [[50, 550], [1050], []]),
            (0, 3, 0, [[0, 1], [2], []]),   // a step of 0 would never move
            (Int.max - 10, Int.max, 6, [[Int.max - 10, Int.max - 4], []]),
            (30, 1_000_000_000_000, 30, [[30, 60], [90, 120]]),
            (10, 5, 1, [[]]),
        ]
        for (start, end, step, batches) in cases {
            var offsets = PlannedOffsets(from: start, to: end, step: step, size: step)
            for batch in batches {
                XCTAssertEqual(offsets.take(2), batch, "\(start)..<\(end) by \(step)")
            }
        }
    }

    func testEveryLoopOfNextLinksIsFoundWithinThreeTimesItsLengthAndLead() {
        // Pages 0 … lead + length - 1, the last linking back to page `lead`.
        for lead in 0...20 {
            for length in 1...20 {
                var followed = FollowedLinks(start: "page0")
                var page = 0
                var steps = 0
                while true {
                    page = page + 1 < lead + length ? page + 1 : lead
                    steps += 1
                    if followed.loops(at: "page\(page)") { break }
                    XCTAssertLessThanOrEqual(steps, 3 * (lead + length), "lead \(lead), length \(length)")
                    if steps > 200 { break }   // already reported above; ends a test that failed
                }
                if lead == 0 { XCTAssertEqual(steps, length, "a link back to the first page is caught at once") }
            }
        }
    }

    func testSumsSaturateAtTheEndsOfInt() {
        XCTAssertEqual(Int.max.clampedAdding(1), .max)
        XCTAssertEqual(Int.min.clampedAdding(-1), .min)
        XCTAssertEqual(40.clampedAdding(2), 42)
        XCTAssertEqual(Int.min.clampedSubtracting(1), .min)
        XCTAssertEqual(Int.max.clampedSubtracting(-1), .max)
        XCTAssertEqual((-3).clampedSubtracting(4), -7)
        XCTAssertEqual((Int.max - 1).clampedMultiplied(by: 30), .max)
        XCTAssertEqual((Int.max - 1).clampedMultiplied(by: -30), .min)
        XCTAssertEqual(6.clampedMultiplied(by: 7), 42)
    }
}
