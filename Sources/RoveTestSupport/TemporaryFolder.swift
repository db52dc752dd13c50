// A fresh folder under /tmp for a test's files, shared by every test target.

import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes a new, empty folder `/tmp/<prefix>-XXXXXX` and returns its path; nil when it cannot.
public func makeTemporaryFolder(prefix: String) -> String? {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { return nil }
    return String(cString: made)
}

/// `makeTemporaryFolder`, by its real path (on macOS `/tmp` is a link to `/private/tmp`): for
/// tests that compare their paths with the ones a policy resolved.
public func makeRealTemporaryFolder(prefix: String) -> String? {
    guard let made = makeTemporaryFolder(prefix: prefix), let real = realpath(made, nil) else { return nil }
    defer { free(real) }
    return String(cString: real)
}

extension XCTestCase {
    /// A fresh folder for the running test, removed with everything in it when the test ends;
    /// the test is skipped when none can be made. With `realPath`, as `makeRealTemporaryFolder`.
    public func temporaryFolder(prefix: String, realPath: Bool = false) throws -> String {
        let made = realPath ? makeRealTemporaryFolder(prefix: prefix) : makeTemporaryFolder(prefix: prefix)
        guard let made else { throw XCTSkip("no temporary folder") }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: made) }
        return made
    }
}
