// The `rove-sim` executable: all of it lives in RoveSimulator, so tests can run it in-process.

import RoveSimulator
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(await SimMain.run(Array(CommandLine.arguments.dropFirst())))
