/// The shopper API's rate limit: `server.rateLimit` in `Config/vouch.json`. Each client
/// address, and each identified viewer, has a token bucket of `burst` tokens refilled at
/// `requestsPerSecond`.
public struct RateLimitSettings: Sendable, Codable, Equatable {
    public var enabled = true
    public var requestsPerSecond = 10.0
    public var burst = 40.0

    public init() {}
}
