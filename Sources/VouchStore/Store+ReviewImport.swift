import Foundation
import SQLKit
import VouchModel

extension Store {
    /// Writes `reviews` as published clips of `platform`, 500 rows to a statement, in one
    /// transaction: their products (kept if they exist), an identity and a reviewer for
    /// each account (which must be new), and the clips with their words and media keys,
    /// in the columns a platform's upload fills. For benchmarks and demos only.
    ///
    /// No log entry is written: the log vouches for what the pipeline analysed, and these
    /// were not. A later entry for an imported clip (a moderator's decision, an erasure)
    /// is built from its row by `logChange`, so it commits to the imported words and
    /// `reviewSHA256` exactly as a pipeline clip's entry does.
    public func importPublishedReviews(_ reviews: [ImportedReview], platform: String) async throws {
        let now = nowMilliseconds
        var products: [String: String] = [:]
        var accounts: [String: String] = [:]
        for review in reviews {
            products[review.product] = products[review.product] ?? review.productName
            accounts[review.reviewerAccount] = accounts[review.reviewerAccount] ?? review.reviewerHandle
        }
        let productRows = products.sorted { $0.key < $1.key }
        let accountRows = accounts.sorted { $0.key < $1.key }
        try await database.transaction { db in
            for chunk in productRows.chunked(into: Self.importChunk) {
                var insert = db.insert(into: "products").columns("id", "name", "created_at")
                for (id, name) in chunk { insert = insert.values(SQLBind(id), SQLBind(name), SQLBind(now)) }
                try await insert.ignoringConflicts(with: ["id"]).run()
            }
            var reviewers: [String: Int64] = [:]
            for chunk in accountRows.chunked(into: Self.importChunk) {
                var identities = db.insert(into: "identities").columns("created_at")
                for _ in chunk { identities = identities.values(SQLBind(now)) }
                let identityIDs = try await identities.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
                var insert = db.insert(into: "reviewers").columns("platform_id", "account", "identity_id", "handle", "created_at")
                for ((account, handle), identity) in zip(chunk, identityIDs) {
                    insert = insert.values(SQLBind(platform), SQLBind(account), SQLBind(identity), SQLBind(handle), SQLBind(now))
                }
                let ids = try await insert.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
                for ((account, _), id) in zip(chunk, ids) { reviewers[account] = id }
            }
            for chunk in reviews.chunked(into: Self.importChunk) {
                var insert = db.insert(into: "clips").columns(
                    "platform_id", "reviewer_id", "product_id", "content_sha256", "byte_count", "attestation_id", "status", "verdict", "score",
                    "explanation", "verified_purchase", "rating", "title", "review_text", "language", "disclosures", "review_sha256",
                    "captions", "captions_sha256", "original_key", "rendition_key", "poster_key", "created_at", "updated_at")
                for review in chunk {
                    let words = review.content?.review
                    insert = insert.values(
                        SQLBind(platform), SQLBind(reviewers[review.reviewerAccount]), SQLBind(review.product),
                        SQLBind(review.contentSHA256), SQLBind(0), SQLBind(review.attestationID),
                        SQLBind(ClipStatus.published.rawValue), SQLBind(review.explanation.verdict.rawValue), SQLBind(review.explanation.parts.score),
                        SQLBind(try StoredJSON.text(of: review.explanation)), SQLBind(words?.disclosures.verifiedPurchase ?? false),
                        SQLBind(words?.rating), SQLBind(words?.title), SQLBind(words?.text), SQLBind(words?.language),
                        SQLBind(try words.map { try StoredJSON.text(of: $0.disclosures) }), SQLBind(review.content?.reviewSHA256),
                        SQLBind(review.content?.captions?.webVTT), SQLBind(review.content?.captionsSHA256),
                        SQLBind(review.media?.originalKey), SQLBind(review.media?.renditionKey), SQLBind(review.media?.posterKey),
                        SQLBind(now), SQLBind(now))
                }
                try await insert.run()
            }
            try await appendAudit(db, actor: "system", action: "reviews.imported", subject: "platform:\(platform)",
                                  detail: ["clips": "\(reviews.count)", "products": "\(productRows.count)"])
        }
    }

    /// Rows to a statement: well under SQLite's and PostgreSQL's bound-parameter limits.
    private static var importChunk: Int { 500 }
}
