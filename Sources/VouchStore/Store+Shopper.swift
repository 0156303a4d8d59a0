import Foundation
import SQLKit
import VouchLog
import VouchModel
import VouchProvenance

extension Store {
    /// A product's published reviews in the query's order (by default best score first,
    /// ties newest first), `limit` at most, starting after `position`. Flagged, rejected,
    /// failed and pending clips never appear.
    ///
    /// Keyset paging over the product's index, read backwards: each page costs the same
    /// however deep it is, and a clip published between two pages neither repeats nor shifts the rest.
    public func publishedReviews(product: String, query: ReviewQuery = ReviewQuery(), limit: Int,
                                 after position: RankingPosition? = nil) async throws -> ReviewPage {
        let count = max(1, limit)
        let selection = ReviewSelection(product: product, query: query)
        return try await database.run { db in
            let rows = try await db.raw("""
                SELECT c.id, c.score, c.explanation, c.platform_id, pl.name AS platform_name, c.product_id, c.created_at, c.log_index,
                       c.provenance, c.verified_purchase, c.rating, c.title, c.review_text, c.language, c.disclosures,
                       c.captions IS NOT NULL AS has_captions, c.rendition_key, c.poster_key,
                       r.handle, r.identity_id, \(selection.known) AS known
                \(selection.fromWhere)\(selection.after(position))
                ORDER BY \(selection.order) LIMIT \(bind: count + 1)
                """).all()
            let reviews = try rows.prefix(count).map(Self.publishedReview(row:))
            return ReviewPage(reviews: reviews, next: rows.count > count ? reviews.last?.position : nil)
        }
    }

