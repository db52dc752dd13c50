// What installing the providers adds to an interpreter: `expand` and the helpers written in Rove.

import RoveCore
import RoveProviders
import XCTest

final class ProviderLibraryTests: XCTestCase {
    /// The helpers come with the providers, for any host: no connection, no disk.
    func testTheHelpersAreImportableWhereverProvidersAre() throws {
        let interpreter = Interpreter(host: Host(readFile: { path in throw Diagnostic(.io, "the disk was read for '\(path)'") }))
        _ = Providers(interpreter: interpreter)
        let defined = try interpreter.run("""
            import "std/octopus.rove"
            import "std/deployhq.rove"
            [type(deploy), type(promote), type(deployhqProject), type(expand)]
            """, file: "job.rove")
        XCTAssertEqual(defined.map { interpreter.describe($0) }, #"["function", "function", "function", "function"]"#)
    }
}
