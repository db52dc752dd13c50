// The real clock and sleep the client uses unless a test injects its own.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum SystemClock {
    /// Wall-clock seconds since the Unix epoch: `Retry-After` dates are wall-clock times.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Sleeps `seconds`, waking every 20 ms to ask `shouldStop`, so Ctrl-C during a long
    /// backoff is answered at once rather than after the wait.
    static func sleep(_ seconds: Double, until shouldStop: () -> Bool) {
        let deadline = now() + seconds
        while !shouldStop() {
            let remaining = deadline - now()
            if remaining <= 0 { return }
            let slice = min(remaining, 0.02)
            var request = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
            _ = nanosleep(&request, nil)
        }
    }
}
