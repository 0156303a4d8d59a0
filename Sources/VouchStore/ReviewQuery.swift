import VouchIdentity

/// Which of a product's published reviews a shopper asks for, and in what order.
public struct ReviewQuery: Sendable, Hashable {
    /// The orders the shopper API offers.
    public enum Sort: String, Sendable, Hashable, CaseIterable {
        /// Best authenticity score first: the default, and what Vouch exists for.
        case authenticity
        case newest
        /// Most stars first, then best score.
        case rating
        /// Reviewers the viewer relates to (at most two steps away in the viewer's
        /// platform's social graph) first, each part best score first. Needs a viewer.
        case known
    }

    public var sort: Sort
    /// Only reviews with this many stars.
    public var rating: Int?
    /// Only reviews whose purchase was verified (true) or not (false).
    public var verifiedPurchase: Bool?
    /// Only reviews shoppers can play (true) or not (false).
    public var withVideo: Bool?
    /// The shop the ranking is shown in; nil for Vouch's own ranking of the product id.
    public var scope: ReviewScope?
    /// The shopper ``Sort/known`` puts their contacts first for.
    public var viewer: Viewer?

    public init(sort: Sort = .authenticity, rating: Int? = nil, verifiedPurchase: Bool? = nil, withVideo: Bool? = nil,
                scope: ReviewScope? = nil, viewer: Viewer? = nil) {
        self.sort = sort
        self.rating = rating
        self.verifiedPurchase = verifiedPurchase
        self.withVideo = withVideo
        self.scope = scope
        self.viewer = viewer
    }
}
