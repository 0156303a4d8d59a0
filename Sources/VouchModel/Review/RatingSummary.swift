/// What a product's published reviews add up to: the plain average of their stars beside
/// a **trust-weighted** one, in which each review counts by its authenticity score times
/// its disclosures' weight (``Disclosures/ratingWeight``), so that bought, stolen or
/// in-house reviews cannot carry a product's rating. `Docs/scoring.md` states the formula.
public struct RatingSummary: Sendable, Equatable, Codable {
    /// One published review as the summary counts it.
    public struct Rated: Sendable, Equatable {
        public var rating: Int?
        public var score: Double
        public var disclosures: Disclosures?
        public var verifiedPurchase: Bool

        public init(rating: Int?, score: Double, disclosures: Disclosures?, verifiedPurchase: Bool) {
            self.rating = rating
            self.score = score
            self.disclosures = disclosures
            self.verifiedPurchase = verifiedPurchase
        }
    }

    /// Published reviews, with a rating or not.
    public var reviews: Int
    /// Reviews with a star rating.
    public var rated: Int
    /// The mean of the stars; nil with no rated review.
    public var averageRating: Double?
    /// Σ wᵢ·rᵢ / Σ wᵢ with wᵢ = scoreᵢ × disclosure weightᵢ; nil when no review carries weight.
    public var trustWeightedRating: Double?
    /// Reviews with one to five stars, in that order.
    public var distribution: [Int]
    public var verifiedPurchases: Int
    public var incentivised: Int
    public var insiders: Int

    public init(_ reviews: [Rated]) {
        self.reviews = reviews.count
        var distribution = [0, 0, 0, 0, 0]
        var stars = 0
        var weighted = 0.0
        var weights = 0.0
        for review in reviews {
            guard let rating = review.rating, (1...5).contains(rating) else { continue }
            distribution[rating - 1] += 1
            stars += rating
            let weight = max(0, review.score) * (review.disclosures?.ratingWeight ?? 1)
            weighted += weight * Double(rating)
            weights += weight
        }
        rated = distribution.reduce(0, +)
        averageRating = rated == 0 ? nil : Double(stars) / Double(rated)
        trustWeightedRating = weights > 0 ? weighted / weights : nil
        self.distribution = distribution
        verifiedPurchases = reviews.count { $0.verifiedPurchase }
        incentivised = reviews.count { $0.disclosures?.isIncentivised == true }
        insiders = reviews.count { $0.disclosures?.isInsider == true }
    }
}
