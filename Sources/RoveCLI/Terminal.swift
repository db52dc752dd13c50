// What the CLI knows about its terminal: which streams are terminals, how wide, whether colour is wanted.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the process's standard streams, measured once and injectable for tests.
public struct Terminal: Equatable {
    /// Standard input is a terminal: no script argument means the REPL.
    public var input: Bool
    /// Standard output is a terminal: results print for people (tables), not as JSON.
    public var output: Bool
    /// Standard error is a terminal: diagnostics may be coloured.
    public var error: Bool
    /// Standard output's width in columns, when it is a terminal.
    public var width: Int?

    public init(input: Bool, output: Bool, error: Bool, width: Int? = nil) {
        self.input = input
        self.output = output
        self.error = error
        self.width = width
    }

    /// No terminals at all: how a pipeline or a test sees the world.
    public static let none = Terminal(input: false, output: false, error: false)

    /// The process's own standard streams.
    public static func current(environment: [String: String]) -> Terminal {
        let output = isatty(1) == 1
        return Terminal(input: isatty(0) == 1, output: output, error: isatty(2) == 1,
                        width: output ? columns(environment: environment) : nil)
    }

    /// `COLUMNS` when set (people use it to force a width), else the kernel's idea of the window.
    private static func columns(environment: [String: String]) -> Int? {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Colour on a stream that is a terminal, unless `NO_COLOR` is set (https://no-color.org)
    /// or the terminal says it cannot show it.
    static func wantsColor(onTerminal isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
