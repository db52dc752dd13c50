// The files `rove test` runs: `*_test.rove` under the folders given, and the files given as they are.

import RoveCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum TestFiles {
    static let suffix = "_test.rove"

    /// Every test file `paths` name, in order: a file as given (whatever its name: it was asked
    /// for), a folder as its `*_test.rove` files at any depth, sorted. Folders whose names start
    /// with `.` are skipped (`.build`, `.git`): they hold copies and tools, not the project's tests.
    static func find(in paths: [String]) throws(UsageError) -> [String] {
        var files: [String] = []
        for path in paths {
            switch kind(of: path) {
            case .folder: files += testFiles(under: path)
            case .file: files.append(path)
            case .missing: throw UsageError(message: "cannot read '\(path)': no such file or folder")
            }
        }
        return files
    }

    /// Where the recording of `testFile`'s requests lives: beside it, `deploy_test.rove` →
    /// `deploy_test.recording.json`. `rove test --update-recordings` writes it; later runs replay it.
    static func recording(of testFile: String) -> String {
        let stem = testFile.hasSuffix(".rove") ? String(testFile.dropLast(".rove".count)) : testFile
        return stem + ".recording.json"
    }

    /// Whether `path` names something other than a folder that can be opened.
    static func isFile(_ path: String) -> Bool { kind(of: path) == .file }

    private enum Kind { case file, folder, missing }

    /// What `path` is. Inside a folder being searched a link to a folder counts as missing, so a
    /// link loop cannot send the search round forever; links to files are followed.
    private static func kind(of path: String, followingFolderLinks: Bool = true) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { return .file }
        if !followingFolderLinks {
            var link = stat()
            guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFDIR else { return .missing }
        }
        return .folder
    }

    private static func testFiles(under folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var found: [String] = []
        for name in names.sorted() {
            let path = base + name
            switch kind(of: path, followingFolderLinks: false) {
            case .folder: found += testFiles(under: path)
            case .file where name.hasSuffix(suffix): found.append(path)
            case .file, .missing: break
            }
        }
        return found
    }
}
