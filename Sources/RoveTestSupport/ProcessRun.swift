// A program run to its end with what it wrote collected: for tests that drive scripts and binaries.

import Foundation

/// Runs `executable` with exactly `environment` (nothing inherited) in `folder`, waits for it,
/// and returns its exit status and what it wrote to standard output and standard error.
public func runToEnd(_ executable: String, _ arguments: [String], environment: [String: String],
                     in folder: String? = nil) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Both pipes are read before waiting, so a child that fills one cannot stall on it.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self))
}
