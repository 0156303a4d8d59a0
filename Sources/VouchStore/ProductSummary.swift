/// A product as the shopper's front page lists it: its name, if a platform gave one, and
/// how many reviews shoppers can see.
public struct ProductSummary: Sendable, Equatable {
    public var product: String
    public var name: String?
    public var publishedReviews: Int
}
