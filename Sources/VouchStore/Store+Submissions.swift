import Foundation
import SQLKit
import VouchModel

/// The outcome of a submission: the clip, and whether this call created it or found it.
public struct SubmissionReceipt: Sendable, Equatable {
    public var clip: ClipRecord
    public var created: Bool
}

extension Store {
    /// Accepts a clip durably: its reviewer, product, clip row, queued job and audit entry
    /// are written together, or not at all.
    ///
    /// Idempotent: the same platform and `Idempotency-Key` with the same bytes return the
    /// clip made the first time; with other bytes they fail with
    /// ``StoreError/idempotencyConflict(key:existingClip:)``.
    public func submit(_ submission: ClipSubmission) async throws -> SubmissionReceipt {
        do {
            return try await submitOnce(submission)
        } catch let error as StoreError {
            throw error
        } catch {
            // Two concurrent first submissions with one key: the loser of the unique
            // index finds the winner's clip on a second look.
            guard submission.idempotencyKey != nil, let existing = try await clip(idempotencyKey: submission.idempotencyKey, platform: submission.platformID) else { throw error }
            return try Self.replay(existing, of: submission)
        }
    }

    /// Whether the platform sent a `purchase` signal from this reviewer's account for this
    /// product before the review: a verified purchase, as if the attestation had claimed it.
    private static func boughtBefore(_ submission: ClipSubmission, in db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("event_id").from("demand_events").where("platform_id", .equal, submission.platformID)
            .where("account", .equal, submission.reviewerAccount).where("product", .equal, submission.productID)
            .where("kind", .equal, "purchase").limit(1).first() != nil
    }

    private func submitOnce(_ submission: ClipSubmission) async throws -> SubmissionReceipt {
        let now = nowMilliseconds
        let maxAttempts = queue.maxAttempts
        return try await database.transaction { db in
            if let key = submission.idempotencyKey, let row = try await db.select().columns(ClipRecord.columns).from("clips")
                .where("platform_id", .equal, submission.platformID).where("idempotency_key", .equal, key).first() {
                return try Self.replay(try ClipRecord(row: row), of: submission)
            }
            guard try await db.select().column("id").from("platforms").where("id", .equal, submission.platformID).first() != nil else {
                throw StoreError.notFound("platform '\(submission.platformID)'")
            }
            try await db.insert(into: "products").columns("id", "name", "created_at")
                .values(SQLBind(submission.productID), SQLBind(submission.productName), SQLBind(now))
                .ignoringConflicts(with: ["id"])
                .run()
            let reviewerID = try await reviewer(for: submission, in: db, now: now)
            let bought = submission.verifiedPurchase ? true : try await Self.boughtBefore(submission, in: db)
            guard let inserted = try await db.insert(into: "clips")
                .columns("platform_id", "reviewer_id", "product_id", "idempotency_key", "content_sha256", "byte_count",
                         "attestation_id", "verified_purchase", "reviewer_signature", "spool_path", "status", "created_at", "updated_at")
                .values(SQLBind(submission.platformID), SQLBind(reviewerID), SQLBind(submission.productID), SQLBind(submission.idempotencyKey),
                        SQLBind(submission.contentSHA256), SQLBind(submission.byteCount), SQLBind(submission.attestationID),
                        SQLBind(bought), SQLBind(submission.reviewerSignature), SQLBind(submission.spoolPath),
                        SQLBind(ClipStatus.received.rawValue), SQLBind(now), SQLBind(now))
                .returning(ClipRecord.columns.map { SQLColumn($0) })
                .first()
            else { throw StoreError.corruptRecord("new clip") }
            let clip = try ClipRecord(row: inserted)
            if let content = submission.content { try await record(content, of: clip.id, in: db) }
            try await db.insert(into: "jobs").columns("clip_id", "state", "attempts", "max_attempts", "run_after", "created_at")
                .values(SQLBind(clip.id), SQLBind(Job.State.queued.rawValue), SQLBind(0), SQLBind(maxAttempts), SQLBind(now), SQLBind(now))
                .run()
            try await appendAudit(db, actor: "platform:\(submission.platformID)", action: "clip.submitted", subject: "clip:\(clip.id)",
                                  detail: ["sha256": submission.contentSHA256, "product": submission.productID, "reviewer": submission.reviewerAccount])
            return SubmissionReceipt(clip: clip, created: true)
        }
    }

    /// Writes a review's words, rating, disclosures and captions beside its clip.
    private func record(_ content: SubmittedContent, of clip: Int64, in db: any SQLDatabase) async throws {
        let review = content.review
        try await db.update("clips")
            .set("rating", to: SQLBind(review.rating)).set("title", to: SQLBind(review.title))
            .set("review_text", to: SQLBind(review.text)).set("language", to: SQLBind(review.language))
            .set("disclosures", to: SQLBind(try StoredJSON.text(of: review.disclosures)))
            .set("review_sha256", to: SQLBind(content.reviewSHA256))
            .set("captions", to: SQLBind(content.captions?.webVTT)).set("captions_sha256", to: SQLBind(content.captionsSHA256))
            .where("id", .equal, clip).run()
    }

    /// A submission with the idempotency key of `existing` is its replay only if it carries
    /// the same clip and the same words.
    private static func replay(_ existing: ClipRecord, of submission: ClipSubmission) throws -> SubmissionReceipt {
        guard existing.contentSHA256 == submission.contentSHA256, existing.reviewSHA256 == submission.content?.reviewSHA256 else {
            throw StoreError.idempotencyConflict(key: submission.idempotencyKey ?? "", existingClip: existing.id)
        }
        return SubmissionReceipt(clip: existing, created: false)
    }

    /// The clip a platform submitted under `idempotencyKey`, if any.
    public func clip(idempotencyKey: String?, platform: String) async throws -> ClipRecord? {
        guard let idempotencyKey else { return nil }
        return try await database.run { db in
            try await db.select().columns(ClipRecord.columns).from("clips")
                .where("platform_id", .equal, platform).where("idempotency_key", .equal, idempotencyKey)
                .first().map(ClipRecord.init(row:))
        }
    }
}
