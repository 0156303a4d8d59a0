import Hummingbird

/// The request context of every route: Hummingbird's basics, and the client's address,
/// which rate limiting keys on.
public struct VouchRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address: the peer's, or, behind a trusted reverse proxy, the one it
    /// forwarded (``ClientAddressMiddleware``).
    public internal(set) var clientAddress: String?
    /// The operator an admin-API request is from (``OperatorAuthenticator``).
    public internal(set) var operatorName: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }
}
