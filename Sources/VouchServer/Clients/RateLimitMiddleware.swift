import Hummingbird
import VouchIdentity
import VouchPipeline

/// Admits a public request through ``RateLimiter`` before the routes behind it run, or
/// answers 429 with `Retry-After`.
///
/// On the public routes it goes first, in front of the viewer's authenticator, keyed on
/// the client's address, so a flood of forged tokens costs the flooder a token each and
/// the server no signature checks. A second one behind ``ViewerAuthenticator`` keys on the identified
/// shopper, whose requests are then limited wherever they come from.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = VouchRequestContext

    /// Whose bucket a request takes its token from.
    enum Key: Sendable {
        case clientAddress
        /// The viewer's, when the request has one; others pass.
        case viewer
    }

    let limiter: RateLimiter
    let key: Key

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let bucket = bucket(of: context), let wait = await limiter.admit([bucket]) {
            let seconds = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
            throw Problem(.tooManyRequests, "rate-limited", title: "Too many requests",
                          detail: "this client may ask again in \(seconds) s", headers: [.retryAfter: "\(seconds)"])
        }
        return try await next(request, context)
    }

    private func bucket(of context: Context) -> String? {
        switch key {
        case .clientAddress: RateLimiter.bucket(for: context.clientAddress)
        case .viewer: context.viewer.map { "viewer:\($0.platformID)/\($0.account)" }
        }
    }
}

extension RateLimiter {
    /// The bucket of a client address: IPv4 addresses each have their own; IPv6 clients
    /// share one per /64, the block a single subscriber is given and can rotate within.
    static func bucket(for address: String?) -> String {
        guard let client = address.flatMap(IPAddress.init)?.unmapped else { return "address:unknown" }
        return client.isIPv4 ? "address:\(client)" : "address:\(IPNetwork(client, length: 64))"
    }
}
