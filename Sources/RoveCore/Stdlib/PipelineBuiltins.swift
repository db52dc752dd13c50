// `output(name, value)`: a step output for the CI system the script runs in, through the host.

enum PipelineBuiltins {
    static let table: [Builtin] = [
        Builtin("output", arity: 2, doc: "output(name, value) — sets a step output of the CI pipeline (docs/cli.md \"CI\")") { args in
            let name = try args.string(0)
            guard StepOutput.isValidName(name) else {
                throw args.badArgument(0, "an output name is letters, digits and '_', not starting with a digit, got \(args.interpreter.repr(args.values[0]))")
            }
            let value = try StepOutput.text(of: args.values[1], args)
            if let control = value.unicodeScalars.first(where: StepOutput.isRefused) {
                let code = String(control.value, radix: 16, uppercase: true)
                throw args.badArgument(1, "the value holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which no pipeline carries")
            }
            let host = args.interpreter.host
            if let setOutput = host.setOutput {
                try setOutput(name, value)
            } else {
                try StepOutput.checkSingleLine(name, value)
                host.standardOutput("\(name)=\(value)\n")
            }
            return .null
        },
    ]
}

/// The rules every pipeline's outputs share, so a hostile name or value is refused the same way
/// whichever system reads it.
public enum StepOutput {
    /// Letters, digits and `_`, not starting with a digit, at most 200 characters: a name every
    /// system accepts as is (GitLab's dotenv is the strictest), so no name needs escaping and
    /// none can end a command or start another (`]`, `'`, `;`, `=`, a line break).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, name.utf8.count <= 200, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }

    /// Control characters other than tab and line breaks: none is text a later step wants, and
    /// an escape sequence could rewrite what a log viewer shows.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00..<0x20, 0x7F: return true
        default: return false
        }
    }

    /// Refuses a line break for the systems that read one output per line (`name=value` and
    /// GitLab's dotenv): it would end the value and let the rest set another output.
    public static func checkSingleLine(_ name: String, _ value: String) throws {
        guard value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return }
        throw Diagnostic(.value, "output '\(name)' holds a line break, which one-line outputs cannot carry; this pipeline reads 'name=value' lines")
    }

    /// Strings as they are; numbers and booleans as `str` writes them. A secret is refused:
    /// outputs are shown in the pipeline's logs and pages.
    static func text(of value: Value, _ args: Arguments) throws -> String {
        switch value {
        case .string(let text): return text
        case .int, .float, .bool: return args.interpreter.describe(value)
        case .host(let object) where object is Secret:
            throw Diagnostic(.denied, "a secret cannot be a step output: pipelines show outputs in their logs")
        case .null, .list, .object, .function, .host:
            throw args.typeError(1, expected: "string, number or boolean")
        }
    }
}
