// What the CLI knows about its terminal: which streams are terminals, how wide, whether colour is wanted.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the process's standard streams, measured at start and injectable for tests.
public struct Terminal: Equatable {
    /// Standard input is a terminal: no script argument means the REPL.
    public var input: Bool
    /// Standard output is a terminal: results print for people (tables), not as JSON.
    public var output: Bool
    /// Standard error is a terminal: diagnostics may be coloured.
    public var error: Bool
    /// Standard output's width in columns, when it is a terminal (as measured at start).
    public var width: Int?
    /// Standard output's height in lines, when it is a terminal (as measured at start).
    public var height: Int?
    /// Whether the size is measured again at each use, so a window resized between two
    /// results lays out the second for its new size. The process's own terminal does; an
    /// injected one keeps the size it was given.
    public var followsWindow = false

    public init(input: Bool, output: Bool, error: Bool, width: Int? = nil, height: Int? = nil) {
        self.input = input
        self.output = output
        self.error = error
        self.width = width
        self.height = height
    }

    /// No terminals at all: how a pipeline or a test sees the world.
    public static let none = Terminal(input: false, output: false, error: false)

    /// The process's own standard streams.
    public static func current(environment: [String: String]) -> Terminal {
        let output = isatty(1) == 1
        var terminal = Terminal(input: isatty(0) == 1, output: output, error: isatty(2) == 1)
        if output {
            terminal.followsWindow = true
            (terminal.width, terminal.height) = measure(environment: environment)
        }
        return terminal
    }

    /// The size now: measured again when following the window, else as given.
    func currentSize(environment: [String: String]) -> (width: Int?, height: Int?) {
        guard output, followsWindow else { return (width, height) }
        let measured = Self.measure(environment: environment)
        return (measured.width ?? width, measured.height ?? height)
    }

    /// `COLUMNS` and `LINES` when set (people use them to force a size), else the kernel's
    /// idea of the window (TIOCGWINSZ, one cheap call per render: nothing to keep in step
    /// with SIGWINCH).
    private static func measure(environment: [String: String]) -> (width: Int?, height: Int?) {
        var size = winsize()
        let window = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 ? size : winsize()
        func setting(_ name: String, else measured: UInt16) -> Int? {
            if let text = environment[name], let value = Int(text), value > 0 { return value }
            return measured > 0 ? Int(measured) : nil
        }
        return (setting("COLUMNS", else: window.ws_col), setting("LINES", else: window.ws_row))
    }

    /// Colour on a stream that is a terminal, unless `NO_COLOR` is set (https://no-color.org)
    /// or the terminal says it cannot show it.
    static func wantsColor(onTerminal isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
