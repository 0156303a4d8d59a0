import Hummingbird
import VouchIdentity

/// The request context of every route: Hummingbird's basics, the client's address, which
/// rate limiting keys on, and who the request is from, as the authenticator middleware
/// in front of its route group found (``Authenticator``).
public struct VouchRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address: the peer's, or, behind a trusted reverse proxy, the one it
    /// forwarded (``ClientAddressMiddleware``).
    public internal(set) var clientAddress: String?
    /// The platform of a platform-API request (``PlatformAuthenticator``).
    var platform: PlatformAccess?
    /// The shopper a public request is personalised for (``ViewerAuthenticator``).
    var viewer: Viewer?
    /// The moderator of a moderator-UI request (``ModeratorAuthenticator``).
    var moderator: SignedInModerator?
    /// The operator an admin-API request is from (``OperatorAuthenticator``).
    public internal(set) var operatorName: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The platform behind this request; a route outside the platform API's group that
    /// asks gets a 401, never a request with nobody behind it.
    func requirePlatform() throws(Problem) -> PlatformAccess {
        guard let platform else { throw .unauthorized("this route needs a platform's API key") }
        return platform
    }

    /// The moderator behind this request, or the refusal that sends a browser to log in.
    func requireModerator() throws(Problem) -> SignedInModerator {
        guard let moderator else { throw ModeratorSessions.loginRequired }
        return moderator
    }

    func requireOperator() throws(Problem) -> String {
        guard let operatorName else { throw .unauthorized("the admin API needs an operator token") }
        return operatorName
    }
}
