import XCTest
@testable import RoveProviders
