import Hummingbird
import Logging
import VouchPipeline
import VouchStore

/// `/metrics` alone, on its own address: how a `vouch worker`, which serves no API,
/// exports its counters (clips processed, webhook attempts, the review log's signing and
/// self-check) and the queue depths. Loopback or `server.metricsToken`, as on the API.
public struct MetricsListener: Sendable {
    let store: Store
    let host: String
    let port: Int
    let token: String

    public init(store: Store, host: String, port: Int, token: String) {
        self.store = store
        self.host = host
        self.port = port
        self.token = token
    }

    /// The listener as a service for the worker's group; `onServerRunning` learns the bound port.
    public func application(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: VouchRequestContext.self)
        router.middlewares.add(ClientAddressMiddleware(trustedProxies: []))
        MetricsRoutes(store: store, token: token).register(on: router)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "Vouch"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }
}
