/// A product as the shopper's front page lists it: how many reviews shoppers can see.
public struct ProductSummary: Sendable, Equatable {
    public var product: String
    public var publishedReviews: Int
}
