// The capabilities the language core is given; it never reaches for the process's own.

/// Where output goes and where the clock, environment and files come from.
///
/// The language core never prints, exits or reads the environment by itself: a host (the CLI,
/// a test, an app embedding Rove) injects these, as gojq's `cli.Run` does.
public struct Host {
    /// Receives everything `print` writes.
    public var standardOutput: (String) -> Void
    /// Receives everything `eprint` writes, and warnings and progress.
    public var standardError: (String) -> Void
    /// What `env(name)` reads.
    public var environment: [String: String]
    /// The variables of `environment` that hold credentials: `env(name)` returns their values as
    /// secrets (`•••` wherever they are shown), never as plain strings.
    public var secretVariables: Set<String>
    /// What `args` holds: the script's own arguments.
    public var arguments: [String]
    /// Seconds since 1970, for `now()`.
    public var now: () -> Double
    /// Blocks for the given seconds, for `sleep(s)`; should return early when interrupted.
    public var sleep: (Double) -> Void
    /// Reads a whole file as UTF-8, for `readFile` and `import`; throws an `.io` diagnostic.
    public var readFile: (String) throws -> String
    /// Writes a whole file, for `writeFile`; throws an `.io` diagnostic.
    public var writeFile: (String, String) throws -> Void
    /// The file a path really names, for the checks of `Interpreter.policy`: the process host
    /// makes it absolute and resolves `..` and symbolic links (realpath), so no spelling or link
    /// leads out of an allowed root. Without a file system a path can only be tidied lexically.
    public var resolvePath: (String) -> String
    /// Sets a step output of the pipeline the script runs in, for `output(name, value)`: the
    /// name is checked already (`StepOutput.isValidName`), the value is text without control
    /// characters other than tab and line breaks. Throws a diagnostic when this pipeline cannot
    /// carry the value. Nil: `name=value` on standard output, the form for no pipeline at all.
    public var setOutput: ((String, String) throws -> Void)?
    /// The process's memory in bytes, as the memory limit measures it (a run may add
    /// `Limits.memory` to what this said when it started). Asked every few thousand steps and
    /// before any large value is made, so it must be cheap.
    public var memoryInUse: () -> Int
    /// What a run may add to `memoryInUse` when its limits set no memory limit.
    public var memoryCeiling: Int
    /// The columns text for people (`help`) is wrapped to: a terminal's width, read each time
    /// it is asked, so a resized window is followed. Nil, for a log or a pipe, wraps nothing.
    public var outputWidth: () -> Int? = { nil }

    public init(
        standardOutput: @escaping (String) -> Void = { _ in },
        standardError: @escaping (String) -> Void = { _ in },
        environment: [String: String] = [:],
        secretVariables: Set<String> = [],
        arguments: [String] = [],
        now: @escaping () -> Double = { 0 },
        sleep: @escaping (Double) -> Void = { _ in },
        readFile: @escaping (String) throws -> String = { path in
            throw Diagnostic(.io, "cannot read '\(path)': no file system in this host")
        },
        writeFile: @escaping (String, String) throws -> Void = { path, _ in
            throw Diagnostic(.io, "cannot write '\(path)': no file system in this host")
        },
        resolvePath: @escaping (String) -> String = Policy.normalized,
        setOutput: ((String, String) throws -> Void)? = nil,
        memoryInUse: @escaping () -> Int = ProcessMemory.peakResident,
        memoryCeiling: Int = ProcessMemory.defaultCeiling()
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.secretVariables = secretVariables
        self.arguments = arguments
        self.now = now
        self.sleep = sleep
        self.readFile = readFile
        self.writeFile = writeFile
        self.resolvePath = resolvePath
        self.setOutput = setOutput
        self.memoryInUse = memoryInUse
        self.memoryCeiling = memoryCeiling
    }
}
