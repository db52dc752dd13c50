// Joining a list's items into one string in one allocation.

extension Interpreter {
    /// The items as text with `separator` between them, as `list.join(separator)`. Strings are
    /// copied as they are and other values as `describe` shows them. The length is summed
    /// first and the bytes written once into a string of that size: no array of strings, no
    /// growing, no per-piece append.
    func joined(_ items: [Value], separator: String) throws -> String {
        // Only the items that are not strings are described, and kept in order for the copy.
        var described: [String] = []
        var itemBytes = 0
        for item in items {
            if case .string(let s) = item {
                itemBytes &+= s.utf8.count
            } else {
                let text = describe(item)
                itemBytes &+= text.utf8.count
                described.append(text)
            }
        }
        let separatorBytes = separator.utf8.count
        // One string shared by many items joins into many copies of it.
        try reserveMemory(separatorBytes &* items.count &+ itemBytes)
        let length = itemBytes &+ separatorBytes &* Swift.max(items.count &- 1, 0)
        if length <= ShortStrings.capacity {
            return withUnsafeTemporaryAllocation(byteCount: ShortStrings.capacity &* 2 &+ 2, alignment: 8) { scratch in
                let written = Self.write(items, described, separator: separator, to: scratch.baseAddress!)
                return String.fromValidUTF8(UnsafeRawBufferPointer(rebasing: scratch[..<written]))
            }
        }
        // A short piece is copied as two whole words, so the buffer has room past the end.
        return String(unsafeUninitializedCapacity: length &+ 16) { buffer in
            Self.write(items, described, separator: separator, to: UnsafeMutableRawPointer(buffer.baseAddress!))
        }
    }

    /// Writes the joined text at `destination` and returns its byte count.
    private static func write(
        _ items: [Value], _ described: [String], separator: String, to destination: UnsafeMutableRawPointer
    ) -> Int {
        var at = 0
        var nextDescribed = 0
        for index in items.indices {
            if index != 0 { at &+= separator.copyUTF8(to: destination + at) }
            // The common item, a short string, is copied inline; the rest out of line, which
            // keeps this loop free of calls the optimizer cannot see through.
            if case .string(let s) = items[index], let count = ShortStrings.copyInline(s, to: destination + at) {
                at &+= count
            } else {
                at &+= copyLong(items[index], described, &nextDescribed, to: destination + at)
            }
        }
        return at
    }

    /// Copies an item that is not a short string: a long string, or the next described value.
    @inline(never)
    private static func copyLong(
        _ item: Value, _ described: [String], _ nextDescribed: inout Int, to destination: UnsafeMutableRawPointer
    ) -> Int {
        if case .string(let s) = item { return s.copyUTF8(to: destination) }
        defer { nextDescribed &+= 1 }
        return described[nextDescribed].copyUTF8(to: destination)
    }
}
