import SQLKit

extension Schema {
    /// What a review says beside its video: rating, title, text, language, disclosures
    /// (JSON), the digest of the exact bytes the platform attested, and the captions as
    /// normalised WebVTT with the digest of the bytes sent. NULL for clips uploaded alone.
    @Sendable static func addReviewContent(_ db: any SQLDatabase, _ engine: StoreDatabase.Engine) async throws {
        for (column, type) in [("rating", SQLDataType.int), ("title", .text), ("review_text", .text), ("language", .text),
                               ("disclosures", .text), ("review_sha256", .text), ("captions", .text), ("captions_sha256", .text)] {
            try await db.alter(table: "clips").column(column, type: type).run()
        }
        try await db.create(index: "clips_by_product_rating").on("clips").column("product_id").column("status").column("rating").run()
    }
}
