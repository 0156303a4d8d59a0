/// What a reviewer says about a product, beside the video: the rating, the words and the
/// disclosures. A platform signs the exact bytes it sends (`review_sha256`), so nothing a
/// shopper reads can change after the platform attested it.
public struct ReviewContent: Sendable, Hashable, Codable {
    public var product: String
    public var productName: String?
    /// One to five stars.
    public var rating: Int
    public var title: String?
    public var text: String?
    /// A BCP 47 language tag, such as `en` or `pt-BR`.
    public var language: String?
    public var disclosures: Disclosures

    public init(product: String, productName: String? = nil, rating: Int, title: String? = nil, text: String? = nil,
                language: String? = nil, disclosures: Disclosures = Disclosures()) {
        self.product = product
        self.productName = productName
        self.rating = rating
        self.title = title
        self.text = text
        self.language = language
        self.disclosures = disclosures
    }
}
