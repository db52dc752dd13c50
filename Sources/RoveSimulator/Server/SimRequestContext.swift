// The per-request context Hummingbird hands the responder: ours keeps the connection's channel.

import Hummingbird
import NIOCore

/// Hummingbird's basic context plus the channel, which the `reset` and `truncate` faults close.
struct SimRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }
}
