// Libraries a host bundles into its interpreter: imported as "std/<name>", never from disk.

import RoveCore
import XCTest

final class BundledLibraryTests: XCTestCase {
    /// An interpreter whose host bundled `tools.rove`, with the file system refusing every read.
    private func interpreter(printingTo output: @escaping (String) -> Void) -> Interpreter {
        let interpreter = Interpreter(host: Host(standardOutput: output, readFile: { path in
            throw Diagnostic(.io, "the disk was read for '\(path)'")
        }))
        interpreter.bundle(library: "tools.rove", source: """
            print("loading tools")
            fn twice(x) { return x * 2 }
            fn broken() { return [][1] }
            """)
        return interpreter
    }

    func testAHostsLibraryIsImportedOnceAsAStandardOne() throws {
        var output = ""
        let interpreter = interpreter { output += $0 }
        try interpreter.run(#"import "std/tools.rove"; import "std/tools.rove"; print(twice(21))"#, file: "job.rove")
        XCTAssertEqual(output, "loading tools\n42\n")
    }

    /// As in the language's own library, an error inside points at the script's call.
    func testErrorsInsideABundledLibraryPointAtTheCall() {
        let interpreter = interpreter { _ in }
        XCTAssertThrowsError(try interpreter.run("import \"std/tools.rove\"\n\nbroken()", file: "job.rove")) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.kind, .index)
            XCTAssertEqual(diagnostic?.location?.file.name, "job.rove")
            XCTAssertEqual(diagnostic?.location?.line, 3)
        }
    }

    func testOnlyTheLanguagesOwnFilesComeWithoutAHost() {
        XCTAssertThrowsError(try Interpreter().run(#"import "std/octopus.rove""#, file: "job.rove")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "cannot import 'std/octopus.rove': no bundled library named 'octopus.rove'")
        }
    }
}
