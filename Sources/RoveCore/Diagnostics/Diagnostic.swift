// The one error type of the language: every failure, from a stray byte to an HTTP 503, is a Diagnostic.

import OrderedCollections

/// What kind of failure a diagnostic reports; scripts see it as `e.kind`.
///
/// A struct rather than an enum because hosts (the providers) add kinds of their own.
public struct ErrorKind: Hashable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }

    /// Malformed source text.
    public static let syntax = ErrorKind("syntax")
    /// Source text that stops before a construct is complete; the REPL asks for another line.
    public static let unexpectedEnd = ErrorKind("incomplete")
    /// A name that nothing defines.
    public static let name = ErrorKind("name")
    /// An operation applied to a value of the wrong type.
    public static let type = ErrorKind("type")
    /// A bad argument to a builtin or function (`bad argument #2 to 'take' ...`).
    public static let argument = ErrorKind("argument")
    /// An index outside a list or string.
    public static let index = ErrorKind("index")
    /// A value that is the right type but wrong (division by zero, bad JSON, overflow).
    public static let value = ErrorKind("value")
    /// Assignment to a `let` binding or to something that cannot be assigned.
    public static let immutable = ErrorKind("immutable")
    /// Calls nested past the depth limit: runaway recursion.
    public static let stack = ErrorKind("stack")
    /// A value thrown by the script with `throw`.
    public static let thrown = ErrorKind("thrown")
    /// A file that could not be read or written.
    public static let io = ErrorKind("io")
    /// The evaluation was interrupted (Ctrl-C, or a host calling `interrupt()`).
    public static let interrupted = ErrorKind("interrupted")
    /// A limit the runner set was reached (`rove --max-requests`).
    public static let limit = ErrorKind("limit")
    /// The run's policy forbids the action (a file outside the allowed roots, a write in
    /// read-only mode); nothing was done. Exit code 8.
    public static let denied = ErrorKind("denied")
    /// An `assert` or `assertEqual` that did not hold. An ordinary error: `try/catch` catches
    /// it, so a script can check a condition and carry on (docs/cli.md "rove test").
    public static let assertion = ErrorKind("assertion")

    /// Whether `try/catch` lets this pass: an interrupt or a limit stops the whole evaluation,
    /// and a script that could catch it could run on regardless.
    public var passesThroughCatch: Bool { self == .interrupted || self == .limit }
}

/// One frame of a runtime trace: a function and where it was executing, and how many times in
/// a row it appeared (runaway recursion folds into one frame).
public struct TraceFrame {
    public let function: String
    public let location: SourceLocation
    public var repeats = 1

    public init(function: String, location: SourceLocation) {
        self.function = function
        self.location = location
    }
}

/// A located error: syntax errors, runtime errors and errors raised by hosts.
///
/// Diagnostics are rendered to text in exactly one place, `DiagnosticRenderer`.
public struct Diagnostic: Error {
    public var kind: ErrorKind
    /// Lowercase, no trailing period; quotes source text with '...'.
    public var message: String
    /// Where the failure happened; hosts may leave it nil and the interpreter fills in the call site.
    public var location: SourceLocation?
    /// Innermost first: the functions that were running, for runtime errors.
    public var trace: [TraceFrame] = []
    /// Frames left out of `trace` once it reached `maxTraceFrames`.
    public var omittedFrames = 0
    /// Distinct frames kept: enough to read, and an error unwinding 10,000 calls stays cheap.
    static let maxTraceFrames = 64
    /// The value a script threw with `throw`, when it was not a string.
    public var value: Value?
    /// Extra members scripts can read on the error value (`status`, `method`, `url`, `body`).
    public var fields: OrderedDictionary<String, Value> = [:]
    /// While unwinding: the call site in the frame being left, which becomes the next trace entry.
    var unwindSite: SourceLocation?
    /// Places that explain the error, rendered after it: where an unclosed bracket was opened,
    /// what the parser expected where it gave up.
    public var notes: [Note] = []
    /// The other errors found in the same source text, in source order, when there were several.
    ///
    /// Only syntax errors come in numbers: the parser recovers at the next statement and goes on,
    /// so one run shows every mistake in a file (up to `Parser.maxErrors`). The diagnostic
    /// thrown is the first; `allErrors` lists it with these.
    public var furtherErrors: [Diagnostic] = []

    public init(_ kind: ErrorKind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// A syntax error at `location`.
    public static func syntax(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.syntax, message, at: location)
    }

    /// True when the source ended before a construct was complete, and that is all that is
    /// wrong with it: a REPL reads another line while this holds, and reports the errors once
    /// any of them is a mistake no further line can mend.
    public var isUnexpectedEnd: Bool {
        kind == .unexpectedEnd && furtherErrors.allSatisfy { $0.kind == .unexpectedEnd }
    }

    /// The errors no further input could mend, without those saying only that the input ended
    /// early (`'{' was never closed` at the end): what a REPL shows of an entry it gives up
    /// on, whose end the user never reached. Nil when every error is of that kind.
    public func droppingUnexpectedEnds() -> Diagnostic? {
        var errors = allErrors.filter { $0.kind != .unexpectedEnd }
        guard !errors.isEmpty else { return nil }
        var first = errors.removeFirst()
        first.furtherErrors = errors
        return first
    }

    /// This error followed by `furtherErrors`, each without errors of its own to follow.
    public var allErrors: [Diagnostic] {
        var first = self
        first.furtherErrors = []
        return [first] + furtherErrors
    }

    /// Adds the frame of a function the error is leaving, folding a repeat of the last frame.
    mutating func record(_ frame: TraceFrame) {
        if omittedFrames > 0 {
            omittedFrames += 1
        } else if let last = trace.last, last.function == frame.function,
                  last.location.offset == frame.location.offset, last.location.file === frame.location.file {
            trace[trace.count - 1].repeats += 1
        } else if trace.count < Self.maxTraceFrames {
            trace.append(frame)
        } else {
            omittedFrames += 1
        }
    }

    /// Returns this diagnostic located at `location` unless it already has a location.
    func located(at location: SourceLocation) -> Diagnostic {
        guard self.location == nil else { return self }
        var copy = self
        copy.location = location
        return copy
    }
}

extension Diagnostic {
    /// A remark attached to a diagnostic, at a place of its own or at none.
    public struct Note {
        /// Lowercase, no trailing period, like a diagnostic's message.
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }
}

extension Diagnostic: CustomStringConvertible {
    public var description: String { DiagnosticRenderer.render(self, color: false) }
}
