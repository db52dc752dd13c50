// The owning Swift types for libcurl's easy handle and header list; nothing else touches them raw.

import CCurl

/// A libcurl call that did not return CURLE_OK.
struct CurlCallError: Error {
    let code: CURLcode
}

/// libcurl is loaded (dlopen) and initialised on first use, once, whichever thread gets there
/// first: runs that make no request never load it.
enum CurlLibrary {
    /// Loads and initialises libcurl if nobody has yet; false when it could not be.
    static func ensureInitialised() -> Bool { loadFailure == nil }

    /// Why libcurl could not be loaded, or nil when it is ready.
    static var loadFailure: String? { rove_curl_load().map { String(cString: $0) } }
}

/// One easy handle, cleaned up when the last reference goes.
///
/// The handle is reset and reused between requests rather than recreated: the connections
/// themselves live in the multi handle's pool, but reuse also keeps curl's per-handle caches.
final class CurlEasy {
    let handle: UnsafeMutableRawPointer
    /// CURLOPT_ERRORBUFFER: curl writes a specific message here ("failed to connect to … port …")
    /// which is more useful than the generic text of the CURLcode.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// Whether the handle holds exactly the options of a plain GET on its transport, so the
    /// next plain GET need set only what differs per request.
    var holdsPlainGetOptions = false

    init?() {
        guard CurlLibrary.ensureInitialised(), let handle = rove_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        rove_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Forgets every option of the previous request; keeps caches and the error buffer's storage.
    func reset() throws(CurlCallError) {
        rove_easy_reset(handle)
        errorBuffer[0] = 0
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    }

    /// Empties the error buffer, for a handle reused without a reset.
    func clearErrorDetail() {
        errorBuffer[0] = 0
    }

    /// The message curl left in the error buffer for the last failure, or "" when it left none.
    var lastErrorDetail: String { String(cString: errorBuffer) }

    func set(_ option: CURLoption, _ value: Int) throws(CurlCallError) {
        try check(rove_easy_setopt_long(handle, option, value))
    }

    func set(_ option: CURLoption, _ value: Bool) throws(CurlCallError) {
        try set(option, value ? 1 : 0)
    }

    /// curl copies string options, so `value` need not outlive the call.
    func set(_ option: CURLoption, _ value: String) throws(CurlCallError) {
        try check(rove_easy_setopt_string(handle, option, value))
    }

    func set(_ option: CURLoption, offset value: Int64) throws(CurlCallError) {
        try check(rove_easy_setopt_off(handle, option, curl_off_t(value)))
    }

    /// curl keeps the pointer, not a copy: the caller keeps the memory alive for the transfer.
    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(CurlCallError) {
        try check(rove_easy_setopt_pointer(handle, option, value))
    }

    /// curl keeps the list, not a copy: the caller keeps `list` alive for the transfer.
    func set(_ option: CURLoption, list: CurlHeaderList) throws(CurlCallError) {
        try check(rove_easy_setopt_slist(handle, option, list.head))
    }

    typealias DataCallback = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int
    typealias ProgressCallback = @convention(c) (UnsafeMutableRawPointer?, curl_off_t, curl_off_t, curl_off_t, curl_off_t) -> Int32

    /// CURLOPT_WRITEFUNCTION or CURLOPT_HEADERFUNCTION, which share a signature.
    func set(_ option: CURLoption, callback: DataCallback) throws(CurlCallError) {
        try check(rove_easy_setopt_write(handle, option, callback))
    }

    func setProgress(_ callback: ProgressCallback) throws(CurlCallError) {
        try check(rove_easy_setopt_progress(handle, callback))
    }

    func info(_ info: CURLINFO) -> Int? {
        var value = 0
        return rove_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : nil
    }

    private func check(_ code: CURLcode) throws(CurlCallError) {
        guard code == CURLE_OK else { throw CurlCallError(code: code) }
    }
}

/// A `curl_slist` of header lines, freed with its owner.
final class CurlHeaderList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init() {}

    deinit { rove_slist_free_all(head) }

    /// Appends one line; false when curl could not allocate.
    @discardableResult
    func append(_ line: String) -> Bool {
        guard let extended = rove_slist_append(head, line) else { return false }
        head = extended
        return true
    }
}