    private static func publishedReview(row: any SQLRow) throws -> PublishedReview {
        let clip = try row.decode(column: "id", as: Int64.self)
        return PublishedReview(
            clipID: clip,
            score: try row.decode(column: "score", as: Double?.self) ?? 0,
            // One unreadable explanation shows as "unexplained"; it never takes the product's page down.
            explanation: (try? StoredJSON.decode(ScoreExplanation.self, from: row.decode(column: "explanation", as: String?.self),
                                                 what: "explanation of clip \(clip)")) ?? nil,
            platformID: try row.decode(column: "platform_id", as: String.self),
            platformName: try row.decode(column: "platform_name", as: String.self),
            productID: try row.decode(column: "product_id", as: String.self),
            reviewerHandle: try row.decode(column: "handle", as: String?.self),
            reviewerIdentity: try row.decode(column: "identity_id", as: Int64.self),
            createdAt: Date(storeMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            logIndex: try row.decode(column: "log_index", as: Int64?.self),
            provenance: try StoredJSON.decode(Provenance.self, from: row.decode(column: "provenance", as: String?.self),
                                              what: "provenance of clip \(clip)"),
            words: try ReviewWords(row: row, clip: clip),
            verifiedPurchase: try row.decode(column: "verified_purchase", as: Bool.self),
            hasCaptions: try row.decode(column: "has_captions", as: Bool.self),
            renditionKey: try row.decode(column: "rendition_key", as: String?.self),
            posterKey: try row.decode(column: "poster_key", as: String?.self),
            knownToViewer: try row.decode(column: "known", as: Bool.self))
    }

    /// The products whose clips changed at or after `since`: what a cache of rankings
    /// must forget. Changes made by other processes are seen too, since they share the store.
    public func productsChanged(since: Date) async throws -> Set<String> {
        try await database.run { db in
            // Not DISTINCT: SQLite would then scan every clip in product order instead of
            // reading the few recent ones through `clips_by_update`.
            Set(try await db.select().column("product_id").from("clips")
                .where("updated_at", .greaterThanOrEqual, SQLBind(since.storeMilliseconds)).all()
                .map { try $0.decode(column: "product_id", as: String.self) })
        }
    }

    /// The products with published reviews, most reviewed first, `limit` at most.
    public func productsWithReviews(limit: Int) async throws -> [ProductSummary] {
        try await database.run { db in
            try await db.raw("""
                SELECT c.product_id, p.name, COUNT(*) AS reviews FROM clips c JOIN products p ON p.id = c.product_id
                WHERE c.status = \(bind: ClipStatus.published.rawValue)
                GROUP BY c.product_id, p.name ORDER BY reviews DESC, c.product_id LIMIT \(bind: max(1, limit))
                """).all().map { row in
                    ProductSummary(product: try row.decode(column: "product_id", as: String.self),
                                   name: try row.decode(column: "name", as: String?.self),
                                   publishedReviews: try row.decode(column: "reviews", as: Int.self))
                }
        }
    }

    /// The name a platform gave `product` when it first submitted a clip of it, if any.
    public func productName(_ product: String) async throws -> String? {
        try await database.run { db in
            try await db.select().column("name").from("products").where("id", .equal, product).first()
                .flatMap { try $0.decode(column: "name", as: String?.self) }
        }
    }

    /// The captions of a clip shoppers may see: published, and reviewing `product`; nil for any other.
    public func publishedCaptions(product: String, clip id: Int64) async throws -> String? {
        try await database.run { db in
            try await db.select().column("captions").from("clips").where("id", .equal, id).where("product_id", .equal, product)
                .where("status", .equal, ClipStatus.published.rawValue).first()
                .flatMap { try $0.decode(column: "captions", as: String?.self) }
        }
    }

    /// The first keyframe of a clip shoppers may see: published, and reviewing `product`.
    /// Nil for any other clip, so the poster route reveals nothing held from shoppers.
    public func publishedPoster(product: String, clip id: Int64) async throws -> Data? {
        try await database.run { db in
            try await db.raw("""
                SELECT t.jpeg FROM thumbnails t JOIN clips c ON c.id = t.clip_id
                WHERE c.id = \(bind: id) AND c.product_id = \(bind: product) AND c.status = \(bind: ClipStatus.published.rawValue)
                ORDER BY t.position LIMIT 1
                """).first().map { try $0.decode(column: "jpeg", as: Data.self) }
        }
    }
}

extension Store {
    /// What `product`'s published reviews add up to, read now: a review taken down leaves it
    /// at once. In a shop's `scope`, the reviews that shop's ranking shows.
    public func ratingSummary(product: String, scope: ReviewScope? = nil) async throws -> RatingSummary {
        let selection = ReviewSelection(product: product, query: ReviewQuery(scope: scope))
        return try await database.run { db in
            let rows = try await db.raw("SELECT c.id, c.rating, c.score, c.disclosures, c.verified_purchase \(selection.fromWhere)").all()
            return RatingSummary(try rows.map { row in
                let clip = try row.decode(column: "id", as: Int64.self)
                return RatingSummary.Rated(
                    rating: try row.decode(column: "rating", as: Int?.self), score: try row.decode(column: "score", as: Double?.self) ?? 0,
                    disclosures: try StoredJSON.decode(Disclosures.self, from: row.decode(column: "disclosures", as: String?.self),
                                                       what: "disclosures of clip \(clip)"),
                    verifiedPurchase: try row.decode(column: "verified_purchase", as: Bool.self))
            })
        }
    }
}

extension Store {
    /// How long each of these clips plays, in seconds, as probed; clips without a duration are absent.
    public func clipDurations(_ clips: [Int64]) async throws -> [Int64: Double] {
        guard !clips.isEmpty else { return [:] }
        struct Probe: Decodable { var durationSeconds: Double? }
        return try await database.run { db in
            var durations: [Int64: Double] = [:]
            for row in try await db.select().columns("id", "probe").from("clips").where("id", .in, clips).all() {
                let clip = try row.decode(column: "id", as: Int64.self)
                let probe = (try? StoredJSON.decode(Probe.self, from: row.decode(column: "probe", as: String?.self), what: "probe of clip \(clip)")) ?? nil
                if let seconds = probe?.durationSeconds { durations[clip] = seconds }
            }
            return durations
        }
    }
}
