import VouchModel

/// A review's words, rating, disclosures and captions as the platform attested them, with
/// the digests of the exact bytes it signed, which the review log commits to.
public struct SubmittedContent: Sendable, Equatable {
    public var review: ReviewContent
    /// SHA-256 of the `review` part's exact bytes, lowercase hex.
    public var reviewSHA256: String
    public var captions: Captions?
    /// SHA-256 of the `captions` part's exact bytes, lowercase hex.
    public var captionsSHA256: String?

    public init(review: ReviewContent, reviewSHA256: String, captions: Captions? = nil, captionsSHA256: String? = nil) {
        self.review = review
        self.reviewSHA256 = reviewSHA256
        self.captions = captions
        self.captionsSHA256 = captionsSHA256
    }
}
