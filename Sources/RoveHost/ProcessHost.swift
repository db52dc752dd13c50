// The Host of a process: its streams, the real clock, an interruptible sleep and the real file system.

import RoveCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Host {
    /// A host that prints to `output`, reports to `errors` and reads the process's files;
    /// `env` gives the values of `secretVariables` as secrets.
    ///
    /// `shouldStop` lets `sleep` end early on Ctrl-C or the run's time limit instead of holding
    /// the session.
    public static func process(
        output: TextOutput,
        errors: TextOutput,
        environment: [String: String],
        secretVariables: Set<String>,
        arguments: [String],
        shouldStop: @escaping () -> Bool
    ) -> Host {
        Host(
            standardOutput: { output.write($0) },
            standardError: { text in
                // Keep the two streams in order when both go to one terminal or file.
                output.flush()
                errors.write(text)
                errors.flush()
            },
            environment: environment,
            secretVariables: secretVariables,
            arguments: arguments,
            now: {
                var time = timespec()
                clock_gettime(CLOCK_REALTIME, &time)
                return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
            },
            sleep: { seconds in
                // Whoever watches the output should see it before a pause, not after.
                output.flush()
                pause(for: seconds, unless: shouldStop)
            },
            readFile: { path in try FileAccess.contents(of: path) },
            writeFile: { path, text in try FileAccess.store(text, at: path) },
            resolvePath: FileAccess.resolvedPath,
            memoryCeiling: ProcessMemory.machineCeiling()
        )
    }
}

/// Sleeps in short slices so an interrupt ends the pause within a tenth of a second.
private func pause(for seconds: Double, unless shouldStop: () -> Bool) {
    guard seconds > 0, seconds.isFinite else { return }
    var remaining = seconds
    while remaining > 0 && !shouldStop() {
        let slice = min(remaining, 0.1)
        var request = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - slice.rounded(.down)) * 1e9))
        var unslept = timespec()
        while nanosleep(&request, &unslept) != 0 && errno == EINTR {
            if shouldStop() { return }
            request = unslept
        }
        remaining -= slice
    }
}

extension ProcessMemory {
    /// Where a container's memory limit is written: cgroup v2, then v1 (older Docker hosts).
    /// "max" (v2) and v1's near-`Int.max` both mean no limit of the container's own.
    public static let cgroupLimitFiles = ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"]

    /// `defaultCeiling()`, but no more than half the memory the process's cgroup may use: in a
    /// CI container the machine's memory is not the job's.
    public static func machineCeiling(limitFiles: [String] = cgroupLimitFiles) -> Int {
        let machine = defaultCeiling()
        for file in limitFiles {
            guard let text = try? FileAccess.contents(of: file),
                  let cgroup = Int(text.filter { !$0.isWhitespace }), cgroup > 0
            else { continue }
            return min(machine, cgroup / 2)
        }
        return machine
    }
}
