import VouchModel

/// A product's ratings as the shopper API returns them (`GET /v1/products/{id}/summary`).
struct SummaryBody: Encodable, Sendable {
    var product: String
    var reviews: Int
    var rated: Int
    var averageRating: Double?
    /// Each review's stars weighted by its authenticity score and disclosures (`Docs/scoring.md`).
    var trustWeightedRating: Double?
    /// Reviews by stars: "1" to "5".
    var distribution: [String: Int]
    var verifiedPurchases: Int
    var incentivised: Int
    var insiders: Int

    init(product: String, summary: RatingSummary) {
        self.product = product
        reviews = summary.reviews
        rated = summary.rated
        averageRating = summary.averageRating
        trustWeightedRating = summary.trustWeightedRating
        distribution = Dictionary(uniqueKeysWithValues: summary.distribution.enumerated().map { ("\($0.offset + 1)", $0.element) })
        verifiedPurchases = summary.verifiedPurchases
        incentivised = summary.incentivised
        insiders = summary.insiders
    }
}
