// The `rove` executable: all of it lives in RoveCLI, so tests can run the same code in-process.

import RoveCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(CLI.forThisProcess().run(Array(CommandLine.arguments.dropFirst())))
