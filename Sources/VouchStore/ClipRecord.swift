import Foundation
import SQLKit
import VouchModel
import VouchProvenance

/// A clip as the store holds it: who sent it, what it is, and what Vouch concluded.
public struct ClipRecord: Sendable, Equatable, Identifiable {
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
    public var createdAt: Date
    public var updatedAt: Date

    static let columns = [
        "id", "platform_id", "reviewer_id", "product_id", "idempotency_key", "content_sha256", "byte_count",
        "attestation_id", "verified_purchase", "reviewer_signature", "spool_path", "status", "verdict", "score",
        "explanation", "probe", "failure", "is_reference", "provenance", "created_at", "updated_at",
    ]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int64.self)
        platformID = try row.decode(column: "platform_id", as: String.self)
        reviewerID = try row.decode(column: "reviewer_id", as: Int64.self)
        productID = try row.decode(column: "product_id", as: String.self)
        idempotencyKey = try row.decode(column: "idempotency_key", as: String?.self)
        contentSHA256 = try row.decode(column: "content_sha256", as: String.self)
        byteCount = try row.decode(column: "byte_count", as: Int64.self)
        attestationID = try row.decode(column: "attestation_id", as: String.self)
        verifiedPurchase = try row.decode(column: "verified_purchase", as: Bool.self)
        reviewerSignature = try row.decode(column: "reviewer_signature", as: String?.self)
        spoolPath = try row.decode(column: "spool_path", as: String?.self)
        status = try ClipStatus(stored: row.decode(column: "status", as: String.self), clip: id)
        verdict = try row.decode(column: "verdict", as: String?.self).map(Verdict.init(rawValue:))
        score = try row.decode(column: "score", as: Double?.self)
        explanation = try StoredJSON.decode(ScoreExplanation.self, from: row.decode(column: "explanation", as: String?.self), what: "explanation of clip \(id)")
        probe = try row.decode(column: "probe", as: String?.self)
        failure = try row.decode(column: "failure", as: String?.self)
        isReference = try row.decode(column: "is_reference", as: Bool.self)
        provenance = try StoredJSON.decode(Provenance.self, from: row.decode(column: "provenance", as: String?.self), what: "provenance of clip \(id)")
        createdAt = Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self))
        updatedAt = Date(storeMilliseconds: try row.decode(column: "updated_at", as: Int64.self))
    }
}
