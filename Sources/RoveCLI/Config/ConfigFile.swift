// The TOML subset rove's config files are written in, parsed by hand into located values.

import RoveCore

/// A parsed config file.
///
/// The subset: `# comments`, `[table]` and `[dotted.table]` headers, `key = value` with bare,
/// quoted and dotted keys, basic strings with escapes, 'literal strings', decimal integers,
/// booleans and arrays of them (`allow_read = ["/srv/data", "out"]`, over several lines if need
/// be). Everything else (floats, dates, inline tables, multi-line strings) is a
/// located error rather than a silent misreading, so a file that parses here means the same
/// in any TOML reader. A package would bring all of TOML for a handful of settings; this file is the whole reader.
struct ConfigFile {
    /// The text, kept so that later errors about a setting can point into it.
    let source: SourceFile
    /// The top-level table.
    let root: ConfigTable

    /// Parses `text`; `name` is how errors name the file (`config.toml:3:7: expected a value`).
    init(parsing text: String, name: String) throws(Diagnostic) {
        var parser = ConfigParser(source: SourceFile(name: name, text: text))
        root = try parser.parseFile()
        source = parser.source
    }
}

/// A key as written: its text and where it starts.
private typealias WrittenKey = (name: String, location: SourceLocation)

/// Reads one file line by line into nested tables.
private struct ConfigParser {
    let source: SourceFile
    private let bytes: [UInt8]
    private var position = 0
    private var root = ConfigTable()
    /// The table named by the latest header; `key = value` lines go into it.
    private var currentTable: [WrittenKey] = []

    init(source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    mutating func parseFile() throws(Diagnostic) -> ConfigTable {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        while position < bytes.count {
            skipSpaces()
            switch peek() {
            case UInt8(ascii: "["):
                try parseHeader()
                try expectEndOfLine(after: "the table header")
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), nil:
                try expectEndOfLine(after: "the comment")
            default:
                try parseKeyValue()
                try expectEndOfLine(after: "the value")
            }
        }
        return root
    }

    // MARK: Lines

    private mutating func parseHeader() throws(Diagnostic) {
        let start = position
        position += 1
        if peek() == UInt8(ascii: "[") {
            throw error("arrays of tables ([[...]]) are not supported", at: start)
        }
        skipSpaces()
        let path = try parseKeyPath()
        skipSpaces()
        guard peek() == UInt8(ascii: "]") else {
            throw error("expected ']' after the table name", at: position)
        }
        position += 1
        let header = location(start)
        try Self.withTable(at: path[...], in: &root) { (table: inout ConfigTable) throws(Diagnostic) in
            if table.isDefinedByHeader {
                let name = path.map(\.name).joined(separator: ".")
                throw Diagnostic(.config, "duplicate table '\(name)'", at: header)
            }
            table.isDefinedByHeader = true
            table.location = header
        }
        currentTable = path
    }

    private mutating func parseKeyValue() throws(Diagnostic) {
        let path = try parseKeyPath()
        skipSpaces()
        guard peek() == UInt8(ascii: "=") else {
            throw error("expected '=' after the key", at: position)
        }
        position += 1
        skipSpaces()
        let valueStart = position
        let value = try parseValue()
        let last = path[path.count - 1]
        let entry = ConfigEntry(key: last.name, value: value, keyLocation: last.location,
                                valueLocation: location(valueStart))
        try Self.withTable(at: currentTable[...] + path.dropLast(), in: &root) { (table: inout ConfigTable) throws(Diagnostic) in
            guard table[last.name] == nil else {
                throw Diagnostic(.config, "duplicate key '\(last.name)'", at: last.location)
            }
            table.entries.append(entry)
        }
    }

