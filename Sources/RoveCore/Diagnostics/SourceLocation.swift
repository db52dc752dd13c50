// Source text and positions in it: what every diagnostic points at.

/// A named piece of source text (a script file, a `-e` argument, a REPL line).
///
/// A class so that every token and diagnostic can point at it without copying the text.
public final class SourceFile {
    /// The name shown in diagnostics: a path, `<stdin>`, `<-e>` or `<repl>`.
    public let name: String
    /// The whole text, as UTF-8 bytes; offsets in locations index into it.
    public let bytes: [UInt8]
    /// True for the standard library files compiled into the binary.
    public let isBundled: Bool
    /// Offsets at which each line starts, computed once on first use.
    private lazy var lineStarts: [Int] = {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        return starts
    }()

    public init(name: String, text: String, isBundled: Bool = false) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.isBundled = isBundled
    }

    /// The 1-based line and column of `offset`.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// The text of 1-based `line`, without its newline.
    func text(ofLine line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A position in a source file.
public struct SourceLocation {
    public let file: SourceFile
    /// Byte offset into `file.bytes`.
    public let offset: Int

    public init(file: SourceFile, offset: Int) {
        self.file = file
        self.offset = offset
    }

    public var line: Int { file.lineAndColumn(of: offset).line }
    public var column: Int { file.lineAndColumn(of: offset).column }

    /// `file:line:column`, as diagnostics and traces print it.
    public var description: String {
        let (line, column) = file.lineAndColumn(of: offset)
        return "\(file.name):\(line):\(column)"
    }
}
