// Freeing values of any shape without recursion.

import OrderedCollections

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swift frees a value by releasing what it holds, which frees what that holds, and so on: one
/// native stack frame per level, so a list nested a million deep, or a closure capturing a
/// closure capturing a closure a million times over, overflows the stack when it dies.
///
/// The owners that can form such chains move their contents here as they die: deep lists and
/// objects (past `recursionSafeNesting`), boxes holding anything but a scalar or string,
/// functions bound to a receiver, error values. The first of them on a thread frees what it was handed in a loop;
/// any owner dying during that loop only adds its contents to the loop's list and returns. So
/// freeing never nests more than a few frames deep, whatever the value's shape.
///
/// Host objects that hold script values (a resource whose fields a script may set to other
/// resources) call `release(_:)` from their `deinit` the same way.
public enum Dismantling {
    /// Nesting that Swift's own recursive release frees comfortably on any thread: shallower
    /// lists and objects skip the thread lookup.
    static let recursionSafeNesting = 64

    // Each takes what it frees out of its owner (leaving nil or empty) before freeing it: a
    // reference the owner kept would be released after the loop, recursively again.

    /// Frees `value` now, or after the free under way on this thread, leaving nil in its place.
    public static func release(_ value: inout Value) {
        let yard = Yard.current
        yard.pending.append(.null)
        swap(&value, &yard.pending[yard.pending.count - 1])
        yard.drainIfIdle()
    }

    static func release(_ items: inout [Value]) {
        let yard = Yard.current
        yard.pending.append(contentsOf: items)
        items = []
        yard.drainIfIdle()
    }

    /// Frees `count` values at `values`, leaving that memory uninitialized.
    static func release(_ values: UnsafeMutablePointer<Value>, count: Int) {
        let yard = Yard.current
        yard.pending.append(contentsOf: UnsafeBufferPointer(start: values, count: count))
        values.deinitialize(count: count)
        yard.drainIfIdle()
    }

    /// The values waiting to be freed on one thread.
    private final class Yard {
        var pending: [Value] = []
        var isDraining = false

        func drainIfIdle() {
            guard !isDraining else { return }
            isDraining = true
            // Each value is freed as `value` goes out of scope; owners dying meanwhile append.
            while let value = pending.popLast() { _ = value }
            isDraining = false
            if pending.capacity > 4096 { pending = [] }
        }

        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key) { pointer in
                guard let pointer else { return }
                Unmanaged<Yard>.fromOpaque(pointer).release()
            }
            return key
        }()

        static var current: Yard {
            if let pointer = pthread_getspecific(key) {
                return Unmanaged<Yard>.fromOpaque(pointer).takeUnretainedValue()
            }
            let yard = Yard()
            pthread_setspecific(key, Unmanaged.passRetained(yard).toOpaque())
            return yard
        }
    }
}
