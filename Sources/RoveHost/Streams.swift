// The byte streams the CLI reads and writes, as protocols so tests and embedding hosts can inject their own.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the CLI writes: standard output, standard error, or a buffer in a test.
public protocol TextOutput: AnyObject {
    /// Appends `text`; implementations may buffer it until `flush()`.
    func write(_ text: String)
    /// Pushes any buffered text to its destination.
    func flush()
}

/// Where the CLI reads programs and plain REPL lines from.
public protocol TextInput: AnyObject {
    /// The next line without its terminator, or nil at the end of input.
    func readLine() -> String?
    /// Everything up to the end of input.
    func readToEnd() -> String
}

/// Standard output or error, written with write(2).
///
/// Output is collected in a buffer and written in large pieces: one write(2) per `print` would make
/// scripts that print a lot several times slower. `lineBuffered` flushes at each newline instead,
/// which is what a person watching a terminal expects.
public final class FileDescriptorOutput: TextOutput {
    private let descriptor: Int32
    private let lineBuffered: Bool
    private var buffer: [UInt8] = []
    private static let capacity = 64 * 1024

    public init(descriptor: Int32, lineBuffered: Bool) {
        self.descriptor = descriptor
        self.lineBuffered = lineBuffered
        buffer.reserveCapacity(Self.capacity)
    }

    deinit { flush() }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity || (lineBuffered && text.utf8.contains(UInt8(ascii: "\n"))) {
            flush()
        }
    }

    public func flush() {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { bytes in
                #if canImport(Glibc)
                Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                #else
                Darwin.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                #endif
            }
            if result < 0 && errno == EINTR { continue }
            // A closed pipe (`rove script | head`) or a full disk: the text has nowhere to go, so drop it.
            if result <= 0 { break }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Standard input, read with read(2) so that no C stdio buffer sits between it and libedit.
public final class FileDescriptorInput: TextInput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func readLine() -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > position && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[position..<end], as: UTF8.self)
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = String(decoding: buffer[position...], as: UTF8.self)
                position = buffer.count
                return line
            }
            fill()
        }
    }

    public func readToEnd() -> String {
        while !atEnd { fill() }
        let text = String(decoding: buffer[position...], as: UTF8.self)
        position = buffer.count
        return text
    }

    /// Reads one more chunk into the buffer, dropping what has been consumed.
    private func fill() {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { atEnd = true; return }
            buffer.append(contentsOf: chunk[0..<count])
            return
        }
    }
}
