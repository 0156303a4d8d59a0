/// Which of a product's published reviews a shopper asks for, and in what order.
public struct ReviewQuery: Sendable, Hashable {
    /// The orders the shopper API offers.
    public enum Sort: String, Sendable, Hashable, CaseIterable {
        /// Best authenticity score first: the default, and what Vouch exists for.
        case authenticity
        case newest
        /// Most stars first, then best score.
        case rating
    }

    public var sort: Sort
    /// Only reviews with this many stars.
    public var rating: Int?
    /// Only reviews whose purchase was verified (true) or not (false).
    public var verifiedPurchase: Bool?
    /// Only reviews shoppers can play (true) or not (false).
    public var withVideo: Bool?

    public init(sort: Sort = .authenticity, rating: Int? = nil, verifiedPurchase: Bool? = nil, withVideo: Bool? = nil) {
        self.sort = sort
        self.rating = rating
        self.verifiedPurchase = verifiedPurchase
        self.withVideo = withVideo
    }
}