    /// Runs `body` on the table at `path` below `table`, creating the tables on the way that
    /// do not exist yet.
    private static func withTable(
        at path: ArraySlice<WrittenKey>,
        in table: inout ConfigTable,
        _ body: (inout ConfigTable) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        guard let key = path.first else { return try body(&table) }
        let index: Int
        if let existing = table.index(of: key.name) {
            index = existing
        } else {
            table.entries.append(ConfigEntry(
                key: key.name, value: .table(ConfigTable(location: key.location)),
                keyLocation: key.location, valueLocation: key.location))
            index = table.entries.count - 1
        }
        guard case .table(var nested) = table.entries[index].value else {
            let type = table.entries[index].value.typeDescription
            throw Diagnostic(.config, "'\(key.name)' is \(type), not a table", at: key.location)
        }
        // Leave a placeholder while `nested` is changed, so it is not copied on write.
        table.entries[index].value = .boolean(false)
        defer { table.entries[index].value = .table(nested) }
        try withTable(at: path.dropFirst(), in: &nested, body)
    }

    /// After a header, a value or on a blank line: spaces, an optional comment, then a line end.
    private mutating func expectEndOfLine(after what: String) throws(Diagnostic) {
        skipSpaces()
        if peek() == UInt8(ascii: "#") {
            while let byte = peek(), byte != UInt8(ascii: "\n") {
                if byte == UInt8(ascii: "\r") && peek(at: 1) == UInt8(ascii: "\n") { break }
                position += 1
            }
        }
        switch peek() {
        case nil:
            return
        case UInt8(ascii: "\n"):
            position += 1
        case UInt8(ascii: "\r") where peek(at: 1) == UInt8(ascii: "\n"):
            position += 2
        default:
            throw error("expected the end of the line after \(what)", at: position)
        }
    }

    // MARK: Keys

    /// `a`, `"a b"`, `'a'` or `a.b."c"`.
    private mutating func parseKeyPath() throws(Diagnostic) -> [WrittenKey] {
        var path = [try parseKey()]
        while true {
            let save = position
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else {
                position = save
                return path
            }
            position += 1
            skipSpaces()
            path.append(try parseKey())
        }
    }

    private mutating func parseKey() throws(Diagnostic) -> WrittenKey {
        let start = position
        switch peek() {
        case UInt8(ascii: "\""):
            return (try parseBasicString(), location(start))
        case UInt8(ascii: "'"):
            return (try parseLiteralString(), location(start))
        default:
            while let byte = peek(), Self.isBareKeyByte(byte) { position += 1 }
            guard position > start else { throw error("expected a key", at: start) }
            return (String(decoding: bytes[start..<position], as: UTF8.self), location(start))
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    // MARK: Values

    private mutating func parseValue() throws(Diagnostic) -> ConfigValue {
        let start = position
        switch peek() {
        case UInt8(ascii: "\""):
            if peek(at: 1) == UInt8(ascii: "\""), peek(at: 2) == UInt8(ascii: "\"") {
                throw error("multi-line strings are not supported", at: start)
            }
            return .string(try parseBasicString())
        case UInt8(ascii: "'"):
            if peek(at: 1) == UInt8(ascii: "'"), peek(at: 2) == UInt8(ascii: "'") {
                throw error("multi-line strings are not supported", at: start)
            }
            return .string(try parseLiteralString())
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "{"):
            throw error("inline tables are not supported", at: start)
        case let byte? where Self.isBareKeyByte(byte) || byte == UInt8(ascii: "+"):
            return try parseBareValue()
        case _:
            throw error("expected a value", at: start)
        }
    }

    /// `[value, value]`: spread over lines if need be, with comments between the values and
    /// an optional comma after the last, as TOML allows.
    private mutating func parseArray() throws(Diagnostic) -> ConfigValue {
        let start = position
        position += 1
        var items: [ConfigValue] = []
        while true {
            skipArraySpace()
            guard let byte = peek() else { throw error("unterminated array", at: start) }
            if byte == UInt8(ascii: "]") { break }
            items.append(try parseValue())
            skipArraySpace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            case nil:
                throw error("unterminated array", at: start)
            case _:
                throw error("expected ',' or ']' after the array's value", at: position)
            }
        }
        position += 1
        return .array(items)
    }

