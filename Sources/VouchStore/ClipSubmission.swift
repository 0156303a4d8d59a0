import Foundation
import VouchModel

/// What a platform hands over with a clip, after its attestation has been verified and
/// its bytes spooled: everything the store needs to accept it durably.
public struct ClipSubmission: Sendable, Equatable {
    public var platformID: String
    public var reviewerAccount: String
    public var reviewerHandle: String?
    public var accountCreatedAt: Date?
    /// The reviewer's own Ed25519 key (base64url), only when the reviewer's signature over
    /// this upload verified under it. A key a platform merely attests proves nothing: any
    /// platform could attest a victim's key for another account and so join the victim's
    /// identity. The store links accounts by this key alone.
    public var provenReviewerKey: String?
    public var productID: String
    public var productName: String?
    public var idempotencyKey: String?
    public var contentSHA256: String
    public var byteCount: Int64
    /// The attestation's `jti`.
    public var attestationID: String
    public var verifiedPurchase: Bool
    /// The reviewer's signature over the review statement, when given and verified.
    public var reviewerSignature: String?
    /// Where the upload waits on disk.
    public var spoolPath: String
    /// The review's words, rating, disclosures and captions; nil for a clip uploaded alone.
    public var content: SubmittedContent?

    public init(
        platformID: String, reviewerAccount: String, reviewerHandle: String? = nil, accountCreatedAt: Date? = nil,
        provenReviewerKey: String? = nil, productID: String, productName: String? = nil, idempotencyKey: String? = nil,
        contentSHA256: String, byteCount: Int64, attestationID: String, verifiedPurchase: Bool = false,
        reviewerSignature: String? = nil, spoolPath: String, content: SubmittedContent? = nil
    ) {
        self.platformID = platformID
        self.reviewerAccount = reviewerAccount
        self.reviewerHandle = reviewerHandle
        self.accountCreatedAt = accountCreatedAt
        self.provenReviewerKey = provenReviewerKey
        self.productID = productID
        self.productName = productName
        self.idempotencyKey = idempotencyKey
        self.contentSHA256 = contentSHA256
        self.byteCount = byteCount
        self.attestationID = attestationID
        self.verifiedPurchase = verifiedPurchase
        self.reviewerSignature = reviewerSignature
        self.spoolPath = spoolPath
        self.content = content
    }
}
