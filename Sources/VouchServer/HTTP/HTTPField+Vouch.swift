import HTTPTypes

extension HTTPField.Name {
    /// The platform's JWT attestation of who recorded the clip.
    static let vouchAttestation = Self("Vouch-Attestation")!
    /// The reviewer's own Ed25519 signature over the review statement, base64url.
    static let vouchReviewerSignature = Self("Vouch-Reviewer-Signature")!
    static let idempotencyKey = Self("Idempotency-Key")!
    /// A platform's attestation of the shopper viewing reviews, to show personal trust links.
    static let vouchViewer = Self("Vouch-Viewer")!
    /// Lets pages on other origins read the timing of the public answers (Resource Timing).
    static let timingAllowOrigin = Self("Timing-Allow-Origin")!
    /// The client addresses a chain of reverse proxies saw, each appending its peer's.
    static let xForwardedFor = Self("X-Forwarded-For")!
}
