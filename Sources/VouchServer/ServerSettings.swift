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
    /// The most memory those pages may take, in bytes. Pages with words run to about 11 KB
    /// (22 KB held); 256 MiB keeps the first page of 10,000 products (Docs/benchmarks.md).
    public var rankingCacheBytes = 256 << 20
    /// Reverse proxies (addresses or CIDR networks) whose `X-Forwarded-For` names the client.
    /// Empty: the peer is the client, and forwarding headers are ignored.
    public var trustedProxies: [String] = []
    /// Bearer token that `/metrics` requires; when empty, `/metrics` answers only clients
    /// on this machine's loopback addresses.
    public var metricsToken = ""
    /// The most social edges one platform may hold.
    public var maximumEdgesPerPlatform = 5_000_000
    /// Uploads one platform may stream at once in this process, and the bytes its clips may
    /// hold in the spool (waiting for analysis, or being uploaded) at once.
    public var uploadsPerPlatform = 8
    public var spoolBytesPerPlatform: Int64 = 8 << 30
    /// Uploads slower than this (after their first `uploadGraceSeconds`) are cut off with
    /// 408, so a client dripping bytes cannot hold a connection and a spool file for ever.
    public var minimumUploadBytesPerSecond = 16_384.0
    public var uploadGraceSeconds = 10.0
    /// How long a request's body (other than an upload's) may take to arrive.
    public var bodyDeadlineSeconds = 30.0
    /// How long a connection may sit idle (no request, or a request's head or body
    /// stalled) before the server closes it.
    public var idleTimeoutSeconds = 30.0
    /// How often a process asks the store whether platforms, their keys or moderators
    /// changed: the longest a change made on another host takes to apply here.
    public var registryRefreshSeconds = 2.0
    /// The address shoppers reach this Vouch at, such as `https://reviews.example.com`: the
    /// absolute links of structured data, which shops' pages carry. Empty: `http://host:port`.
    public var publicURL = ""
    /// Shoppers the product page offers to "view as", to show personal trust without a
    /// platform's page in front. For demonstrations only: anyone could then read these
    /// shoppers' links to reviewers. Empty in production.
    public var demoShoppers: [DemoShopper] = []

    public init() {}

    /// The origin absolute links start with.
    public var publicOrigin: String {
        publicURL.isEmpty ? "http://\(host):\(port)" : String(publicURL.trimmingSuffix("/"))
    }
}

/// A shopper of a sample platform the product page may be viewed as (``ServerSettings/demoShoppers``).
public struct DemoShopper: Sendable, Codable, Equatable {
    public var platform: String
    public var account: String

    public init(platform: String, account: String) {
        self.platform = platform
        self.account = account
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: Character) -> Substring {
        var text = self[...]
        while text.last == suffix { text = text.dropLast() }
        return text
    }
}
