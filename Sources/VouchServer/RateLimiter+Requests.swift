import VouchIdentity
import VouchPipeline

extension RateLimiter {
    /// Admits a public request: a token from its client address's bucket and, when the
    /// shopper is identified, from the viewer's; otherwise 429 with `Retry-After`.
    func admit(_ context: VouchRequestContext, viewer: Viewer?) async throws(Problem) {
        var keys = [Self.bucket(for: context.clientAddress)]
        if let viewer { keys.append("viewer:\(viewer.platformID)/\(viewer.account)") }
        guard let wait = admit(keys) else { return }
        let seconds = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
        throw Problem(.tooManyRequests, "rate-limited", title: "Too many requests",
                      detail: "this client may ask again in \(seconds) s", headers: [.retryAfter: "\(seconds)"])
    }

    /// The bucket of a client address: IPv4 addresses each have their own; IPv6 clients
    /// share one per /64, the block a single subscriber is given and can rotate within.
    static func bucket(for address: String?) -> String {
        guard let client = address.flatMap(IPAddress.init)?.unmapped else { return "address:unknown" }
        return client.isIPv4 ? "address:\(client)" : "address:\(IPNetwork(client, length: 64))"
    }
}
