// Fault specs parsed and drawn without a server: rates, errors, determinism.

@testable import RoveSimulator
import XCTest

final class ServerFaultPlanTests: XCTestCase {
    func testParsesKindsAndRatesInOrder() throws {
        let plan = try FaultPlan(parsing: "503:0.1, reset:1 ,nonext:0", retryAfterSeconds: 2)
        XCTAssertEqual(plan.entries.map(\.kind), [.serviceUnavailable, .reset, .nonext])
        XCTAssertEqual(plan.entries.map(\.rate), [0.1, 1, 0])
        XCTAssertEqual(plan.retryAfterSeconds, 2)
        XCTAssertEqual(plan.spec, "503:0.1,reset:1,nonext:0")
    }

    func testEveryKindIsSpelledAsTheFlagTakesIt() throws {
        let spec = "503:1,429:1,500:1,reset:1,truncate:1,invalid:1,nonext:1"
        XCTAssertEqual(try FaultPlan(parsing: spec).entries.map(\.kind), FaultKind.allCases)
    }

    func testEmptySpecIsNoFaults() throws {
        XCTAssertEqual(try FaultPlan(parsing: ""), .none)
        XCTAssertEqual(try FaultPlan(parsing: " "), .none)
    }

    func testBadSpecsSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("503", "fault '503' needs a rate, as in 503:0.1"),
            ("503:1.5", "fault rate '1.5' in '503:1.5' is not a number from 0 to 1"),
            ("503:-0.1", "fault rate '-0.1' in '503:-0.1' is not a number from 0 to 1"),
            ("503:nan", "fault rate 'nan' in '503:nan' is not a number from 0 to 1"),
            ("404:1", "unknown fault '404'; the faults are 503, 429, 500, reset, truncate, invalid or nonext"),
            ("503:1,,reset:1", "empty fault in '503:1,,reset:1'; write KIND:RATE,KIND:RATE"),
            ("503:1,503:0.5", "fault '503' is given twice"),
        ]
        for (spec, message) in cases {
            XCTAssertThrowsError(try FaultPlan(parsing: spec), spec) { error in
                XCTAssertEqual((error as? FaultPlanError)?.message, message)
            }
        }
    }

    func testRateOneAlwaysHitsAndZeroNever() throws {
        let injector = FaultInjector(plan: try FaultPlan(parsing: "500:0,truncate:1"), seed: 9)
        for _ in 0..<100 {
            XCTAssertEqual(injector.draw(), FaultDraw(answer: nil, truncatesBody: true, omitsNextPageLink: false))
        }
    }

    func testTheFirstListedAnswerWins() throws {
        let plan = try FaultPlan(parsing: "reset:1,503:1,nonext:1", retryAfterSeconds: 4)
        let injector = FaultInjector(plan: plan, seed: 1)
        XCTAssertEqual(injector.draw(), FaultDraw(answer: .reset, truncatesBody: false, omitsNextPageLink: true,
                                                  retryAfterSeconds: 4))
    }

    func testDrawsRepeatForASeedAndRestartWhenThePlanIsReplaced() throws {
        let plan = try FaultPlan(parsing: "503:0.3,reset:0.3,nonext:0.5")
        let first = FaultInjector(plan: plan, seed: 5)
        let second = FaultInjector(plan: plan, seed: 5)
        let draws = (0..<200).map { _ in first.draw() }
        XCTAssertEqual((0..<200).map { _ in second.draw() }, draws)
        XCTAssertTrue(Set(draws.map { $0.answer?.rawValue ?? "-" }).count == 3, "all outcomes should occur")
        first.replacePlan(with: plan)
        XCTAssertEqual((0..<200).map { _ in first.draw() }, draws)
        let other = FaultInjector(plan: plan, seed: 6)
        XCTAssertNotEqual((0..<200).map { _ in other.draw() }, draws)
    }

    func testRatesAreRoughlyHonoured() throws {
        let injector = FaultInjector(plan: try FaultPlan(parsing: "500:0.25"), seed: 1)
        let hits = (0..<10_000).filter { _ in injector.draw().answer == .internalServerError }.count
        XCTAssertTrue((2_200...2_800).contains(hits), "\(hits) of 10000 at rate 0.25")
    }
}
