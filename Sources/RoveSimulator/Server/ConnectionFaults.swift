// Faults below HTTP: dropping a connection unanswered, and cutting a body short.

import Hummingbird
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thrown out of the responder or a body writer once the connection is closed on purpose:
/// Hummingbird then abandons the exchange instead of answering.
struct ConnectionDropped: Error {}

enum ConnectionFaults {
    /// Closes the connection before anything is written. A zero linger time makes the close
    /// send RST, so the client sees "connection reset" as from a crashed server or a proxy.
    static func reset(_ channel: any Channel) async throws -> Never {
        if let sockets = channel as? any SocketOptionProvider {
            try? await sockets.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
        throw ConnectionDropped()
    }

    /// `response` with its head intact (announcing every byte) but only the first half of its
    /// body, after which the connection closes. An empty body announces one byte that never comes.
    static func truncating(_ response: SimResponse) -> Response {
        let announced = max(response.body.count, 1)
        let sent = Array(response.body.prefix(response.body.count / 2))
        let body = ResponseBody(contentLength: announced) { writer in
            if !sent.isEmpty { try await writer.write(ByteBuffer(bytes: sent)) }
            // A normal close (not a reset) so the bytes already written still arrive.
            throw ConnectionDropped()
        }
        return Response(status: response.httpStatus, headers: response.httpHeaders(contentLength: announced),
                        body: body)
    }

}
