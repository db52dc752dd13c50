// The owning Swift type for libcurl's multi handle: the connection pool and the event loop.

import CCurl

/// One multi handle for a transport's whole life, so its connection pool outlives each batch.
final class CurlMulti {
    let handle: UnsafeMutableRawPointer

    init?() {
        guard CurlLibrary.ensureInitialised(), let handle = rove_multi_init() else { return nil }
        self.handle = handle
    }

    deinit { rove_multi_cleanup(handle) }

    func set(_ option: CURLMoption, _ value: Int) -> Bool {
        rove_multi_setopt_long(handle, option, value) == CURLM_OK
    }

    func add(_ easy: CurlEasy) -> Bool {
        rove_multi_add_handle(handle, easy.handle) == CURLM_OK
    }

    func remove(_ easy: CurlEasy) {
        rove_multi_remove_handle(handle, easy.handle)
    }

    /// Does whatever work is ready without blocking; false on a multi-level failure.
    func perform() -> Bool {
        var running: Int32 = 0
        return rove_multi_perform(handle, &running) == CURLM_OK
    }

    /// Sleeps until a socket is ready, `milliseconds` pass, or `wakeUp()` is called.
    func poll(milliseconds: Int32) {
        var ready: Int32 = 0
        rove_multi_poll(handle, nil, 0, milliseconds, &ready)
    }

    /// Ends a `poll` early; libcurl documents this one call as safe from any thread.
    func wakeUp() {
        rove_multi_wakeup(handle)
    }

    /// The next finished transfer: its easy handle and result, or nil when none is waiting.
    func nextCompleted() -> (easy: UnsafeMutableRawPointer, result: CURLcode)? {
        var queued: Int32 = 0
        while let message = rove_multi_info_read(handle, &queued) {
            if message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle {
                return (easy, message.pointee.data.result)
            }
        }
        return nil
    }
}
