// Retry-After in its delay-seconds form and all three HTTP-date forms.

@testable import RoveHTTP
import XCTest

final class ClientRetryAfterTests: XCTestCase {
    /// Sun, 06 Nov 1994 08:49:37 GMT.
    let now: Double = 784_111_777

    func testDelaySeconds() {
        XCTAssertEqual(RetryAfter.seconds("120", now: now), 120)
        XCTAssertEqual(RetryAfter.seconds(" 0 ", now: now), 0)
        XCTAssertNil(RetryAfter.seconds("-1", now: now))
        XCTAssertNil(RetryAfter.seconds("1.5", now: now))
        XCTAssertNil(RetryAfter.seconds("soon", now: now))
        XCTAssertNil(RetryAfter.seconds("", now: now))
    }

    func testTheThreeDateForms() {
        XCTAssertEqual(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"), now)
        XCTAssertEqual(RetryAfter.httpDate("Sunday, 06-Nov-94 08:49:37 GMT"), now)
        XCTAssertEqual(RetryAfter.httpDate("Sun Nov  6 08:49:37 1994"), now)
        XCTAssertEqual(RetryAfter.httpDate("Thu, 01 Jan 1970 00:00:00 GMT"), 0)
        XCTAssertEqual(RetryAfter.httpDate("Tue, 29 Feb 2028 23:59:59 GMT"), 1_835_481_599)
    }

    func testDatesGiveTheWaitFromNowAndNeverANegativeOne() {
        XCTAssertEqual(RetryAfter.seconds("Sun, 06 Nov 1994 08:50:37 GMT", now: now), 60)
        XCTAssertEqual(RetryAfter.seconds("Sun, 06 Nov 1994 08:00:00 GMT", now: now), 0)
    }

    func testMalformedDatesAreIgnored() {
        for text in ["Sun, 06 Nov 1994 08:49:37 PST", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                     "Sun, 06 Nov 1994 25:00:00 GMT", "Sun, 06 Nov 1994 08:49 GMT", "06 Nov 1994"] {
            XCTAssertNil(RetryAfter.httpDate(text), text)
        }
    }
}
