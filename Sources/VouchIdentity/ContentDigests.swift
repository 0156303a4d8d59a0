/// The SHA-256 digests (lowercase hex) of what a review carries beside its clip, which its
/// attestation must name: the `review` part's bytes and the `captions` part's. Nil for a
/// part not sent, as for a clip uploaded alone.
public struct ContentDigests: Sendable, Equatable {
    public var review: String?
    public var captions: String?

    public init(review: String? = nil, captions: String? = nil) {
        self.review = review
        self.captions = captions
    }
}
