// Whole-file reads of every size and kind of file: what `readFile` hands a script.

import Foundation
import RoveCore
import RoveHost
import RoveTestSupport
import XCTest

final class FileAccessTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try temporaryFolder(prefix: "rove-read", realPath: true)
    }

    /// Sizes around the first read's buffer (the file's size, or 64 KB when it has none) and
    /// bytes that are not UTF-8, which read as U+FFFD as before.
    func testFilesOfEverySizeReadWhole() throws {
        let table: [(name: String, bytes: [UInt8], text: String)] = [
            ("empty", [], ""),
            ("one byte", [0x61], "a"),
            ("accents", Array("é\u{301}🇫🇷".utf8), "é\u{301}🇫🇷"),
            ("invalid UTF-8", [0x61, 0xFF, 0x62, 0xC3], "a\u{FFFD}b\u{FFFD}"),
            ("64 KB", Array(repeating: 0x78, count: 65_536), String(repeating: "x", count: 65_536)),
            ("64 KB and one", Array(repeating: 0x79, count: 65_537), String(repeating: "y", count: 65_537)),
            ("1 MB", Array(repeating: 0x7A, count: 1 << 20), String(repeating: "z", count: 1 << 20)),
        ]
        for row in table {
            let path = root + "/" + row.name
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(row.bytes)))
            XCTAssertEqual(try FileAccess.contents(of: path), row.text, row.name)
        }
    }

    /// A pipe has no size: it is read in growing chunks to its end, however long it is.
    func testAPipeIsReadToItsEnd() throws {
        let path = root + "/fifo"
        guard mkfifo(path, 0o600) == 0 else { throw XCTSkip("no fifo") }
        let text = String(repeating: "0123456789", count: 30_000)  // 300 KB: grows the buffer twice
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)
            handle?.write(Data(text.utf8))
            try? handle?.close()
        }
        writer.start()
        XCTAssertEqual(try FileAccess.contents(of: path), text)
    }

    func testWhatCannotBeReadIsAnIOError() {
        for path in [root + "/missing", root] {
            XCTAssertThrowsError(try FileAccess.contents(of: path)) { error in
                XCTAssertEqual((error as? Diagnostic)?.kind, .io, path)
            }
        }
    }
}
