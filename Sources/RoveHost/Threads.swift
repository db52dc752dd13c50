// Plain POSIX threads: a big-stack thread for the interpreter, small ones for watchers.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interpreter's thread gets this much stack, so deep (but bounded) recursion in scripts and in
/// the parser never meets the 8 MB default of the main thread. Pages are only touched when used.
public let interpreterStackSize = 512 << 20

/// The stack of a main thread on Linux and macOS unless `ulimit -s` says otherwise.
let defaultStackSize = 8 << 20

/// Runs `body` on a new thread with a `stackSize`-byte stack and returns its result; `body` is
/// told the stack size it actually got.
///
/// Falls back to the calling thread when the system refuses such a thread (a tight `ulimit -v`).
public func runOnLargeStack<Result>(stackSize: Int = interpreterStackSize,
                                    _ body: @escaping (_ stackSize: Int) -> Result) -> Result
{
    var result: Result?
    let started = startThread(stackSize: stackSize, detached: false) { result = body(stackSize) }
    guard let thread = started else { return body(defaultStackSize) }
    pthread_join(thread, nil)
    return result!
}

/// Starts `body` on a new thread; nil when the thread cannot be created.
@discardableResult
public func startThread(stackSize: Int, detached: Bool, _ body: @escaping () -> Void) -> pthread_t? {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    if detached { pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) }

    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    let status = pthread_create(&thread, &attributes, { context in
        #if canImport(Glibc)
        let body = Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue()
        #else
        let body = Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue()
        #endif
        body.run()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        return nil
    }
    #if canImport(Glibc)
    return thread
    #else
    return thread!
    #endif
}

/// A closure boxed so it can cross pthread_create's `void *` argument.
private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
