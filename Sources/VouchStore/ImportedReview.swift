import VouchModel

/// A published review written straight into the store, with no job and no log entry:
/// what a benchmark or a demo fills a store with to load the shopper API. Nothing in it
/// was analysed, so it has no place in a live store.
public struct ImportedReview: Sendable {
    public var product: String
    public var productName: String
    /// The reviewer's account on the importing platform; one is made for each new account.
    public var reviewerAccount: String
    public var reviewerHandle: String
    /// Unique on the platform, as an attestation's ID is.
    public var attestationID: String
    public var contentSHA256: String
    /// The score, its parts and the verdict, as the pipeline would have explained them.
    public var explanation: ScoreExplanation
    /// The rating, words, disclosures and captions, with the digests a platform's upload
    /// would carry; nil for a clip without words. Its `review.product` is not read: the
    /// review belongs to `product`.
    public var content: SubmittedContent?
    /// Keys in the media store; the objects need not exist to rank or list the review.
    public var media: ClipMedia?

    public init(product: String, productName: String, reviewerAccount: String, reviewerHandle: String, attestationID: String,
                contentSHA256: String, explanation: ScoreExplanation, content: SubmittedContent? = nil, media: ClipMedia? = nil) {
        self.product = product
        self.productName = productName
        self.reviewerAccount = reviewerAccount
        self.reviewerHandle = reviewerHandle
        self.attestationID = attestationID
        self.contentSHA256 = contentSHA256
        self.explanation = explanation
        self.content = content
        self.media = media
    }
}
