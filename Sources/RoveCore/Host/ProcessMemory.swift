// How much memory the process holds and may hold: the two numbers the memory limit compares.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The default memory gauge of a `Host`. Asking the kernel about the process's own size is not
/// reading the environment: no path, no variable, and a host can replace both numbers (tests
/// inject a gauge that grows on demand).
public enum ProcessMemory {
    /// The most memory the process has had resident, in bytes: one `getrusage` call, cheap
    /// enough for the checkpoint's periodic review. Peak rather than current, because only
    /// Linux's /proc knows the current figure, and a peak that grows is what a ceiling must stop.
    public static func peakResident() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        #endif
        #if canImport(Darwin)
        return Int(usage.ru_maxrss)
        #else
        return Int(usage.ru_maxrss) * 1024
        #endif
    }

    /// Half the machine's physical memory: what a run may add when nobody set a limit, leaving
    /// room for a list that doubles its storage at the moment it is measured.
    public static func defaultCeiling() -> Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return 4 << 30 }
        let physical = pages.multipliedReportingOverflow(by: pageSize)
        return physical.overflow ? Int.max / 2 : physical.partialValue / 2
    }
}
