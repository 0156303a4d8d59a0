/// Whose shop a ranking is shown in: the platform whose product page asks, the products
/// that are the same product there and on other platforms (by GTIN), and whether that
/// platform shows reviews recorded elsewhere. Without a scope a ranking is Vouch's own:
/// every platform's reviews filed under the product id.
public struct ReviewScope: Sendable, Hashable {
    public var platform: String
    /// The product asked for, then every product any platform gave the same GTIN.
    public var products: [String]
    public var showsSyndicated: Bool

    public init(platform: String, products: [String], showsSyndicated: Bool) {
        self.platform = platform
        self.products = products
        self.showsSyndicated = showsSyndicated
    }
}

/// A platform's choice about other shops: whether its pages show reviews recorded on other
/// platforms for the same product, and whether its own reviews may be shown on theirs.
public struct SyndicationPolicy: Sendable, Hashable, Codable {
    public var showSyndicated: Bool
    public var shareReviews: Bool

    /// What a platform that never chose has: it shows only its own reviews, and shares them.
    public static let standard = SyndicationPolicy(showSyndicated: false, shareReviews: true)

    public init(showSyndicated: Bool, shareReviews: Bool) {
        self.showSyndicated = showSyndicated
        self.shareReviews = shareReviews
    }
}
