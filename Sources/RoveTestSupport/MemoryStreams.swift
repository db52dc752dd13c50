// In-memory standard streams, so tests run the whole CLI in-process and read what it wrote.

import RoveCLI
import RoveCore
import RoveHost

/// Standard output or error captured as a string.
public final class MemoryOutput: TextOutput {
    /// Everything written and flushed so far.
    public private(set) var text = ""
    private var pending = ""
    /// How many times the writer flushed: tests check that output is buffered, not written per call.
    public private(set) var flushCount = 0

    public init() {}

    public func write(_ text: String) { pending += text }

    public func flush() {
        guard !pending.isEmpty else { return }
        text += pending
        pending = ""
        flushCount += 1
    }
}

/// Standard input holding a fixed text.
public final class MemoryInput: TextInput {
    private var remaining: Substring

    public init(_ text: String) { remaining = Substring(text) }

    public func readLine() -> String? {
        guard !remaining.isEmpty else { return nil }
        guard let newline = remaining.firstIndex(of: "\n") else {
            defer { remaining = "" }
            return String(remaining)
        }
        defer { remaining = remaining[remaining.index(after: newline)...] }
        return String(remaining[..<newline])
    }

    public func readToEnd() -> String {
        defer { remaining = "" }
        return String(remaining)
    }
}

/// The result of one in-process run of the CLI.
public struct CLIRun {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
}

extension CLI {
    /// Runs `arguments` with `input` on standard input and returns what the CLI wrote.
    public static func runInMemory(
        _ arguments: [String],
        input: String = "",
        environment: [String: String] = [:],
        terminal: Terminal = .none,
        prepare: @escaping (Interpreter) -> Void = { _ in }
    ) -> CLIRun {
        let output = MemoryOutput(), errors = MemoryOutput()
        let cli = CLI(standardInput: MemoryInput(input), standardOutput: output, standardError: errors,
                      environment: environment, terminal: terminal, prepare: prepare)
        let status = cli.run(arguments)
        output.flush()
        errors.flush()
        return CLIRun(status: status, standardOutput: output.text, standardError: errors.text)
    }
}
