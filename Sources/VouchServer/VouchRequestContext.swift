import Hummingbird

/// The request context of every route: Hummingbird's basics, and the client's address,
/// which rate limiting keys on.
public struct VouchRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address; behind a reverse proxy, the proxy's.
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
