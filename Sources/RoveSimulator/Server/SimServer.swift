// Runs one Hummingbird listener per simulated service until it is stopped or signalled.

import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// The HTTP side of the simulator: each service gets its own port, request log and fault plan.
///
/// ```
/// let server = SimServer(services: [(octopus, port: 0)], configuration: SimServerConfiguration())
/// try await server.run { listeners in print(listeners[0].url) }
/// ```
public final class SimServer: Sendable {
    /// One service's bound listener.
    public struct Listener: Sendable {
        public let service: any SimService
        public let port: Int
        /// `http://host:port`, no trailing slash: what clients are pointed at.
        public let url: String
    }

    private let endpoints: [(service: any SimService, port: Int)]
    private let configuration: SimServerConfiguration
    private let handlesSignals: Bool
    private enum Phase {
        case idle
        case running(ServiceGroup)
        case stopped
    }

    private let phase = Mutex(Phase.idle)
    private let logger: Logger

    /// `services` bind in order; port 0 picks a free port. With `handlesSignals`, SIGINT and
    /// SIGTERM stop the server gracefully (the command line wants that; in-process tests do not).
    public init(services: [(service: any SimService, port: Int)], configuration: SimServerConfiguration,
                handlesSignals: Bool = false) {
        self.endpoints = services
        self.configuration = configuration
        self.handlesSignals = handlesSignals
        // Hummingbird logs "server started" at info; stdout belongs to the ready lines.
        var logger = Logger(label: "rove-sim", factory: StreamLogHandler.standardError(label:))
        logger.logLevel = .warning
        self.logger = logger
    }

    /// Binds every listener, calls `onReady` once with all of them, and serves until `stop()` or a
    /// signal. Throws when a port cannot be bound.
    public func run(onReady: @escaping @Sendable ([Listener]) -> Void) async throws {
        let readiness = Readiness(count: endpoints.count, onReady: onReady)
        var applications: [any Service] = []
        for (index, endpoint) in endpoints.enumerated() {
            let responder = SimResponder(
                service: endpoint.service,
                faults: FaultInjector(plan: configuration.faults, seed: configuration.seed &+ UInt64(index)),
                log: RequestLog(),
                latency: .milliseconds(configuration.latencyMilliseconds),
                maxBodyBytes: configuration.maxBodyBytes)
            let url = Self.url(host: configuration.host)
            let application = Application(
                responder: responder,
                configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: endpoint.port)),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? endpoint.port
                    readiness.bound(Listener(service: endpoint.service, port: port, url: url(port)), at: index)
                },
                logger: logger)
            applications.append(application)
        }
        var groupConfiguration = ServiceGroupConfiguration(
            services: applications.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: handlesSignals ? [.sigterm, .sigint] : [],
            logger: logger)
        // A client holding a slow request open must not keep the process alive for long.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        let serviceGroup = ServiceGroup(configuration: groupConfiguration)
        let stoppedEarly = phase.withLock { phase in
            switch phase {
            case .idle:
                phase = .running(serviceGroup)
                return false
            case .running, .stopped:
                return true
            }
        }
        guard !stoppedEarly else { return }
        try await serviceGroup.run()
    }

    /// Stops accepting connections, lets requests in flight finish, and makes `run` return; a
    /// server stopped before it runs never starts.
    public func stop() async {
        let running: ServiceGroup? = phase.withLock { phase in
            switch phase {
            case .idle, .stopped:
                phase = .stopped
                return nil
            case .running(let serviceGroup):
                return serviceGroup
            }
        }
        await running?.triggerGracefulShutdown()
    }

    private static func url(host: String) -> @Sendable (Int) -> String {
        // An IPv6 literal needs brackets in a URL.
        let authority = host.contains(":") ? "[\(host)]" : host
        return { port in "http://\(authority):\(port)" }
    }
}

/// Collects the bound listeners and reports once every one is up.
private final class Readiness: Sendable {
    private let listeners: Mutex<[SimServer.Listener?]>
    private let onReady: @Sendable ([SimServer.Listener]) -> Void

    init(count: Int, onReady: @escaping @Sendable ([SimServer.Listener]) -> Void) {
        listeners = Mutex(Array(repeating: nil, count: count))
        self.onReady = onReady
    }

    func bound(_ listener: SimServer.Listener, at index: Int) {
        let complete: [SimServer.Listener]? = listeners.withLock { listeners in
            listeners[index] = listener
            let bound = listeners.compactMap { $0 }
            return bound.count == listeners.count ? bound : nil
        }
        if let complete { onReady(complete) }
    }
}
