import Foundation
import VouchModel
import VouchProvenance

/// A clip as the store holds it: who sent it, what it is, and what Vouch concluded.
public struct ClipRecord: Sendable, Equatable, Identifiable, Decodable {
    public var id: Int64
    public var platformID: String
    public var reviewerID: Int64
    public var productID: String
    public var idempotencyKey: String?
    public var contentSHA256: String
    public var byteCount: Int64
    public var attestationID: String
    public var verifiedPurchase: Bool
    public var reviewerSignature: String?
    public var spoolPath: String?
    public var status: ClipStatus
    public var verdict: Verdict?
    public var score: Double?
    /// Why the score is what it is; nil until scored.
    public var explanation: ScoreExplanation?
    /// What probing found, as JSON.
    public var probe: String?
    public var failure: String?
    /// Marked by a moderator as brand or stock footage: a reference bank entry.
    public var isReference: Bool
    /// The clip's verified C2PA content credentials; nil until analysed (or analysed before they were read).
    public var provenance: Provenance?
    /// SHA-256 of the review's words as the platform attested them; nil for a clip uploaded alone.
    public var reviewSHA256: String?
    public var createdAt: Date
    public var updatedAt: Date

    static let columns = [
        "id", "platform_id", "reviewer_id", "product_id", "idempotency_key", "content_sha256", "byte_count",
        "attestation_id", "verified_purchase", "reviewer_signature", "spool_path", "status", "verdict", "score",
        "explanation", "probe", "failure", "is_reference", "provenance", "review_sha256", "created_at", "updated_at",
    ]
}

extension ClipRecord: StoredRecord {}