    /// Blanks, line ends and comments: what may stand between an array's values.
    private mutating func skipArraySpace() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                position += 1
            case UInt8(ascii: "\r") where peek(at: 1) == UInt8(ascii: "\n"):
                position += 2
            case UInt8(ascii: "#"):
                while let next = peek(), next != UInt8(ascii: "\n") { position += 1 }
            default:
                return
            }
        }
    }

    /// `true`, `false` or a decimal integer; other unquoted words are explained.
    private mutating func parseBareValue() throws(Diagnostic) -> ConfigValue {
        let start = position
        while let byte = peek(), Self.isBareKeyByte(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") {
            position += 1
        }
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        switch word {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
            throw error("floats are not supported", at: start)
        default:
            break
        }
        let first = word.unicodeScalars.first!
        guard first == "+" || first == "-" || ("0"..."9").contains(first) else {
            throw error("expected a value (text needs quotes)", at: start)
        }
        if word.contains(":") || word.dropFirst().contains("-") {
            throw error("dates and times are not supported", at: start)
        }
        if word.contains(".") || word.contains("e") || word.contains("E") {
            throw error("floats are not supported", at: start)
        }
        guard let integer = Self.integer(word) else {
            throw error("invalid integer '\(word)'", at: start)
        }
        return .integer(integer)
    }

    /// A TOML decimal integer: an optional sign, no leading zeros, `_` only between digits.
    private static func integer(_ word: String) -> Int? {
        var digits = Substring(word)
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard let first = digits.first, let last = digits.last, first.isASCII, first.isNumber,
              last.isASCII, last.isNumber, !digits.contains("__"),
              digits.allSatisfy({ $0 == "_" || $0.isASCII && $0.isNumber }),
              first != "0" || digits.count == 1 else { return nil }
        return Int((negative ? "-" : "") + digits.filter { $0 != "_" })
    }

    /// `"..."` with the escapes `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    private mutating func parseBasicString() throws(Diagnostic) -> String {
        let start = position
        position += 1
        var text: [UInt8] = []
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n") else {
                throw error("unterminated string", at: start)
            }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                text.append(contentsOf: try parseEscape())
            default:
                try checkNotControl(byte)
                text.append(byte)
                position += 1
            }
        }
    }

    /// One escape sequence, starting at its backslash; returns its UTF-8 bytes.
    private mutating func parseEscape() throws(Diagnostic) -> [UInt8] {
        let start = position
        position += 1
        guard let letter = peek() else { throw error("unterminated string", at: start) }
        position += 1
        switch letter {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "\""): return [UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): return [UInt8(ascii: "\\")]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = letter == UInt8(ascii: "u") ? 4 : 8
            let end = position + count
            guard end <= bytes.count,
                  let value = UInt32(String(decoding: bytes[position..<end], as: UTF8.self), radix: 16),
                  bytes[position..<end].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }),
                  let scalar = Unicode.Scalar(value) else {
                throw error("invalid unicode escape", at: start)
            }
            position = end
            return Array(String(Character(scalar)).utf8)
        default:
            let shown = String(decoding: [letter], as: UTF8.self)
            throw error("invalid escape '\\\(shown)'", at: start)
        }
    }

    /// `'...'`: no escapes at all, which is what Windows paths and regexes want.
    private mutating func parseLiteralString() throws(Diagnostic) -> String {
        let start = position
        position += 1
        let contentStart = position
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n") else {
                throw error("unterminated string", at: start)
            }
            if byte == UInt8(ascii: "'") { break }
            try checkNotControl(byte)
            position += 1
        }
        defer { position += 1 }
        return String(decoding: bytes[contentStart..<position], as: UTF8.self)
    }

    /// TOML strings may hold tabs but no other control characters; they must be escaped.
    private func checkNotControl(_ byte: UInt8) throws(Diagnostic) {
        if byte < 0x20 && byte != 0x09 || byte == 0x7F {
            throw error("control characters in strings must be escaped", at: position)
        }
    }

    // MARK: Bytes

    private func peek(at distance: Int = 0) -> UInt8? {
        position + distance < bytes.count ? bytes[position + distance] : nil
    }

    private mutating func skipSpaces() {
        while peek() == UInt8(ascii: " ") || peek() == UInt8(ascii: "\t") { position += 1 }
    }

    private func location(_ offset: Int) -> SourceLocation {
        SourceLocation(file: source, offset: offset)
    }

    private func error(_ message: String, at offset: Int) -> Diagnostic {
        Diagnostic(.config, message, at: location(offset))
    }
}
