/// The HTTP server: `server` in `Config/vouch.json`.
public struct ServerSettings: Sendable, Codable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The largest clip upload accepted, in bytes; larger ones get 413 before they are read.
    public var maxUploadBytes: Int64 = 256 << 20
    /// How often one client may ask the public shopper API.
    public var rateLimit = RateLimitSettings()
    /// Ranking pages the shopper API keeps in memory (0: none, every page is read anew).
    public var rankingCacheEntries = 50_000

    public init() {}
}
